import type { LoggerService } from '@backstage/backend-plugin-api';
import { InputError } from '@backstage/errors';
import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import {
  DEFAULT_TAG_KEYS,
  DNS_LABEL,
  DNS_NAME,
  effectiveDiscoveryName,
  ENDPOINT_NAME,
  matchesNameRule,
  type TagKeys,
} from '@ecs-net/plugin-ecs-networking-common';
import type { LiveNetworkSource } from '../live/liveNetworkSource';
import { checkPlan, type CheckResult } from '../plan/checkPlan';
import { bindDependencies } from '../plan/dependencies';
import { blocks, formatProblems } from '../plan/report';
import {
  ACCOUNT_ID,
  ECS_NAME,
  NAMESPACE_REF,
  PORT_NAME,
  REGION,
  SERVICE_ARN,
  TAG_VALUE,
} from '../plan/syntax';
import type { PlannedService, Problem } from '../plan/types';
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

/** Turns the form's planned service into the common plan shape. */
export function planFromInput(
  input: ValidateInput,
  tagKeys: TagKeys,
): { plan: PlannedService; problems: Problem[] } {
  const problems: Problem[] = [];
  const connect = input.mode !== 'service-discovery';
  const discovery = input.mode !== 'service-connect';
  if (connect && !input.serviceConnect) {
    problems.push({
      severity: 'error',
      ruleId: 'input-incomplete',
      message: `Mode ${input.mode} needs serviceConnect settings (client alias dnsName and port).`,
      fix: 'Fill in the Service Connect section.',
    });
  }
  if (discovery && !input.serviceDiscovery) {
    problems.push({
      severity: 'error',
      ruleId: 'input-incomplete',
      message: `Mode ${input.mode} needs serviceDiscovery settings (namespace, name, record type).`,
      fix: 'Fill in the Service Discovery section.',
    });
  }

  // bridge: a dynamic host port; host: the container port itself.
  const hostPorts: Record<string, number | undefined> = {
    bridge: 0,
    host: input.container.port,
  };
  const hostPort = hostPorts[input.networkMode];
  const bindings = bindDependencies(input.dependencies);
  const tags: Record<string, string> = {};
  for (const key of ['owner', 'system', 'lifecycle', 'component'] as const) {
    const value = input.tags[key]?.trim();
    if (value) tags[tagKeys[key]] = value;
  }

  const plan: PlannedService = {
    source: 'input',
    accountId: input.accountId,
    region: input.region,
    cluster: input.cluster,
    serviceName: input.serviceName,
    networkMode: input.networkMode,
    containers: [
      {
        name: input.container.name,
        essential: true,
        portMappings: [
          {
            name: input.container.portName,
            containerPort: input.container.port,
            ...(hostPort !== undefined ? { hostPort } : {}),
            protocol: 'tcp',
          },
        ],
        environment: Object.fromEntries(
          bindings.map(b => [b.variable, b.value]),
        ),
      },
    ],
    serviceDiscovery: [],
    tags,
    dependencies: input.dependencies,
    intent: input.replacesServiceArn ? 'update' : 'create',
  };

  const sc = input.serviceConnect;
  if (connect && sc) {
    const entry = {
      portName: sc.portName || input.container.portName,
      discoveryName: sc.discoveryName || undefined,
      clientAliases: [
        { dnsName: sc.clientAlias.dnsName, port: sc.clientAlias.port },
      ],
    };
    const discoveryName = effectiveDiscoveryName(entry);
    if (!matchesNameRule(DNS_LABEL, discoveryName)) {
      problems.push({
        severity: 'error',
        ruleId: 'discovery-name-syntax',
        message: `Without a discoveryName ECS registers the port name "${discoveryName}" in Cloud Map, and it is not a valid DNS label: it ${DNS_LABEL.message}.`,
        fix: 'Set serviceConnect.discoveryName to a DNS label, or rename the port.',
      });
    }
    plan.serviceConnect = {
      namespace: sc.namespace || undefined,
      services: [entry],
    };
  }
  const sd = input.serviceDiscovery;
  if (discovery && sd) {
    const srv = sd.recordType === 'SRV';
    plan.serviceDiscovery.push({
      namespace: sd.namespace,
      createNamespace: sd.createNamespace,
      name: sd.name,
      records: [{ type: sd.recordType, ttl: sd.ttl }],
      routingPolicy: sd.routingPolicy,
      customHealthCheck: sd.customHealthCheck,
      // An SRV record carries the port: tell ECS which container port.
      ...(srv
        ? {
            containerName: input.container.name,
            containerPort: input.container.port,
          }
        : {}),
    });
    if (sd.createNamespace && sd.namespace.startsWith('arn:')) {
      problems.push({
        severity: 'error',
        ruleId: 'input-incomplete',
        message: 'A namespace to create needs a name, not an ARN.',
        fix: 'Give the new namespace a DNS name such as orders.internal.',
      });
    }
  }

  if (input.replacesServiceArn) {
    const expected = `arn:aws:ecs:${input.region}:${input.accountId}:service/${input.cluster}/${input.serviceName}`;
    if (
      input.replacesServiceArn.replace(/^arn:aws[a-z-]*:/, 'arn:aws:') !==
      expected
    ) {
      problems.push({
        severity: 'error',
        ruleId: 'input-incomplete',
        message: `replacesServiceArn ${input.replacesServiceArn} is not the planned service (${expected}).`,
        fix: 'Keep account, region, cluster and service name of the service being changed.',
      });
    }
  }
  return { plan, problems };
}

export function describePlan(plan: PlannedService): string {
  return `The planned ECS service "${plan.serviceName}" (account ${plan.accountId}, ${plan.region}, cluster ${plan.cluster})`;
}

function logProblems(logger: LoggerService, problems: Problem[]) {
  for (const problem of problems) {
    const line = `[${problem.ruleId}] ${problem.message}${
      problem.fix ? ` Fix: ${problem.fix}` : ''
    }`;
    if (problem.severity === 'error') logger.error(line);
    else if (problem.severity === 'warning') logger.warn(line);
    else logger.info(line);
  }
}

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
      const { plan, problems } = planFromInput(input, tagKeys);
      const live = await options.source.load();
      const result: CheckResult = checkPlan(plan, live, { tagKeys });
      const all = [...problems, ...result.problems];
      const rank = { error: 0, warning: 1, info: 2 };
      all.sort((a, b) => rank[a.severity] - rank[b.severity]);
      logProblems(ctx.logger, all);

      const { resolved } = result;
      output('serviceArn', resolved.serviceArn);
      output('clusterArn', resolved.clusterArn);
      if (resolved.serviceConnect) {
        output('namespaceArn', resolved.serviceConnect.namespaceArn);
        output('namespaceName', resolved.serviceConnect.namespaceName);
        output('namespaceType', resolved.serviceConnect.namespaceType);
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
        throw new InputError(formatProblems(describePlan(plan), all));
      }
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
