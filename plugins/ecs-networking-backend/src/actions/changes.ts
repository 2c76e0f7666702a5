import type { ActionsRegistryService } from '@backstage/backend-plugin-api/alpha';
import { CHANGES_MAX_LIMIT, CHANGES_PAGE_SIZE, MAX_HOPS } from '@ecs-net/plugin-ecs-networking-common';
import { readChanges } from '../queries/changes';
import type { ActionDeps } from './deps';

/** `ecs-networking:changes`: what changed in the network, and when. */
export function registerChangesAction(registry: ActionsRegistryService, deps: ActionDeps) {
  registry.register({
    name: 'changes',
    title: 'What changed in the ECS network',
    description:
      'What changed in the ECS service network in a time window (default the last 24 hours), newest first, a page at a time: services, endpoints, dependency edges and findings added, removed or changed, with their values. With entityRef, only that catalog entity’s services (read with your credentials), and with hops their neighbours too; without, the whole estate (needs permission to read it). When truncated, call again with the same since, until, entityRef and hops and before = nextBefore for the older changes.',
    attributes: { readOnly: true, idempotent: true, destructive: false },
    schema: {
      input: z =>
        z.object({
          since: z
            .string()
            .datetime({ offset: true })
            .optional()
            .describe('ISO 8601 time; default 24 hours before until'),
          until: z.string().datetime({ offset: true }).optional().describe('ISO 8601 time; default now'),
          entityRef: z.string().trim().min(1).max(1024).optional().describe('Only changes about this entity’s services'),
          hops: z
            .number()
            .int()
            .min(0)
            .max(MAX_HOPS)
            .default(0)
            .describe('With entityRef: also changes of services up to this many calls away'),
          limit: z
            .number()
            .int()
            .min(1)
            .max(CHANGES_MAX_LIMIT)
            .default(CHANGES_PAGE_SIZE)
            .describe('A page of at most this many changes, newest first'),
          before: z
            .string()
            .max(64)
            .optional()
            .describe('The next (older) page: nextBefore of the previous answer, with its since and until'),
        }),
      output: z =>
        z.object({
          since: z.string().describe('The window, resolved: ask the next page with it'),
          until: z.string(),
          truncated: z.boolean().describe('The window holds older changes than this page'),
          nextBefore: z.string().optional().describe('When truncated: pass as before for the next (older) page'),
          changes: z.array(
            z.object({
              id: z.number(),
              generation: z.number(),
              at: z.string(),
              trigger: z.string().describe('sync, or events (AWS change events)'),
              kind: z.string().describe('service, endpoint, edge or finding'),
              action: z.string().describe('added, removed or changed (a finding added opened; removed, closed)'),
              key: z.string(),
              label: z.string(),
              accountId: z.string(),
              region: z.string(),
              attributes: z.array(z.object({ name: z.string(), before: z.string().optional(), after: z.string().optional() })),
              serviceArns: z.array(z.string()),
              entityRefs: z.array(z.string()),
            }),
          ),
        }),
    },
    examples: [
      {
        title: 'What changed near a Component in the last two hours',
        input: { entityRef: 'component:default/order-service', hops: 1, since: '2026-01-01T10:00:00Z', limit: 100 },
      },
    ],
    action: async ({ input, credentials }) => ({
      output: await readChanges(deps, credentials, input),
    }),
  });
}
