import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import {
  ACCOUNT_ID,
  APP_PROTOCOLS,
  bindDependencies,
  blocks,
  checkPlanInput,
  DEFAULT_TAG_KEYS,
  describePlan,
  DNS_LABEL,
  DNS_NAME,
  ECS_NAME,
  ENDPOINT_NAME,
  formatProblems,
  KMS_KEY_ARN,
  NAMESPACE_REF,
  type NameRule,
  PCA_ARN,
  PORT_NAME,
  REGION,
  ROLE_ARN,
  SERVICE_ARN,
  TAG_VALUE,
  type TagKeys,
} from '@ecs-net/plugin-ecs-networking-common';
import type { LiveNetworkSource } from '../live/liveNetworkSource';
import { logProblems, PlanRejectedError } from './planRejected';
import { examples } from './validate.examples';
import { CapturedSchema, plain, ruleString, type Zod } from './zodSchema';

export const VALIDATE_ACTION_ID = 'ecs-networking:validate';

function port(z: Zod, description: string) {
  return z
    .number({ description })
    .int({ message: 'must be a whole number' })
    .min(1, { message: 'must be a port between 1 and 65535' })
    .max(65535, { message: 'must be a port between 1 and 65535' });
}

/** The input of `ecs-networking:validate`: the planned service. */
export function validateInputSchema(z: Zod) {
  const tag = (what: string) =>
    ruleString(z, TAG_VALUE, `Value of the ${what} tag`).optional();
  const optionalArn = (rule: NameRule, description: string) =>
    z.union([z.literal(''), ruleString(z, rule, description)]).optional();
  const seconds = (description: string) =>
    z
      .number({ description })
      .int({ message: 'must be a whole number of seconds' })
      .min(0, { message: 'must be 0 or more seconds' })
      .max(2147483647, { message: 'must be at most 2147483647 seconds' })
      .optional();
  return z.object({
    mode: z.enum(['service-connect', 'service-discovery', 'both'], {
      description:
        'service-connect: reachable from ECS tasks with Service Connect; service-discovery: a DNS name for anything in the VPC; both.',
    }),
    accountId: ruleString(z, ACCOUNT_ID, 'AWS account the service runs in'),
    region: ruleString(z, REGION, 'AWS region the service runs in'),
    cluster: ruleString(z, ECS_NAME, 'ECS cluster name'),
    serviceName: ruleString(
      z,
      ECS_NAME,
      'ECS service name (also the task definition family)',
    ),
    networkMode: z
      .enum(['awsvpc', 'bridge', 'host'], {
        description: 'Task definition network mode',
      })
      .default('awsvpc'),
    container: z.object(
      {
        name: ruleString(
          z,
          ECS_NAME,
          'Name of the container that serves the traffic',
        ),
        port: port(z, 'containerPort it listens on'),
        portName: ruleString(
          z,
          PORT_NAME,
          'Name of its port mapping (portMappings[].name), which Service Connect refers to',
        ),
        appProtocol: z
          .enum([...APP_PROTOCOLS, ''], {
            description:
              "The port mapping's appProtocol (http, http2, grpc); empty for plain TCP",
          })
          .optional(),
      },
      { description: 'The container that serves the traffic' },
    ),
    serviceConnect: z
      .object(
        {
          namespace: ruleString(
            z,
            NAMESPACE_REF,
            'Namespace name or ARN; empty for the cluster default namespace',
          ).optional(),
          portName: ruleString(
            z,
            PORT_NAME,
            'Port name in service_connect_configuration; defaults to container.portName. Must equal a port mapping name.',
          ).optional(),
          discoveryName: z
            .union(
              [
                z.literal(''),
                ruleString(z, DNS_LABEL, 'Cloud Map name ECS registers'),
              ],
              {
                description:
                  'Cloud Map name ECS registers; empty for the port name',
              },
            )
            .optional(),
          clientAlias: z.object(
            {
              dnsName: ruleString(z, DNS_NAME, 'Name clients call'),
              port: port(z, 'Port clients call'),
            },
            { description: 'The endpoint clients call: dnsName:port' },
          ),
          tls: z
            .object(
              {
                certificateAuthorityArn: optionalArn(
                  PCA_ARN,
                  'AWS Private CA that issues the certificates; empty for no TLS',
                ),
                kmsKey: optionalArn(
                  KMS_KEY_ARN,
                  'KMS key that encrypts the private keys; empty for an AWS owned key',
                ),
                roleArn: optionalArn(
                  ROLE_ARN,
                  'Infrastructure role ECS uses for the Private CA; empty for none',
                ),
              },
              { description: "Service Connect TLS (the service entry's tls)" },
            )
            .optional(),
          timeout: z
            .object(
              {
                idleTimeoutSeconds: seconds(
                  'How long an idle connection stays open; 0 turns it off',
                ),
                perRequestTimeoutSeconds: seconds(
                  'How long the proxy waits for a response (http, http2 and grpc only); 0 turns it off',
                ),
              },
              { description: "The service entry's timeout" },
            )
            .optional(),
        },
        {
          description:
            'Service Connect settings (modes service-connect and both)',
        },
      )
      .optional(),
    serviceDiscovery: z
      .object(
        {
          namespace: ruleString(
            z,
            NAMESPACE_REF,
            'Private DNS namespace name or ARN (existing), or the name of the namespace to create',
          ),
          createNamespace: z
            .boolean({
              description: 'Create a new private DNS namespace of that name',
            })
            .default(false),
          name: ruleString(
            z,
            DNS_LABEL,
            'Cloud Map service name: the record is NAME.NAMESPACE',
          ),
          recordType: z.enum(['A', 'SRV'], {
            description:
              'A needs awsvpc; bridge and host need SRV (with container name and port)',
          }),
          ttl: z
            .number({
              description:
                'DNS record TTL in seconds (10 is usual; above 60 warns)',
            })
            .int({ message: 'must be a whole number of seconds' })
            .min(0, { message: 'must be between 0 and 2147483647 seconds' })
            .max(2147483647, {
              message: 'must be between 0 and 2147483647 seconds',
            })
            .default(10),
          routingPolicy: z
            .enum(['MULTIVALUE', 'WEIGHTED'], {
              description: 'Cloud Map routing policy',
            })
            .default('MULTIVALUE'),
          customHealthCheck: z
            .boolean({
              description:
                'health_check_custom_config, so ECS reports task health',
            })
            .default(true),
        },
        {
          description:
            'Service Discovery settings (modes service-discovery and both)',
        },
      )
      .optional(),
    dependencies: z
      .array(ruleString(z, ENDPOINT_NAME, 'Endpoint name'), {
        description:
          'Endpoints the service calls (order-service:8080, mysql.app)',
      })
      .max(50, { message: 'at most 50 dependencies' })
      .default([]),
    tags: z
      .object(
        {
          owner: tag('owner'),
          system: tag('system'),
          lifecycle: tag('lifecycle'),
          component: tag('component'),
        },
        {
          description:
            'Tag values for the ECS service (keys per ecsNetworking.tags)',
        },
      )
      .default({}),
    replacesServiceArn: ruleString(
      z,
      SERVICE_ARN,
      'Set when changing a live service (migration): its ARN. Its own names then do not count as collisions.',
    ).optional(),
    failOnWarnings: z
      .boolean({
        description: 'Fail on warnings too (default: only errors fail)',
      })
      .default(false),
  });
}

