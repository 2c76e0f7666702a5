import type { ActionsRegistryService } from '@backstage/backend-plugin-api/alpha';
import {
  ACCOUNT_ID,
  APP_PROTOCOLS,
  DNS_LABEL,
  DNS_NAME,
  ECS_NAME,
  ENDPOINT_NAME,
  KMS_KEY_ARN,
  NAMESPACE_REF,
  type NameRule,
  PCA_ARN,
  PORT_NAME,
  REGION,
  ROLE_ARN,
  SERVICE_ARN,
  TAG_VALUE,
} from '@ecs-net/plugin-ecs-networking-common';

/**
 * The zod (v3 API) that Backstage hands to schema factories: the
 * scaffolder's template actions and the actions registry both pass it, so
 * one factory serves both.
 *
 * @public
 */
export type Zod = Parameters<Parameters<ActionsRegistryService['register']>[0]['schema']['input']>[0];

/**
 * A string schema for a name rule, with the rule's message.
 *
 * @public
 */
export function ruleString(z: Zod, rule: NameRule, description: string) {
  return z
    .string({ description })
    .max(rule.maxLength, {
      message: `${rule.message} (at most ${rule.maxLength} characters)`,
    })
    .regex(rule.pattern, { message: rule.message });
}

function port(z: Zod, description: string) {
  return z
    .number({ description })
    .int({ message: 'must be a whole number' })
    .min(1, { message: 'must be a port between 1 and 65535' })
    .max(65535, { message: 'must be a port between 1 and 65535' });
}

/**
 * The planned service that `ecs-networking:validate` (the scaffolder) and
 * `ecs-networking:validate-service` (the actions registry) take, as a zod
 * schema factory. Both hand the parsed input to the common `checkPlanInput`.
 *
 * @public
 */
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
 *
 * @public
 */
export type ValidateInput = ReturnType<
  ReturnType<typeof validateInputSchema>['parse']
>;
