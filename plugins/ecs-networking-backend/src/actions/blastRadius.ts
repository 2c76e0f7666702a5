import type { ActionsRegistryService } from '@backstage/backend-plugin-api/alpha';
import { MAX_HOPS } from '@ecs-net/plugin-ecs-networking-common';
import { readBlastRadius } from '../queries/blastRadius';
import type { ActionDeps } from './deps';
import { serviceSchema } from './schemas';

/** `ecs-networking:blast-radius`: who is affected, hop by hop, and whom to page. */
export function registerBlastRadiusAction(registry: ActionsRegistryService, deps: ActionDeps) {
  registry.register({
    name: 'blast-radius',
    title: 'Blast radius of an ECS service or endpoint',
    description:
      'Who is affected if a catalog entity’s ECS services, or an endpoint, fail: their callers, then the callers of those, up to `hops` calls away, each with its owner and the calls toward the target, and the set of owning teams to page. Give exactly one of entityRef and endpoint. An entity is read with your credentials; an endpoint, looked up across the estate, needs permission to read the whole ECS network estate.',
    attributes: { readOnly: true, idempotent: true, destructive: false },
    schema: {
      input: z =>
        z.object({
          entityRef: z
            .string()
            .trim()
            .min(1)
            .max(1024)
            .optional()
            .describe('A catalog entity: component:default/order-service, or a service Resource or endpoint API'),
          endpoint: z
            .string()
            .trim()
            .min(1)
            .max(2048)
            .optional()
            .describe('An endpoint id, or a name as who-owns takes it (orders:8080, mysql.app)'),
          hops: z.number().int().min(1).max(MAX_HOPS).default(3).describe(`Calls away to follow, 1 to ${MAX_HOPS}`),
        }),
      output: z =>
        z.object({
          generation: z.number(),
          targets: z.array(serviceSchema(z)),
          endpointIds: z.array(z.string()).optional(),
          hops: z.number(),
          callers: z.array(
            z.object({
              hop: z.number(),
              service: serviceSchema(z),
              calls: z.array(
                z.object({
                  to: z.string(),
                  toName: z.string(),
                  endpointId: z.string(),
                  endpoint: z.string(),
                  mechanism: z.string(),
                }),
              ),
            }),
          ),
          owners: z.array(z.string()).describe('Owners of the callers: whom to tell'),
        }),
    },
    examples: [
      { title: 'Callers of a Component, two hops out', input: { entityRef: 'component:default/user-service', hops: 2 } },
    ],
    action: async ({ input, credentials }) => ({
      output: await readBlastRadius(deps, credentials, input),
    }),
  });
}
