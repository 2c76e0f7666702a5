import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import {
  bindDependencies,
  blocks,
  checkPlanInput,
  DEFAULT_TAG_KEYS,
  describePlan,
  formatProblems,
  type TagKeys,
} from '@ecs-net/plugin-ecs-networking-common';
import { type ValidateInput, validateInputSchema } from '@ecs-net/plugin-ecs-networking-node';
import type { LiveNetworkSource } from '../live/liveNetworkSource';
import { logProblems, PlanRejectedError } from './planRejected';
import { examples } from './validate.examples';
import { CapturedSchema, plain, type Zod } from './zodSchema';

export const VALIDATE_ACTION_ID = 'ecs-networking:validate';

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