/**
 * The parsed input. It is handed to the common `checkPlanInput` as a
 * `PlanInput`, the shape the scaffolder form's check builds too, so the two
 * cannot drift apart without a type error.
 */
export type ValidateInput = ReturnType<
  ReturnType<typeof validateInputSchema>['parse']
>;

const dependencySchema = (z: Zod) =>
  z.object({
    endpoint: z.string(),
    resolved: z.string(),
    mechanism: z.string(),
    service: z.string(),
    owner: z.string().optional(),
    variable: z.string(),
    value: z.string(),
  });

/**
 * `ecs-networking:validate`: checks a planned service against the live ECS
 * network before anything is generated, and hands the resolved values
 * (namespace ARN, effective discovery name, endpoint names, dependency
 * variables) to later steps. Reads only, so it runs in dry-run too.
 */
export function createValidateAction(options: {
  source: LiveNetworkSource;
  tagKeys?: TagKeys;
}) {
  const tagKeys = options.tagKeys ?? DEFAULT_TAG_KEYS;
  const schema = new CapturedSchema(validateInputSchema);
  return createTemplateAction({
    id: VALIDATE_ACTION_ID,
    description:
      'Checks a planned ECS service (Service Connect, Service Discovery or both) against the live ECS network: port name linkage, namespaces, name collisions, DNS syntax, TTL, record type vs network mode, and that every dependency is a reachable endpoint. Fails listing every problem at once.',
    examples,
    supportsDryRun: true,
    schema: {
      input: schema.factory,
      output: {
        serviceArn: z =>
          z.string({ description: 'ARN the new ECS service will have' }),
        clusterArn: z => z.string({ description: 'ARN of the cluster' }),
        namespaceArn: z =>
          z
            .string({
              description:
                'Service Connect namespace ARN (explicit or cluster default)',
            })
            .optional(),
        namespaceName: z =>
          z
            .string({ description: 'Service Connect namespace name' })
            .optional(),
        namespaceType: z =>
          z
            .enum(['HTTP', 'DNS_PRIVATE', 'DNS_PUBLIC'], {
              description: 'Type of the Service Connect namespace',
            })
            .optional(),
        namespaceOwnerAccountId: z =>
          z
            .string({
              description:
                'The account that shares the Service Connect namespace with this one (AWS RAM); absent for an own namespace',
            })
            .optional(),
        namespaceFromCluster: z =>
          z
            .boolean({
              description:
                'The Service Connect namespace is the cluster default',
            })
            .optional(),
        discoveryName: z =>
          z
            .string({ description: 'Effective Service Connect discovery name' })
            .optional(),
        clientAlias: z =>
          z.string({ description: 'dnsName:port clients call' }).optional(),
        serviceDiscoveryName: z =>
          z
            .string({ description: 'NAME.NAMESPACE the VPC resolves' })
            .optional(),
        serviceDiscoveryNamespaceId: z =>
          z
            .string({ description: 'Existing Service Discovery namespace id' })
            .optional(),
        endpoints: z =>
          z.array(z.string(), {
            description: 'Names the new service will answer on',
          }),
        dependencies: z =>
          z.array(dependencySchema(z), {
            description:
              'Each dependency, the endpoint it resolved to, its owner and the environment variable',
          }),
        environment: z =>
          z.array(z.object({ name: z.string(), value: z.string() }), {
            description: 'Environment variables pointing at the dependencies',
          }),
        warnings: z =>
          z.array(z.string(), { description: 'Problems that do not block' }),
      },
    },
    async handler(ctx) {
      const output: typeof ctx.output = (name, value) =>
        ctx.output(name, plain(value));
      const input = schema.parse(
        ctx.input,
        VALIDATE_ACTION_ID,
      ) as ValidateInput;
      const live = await options.source.load();
      const {
        plan,
        resolved,
        problems: all,
      } = checkPlanInput(input, live, { tagKeys });
      if (!plan || !resolved) {
        // The schema lets no malformed name through; this is a safety net.
        throw new PlanRejectedError(formatProblems('The input', all));
      }

      output('serviceArn', resolved.serviceArn);
      output('clusterArn', resolved.clusterArn);
      if (resolved.serviceConnect) {
        output('namespaceArn', resolved.serviceConnect.namespaceArn);
        output('namespaceName', resolved.serviceConnect.namespaceName);
        output('namespaceType', resolved.serviceConnect.namespaceType);
        const owner = resolved.serviceConnect.namespaceOwnerAccountId;
        if (owner) output('namespaceOwnerAccountId', owner);
        output(
          'namespaceFromCluster',
          resolved.serviceConnect.namespaceFromCluster,
        );
        output('discoveryName', resolved.serviceConnect.discoveryName);
        output('clientAlias', resolved.serviceConnect.clientAliases[0]);
      }
      const sd = resolved.serviceDiscovery[0];
      if (sd) {
        output('serviceDiscoveryName', sd.fqdn);
        if (sd.namespaceId)
          output('serviceDiscoveryNamespaceId', sd.namespaceId);
      }
      output('endpoints', resolved.endpoints);
      output('dependencies', resolved.dependencies);
      output(
        'environment',

        bindDependencies(input.dependencies).map(b => ({
          name: b.variable,
          value: b.value,
        })),
      );
      output(
        'warnings',

        all
          .filter(p => p.severity === 'warning')
          .map(p => `${p.message} [${p.ruleId}]`),
      );

      if (blocks(all, input.failOnWarnings)) {
        throw new PlanRejectedError(formatProblems(describePlan(plan), all));
      }
      logProblems(ctx.logger, all);
      ctx.logger.info(
        `${describePlan(plan)} checks out against live state: answers on ${
          resolved.endpoints.join(', ') || 'no endpoint'
        }${
          resolved.dependencies.length
            ? `; calls ${resolved.dependencies
                .map(d => `${d.resolved} (${d.service})`)
                .join(', ')}`
            : ''
        }.`,
      );
    },
  });
}
