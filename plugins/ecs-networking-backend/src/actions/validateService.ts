import type { ActionsRegistryService } from '@backstage/backend-plugin-api/alpha';
import { bindDependencies, blocks, describePlan } from '@ecs-net/plugin-ecs-networking-common';
import { validateInputSchema } from '@ecs-net/plugin-ecs-networking-node';
import { checkPlannedService } from '../queries/validateService';
import type { ActionDeps } from './deps';

/**
 * `ecs-networking:validate-service`: the scaffolder's plan check, for an
 * agent that plans a service: the same input as `ecs-networking:validate`,
 * answered with the problems rather than a failed step.
 */
export function registerValidateServiceAction(registry: ActionsRegistryService, deps: ActionDeps) {
  registry.register({
    name: 'validate-service',
    title: 'Check a planned ECS service against the live network',
    description:
      'Checks a planned ECS service (Service Connect, Service Discovery or both) against the live ECS network as the scaffolder’s ecs-networking:validate does: port name linkage, namespaces, name collisions, DNS syntax, TTL, record type against network mode, and that every dependency is a reachable endpoint. Answers every problem with its fix, and the names the service would answer on. Needs permission to read the whole ECS network estate.',
    attributes: { readOnly: true, idempotent: true, destructive: false },
    schema: {
      input: validateInputSchema,
      output: z =>
        z.object({
          accepted: z.boolean().describe('No error (nor warning, with failOnWarnings): the plan may go ahead'),
          summary: z.string(),
          problems: z.array(
            z.object({
              severity: z.enum(['error', 'warning', 'info']),
              ruleId: z.string(),
              message: z.string(),
              fix: z.string().optional(),
              field: z.string().optional().describe('The input it is about'),
            }),
          ),
          serviceArn: z.string().optional().describe('The ARN the service will have'),
          endpoints: z.array(z.string()).describe('Names the service will answer on'),
          dependencies: z.array(
            z.object({
              endpoint: z.string(),
              resolved: z.string(),
              service: z.string(),
              owner: z.string().optional(),
            }),
          ),
          environment: z
            .array(z.object({ name: z.string(), value: z.string() }))
            .describe('Environment variables pointing at the dependencies'),
        }),
    },
    examples: [
      {
        title: 'A new Service Connect service calling a live endpoint',
        input: {
          mode: 'service-connect',
          accountId: '111111111111',
          region: 'eu-west-1',
          cluster: 'shop',
          serviceName: 'checkout-service',
          networkMode: 'awsvpc',
          container: { name: 'checkout-service', port: 8080, portName: 'http' },
          serviceConnect: { clientAlias: { dnsName: 'checkout-service', port: 8080 } },
          dependencies: ['order-service:8080'],
          tags: { owner: 'team-orders' },
          failOnWarnings: false,
        },
      },
    ],
    action: async ({ input, credentials }) => {
      const { plan, resolved, problems } = await checkPlannedService(deps, credentials, input);
      return {
        output: {
          accepted: !blocks(problems, input.failOnWarnings),
          summary: plan ? describePlan(plan) : 'The input',
          problems: problems.map(({ severity, ruleId, message, fix, field }) => ({ severity, ruleId, message, fix, field })),
          serviceArn: resolved?.serviceArn,
          endpoints: resolved?.endpoints ?? [],
          dependencies: (resolved?.dependencies ?? []).map(({ endpoint, resolved: to, service, owner }) => ({
            endpoint,
            resolved: to,
            service,
            owner,
          })),
          environment: bindDependencies(input.dependencies).map(({ variable, value }) => ({ name: variable, value })),
        },
      };
    },
  });
}
