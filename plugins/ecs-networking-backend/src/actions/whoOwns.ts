import type { ActionsRegistryService } from '@backstage/backend-plugin-api/alpha';
import { presentService } from '@ecs-net/plugin-ecs-networking-common';
import { readLookup } from '../queries/lookup';
import type { ActionDeps } from './deps';
import { serviceSchema } from './schemas';

/** `ecs-networking:who-owns`: the services and owners behind a name, address or ARN. */
export function registerWhoOwnsAction(registry: ActionsRegistryService, deps: ActionDeps) {
  registry.register({
    name: 'who-owns',
    title: 'Who owns an ECS endpoint, address or service',
    description:
      'Finds the ECS services that answer on a name and their owning teams: a Service Connect endpoint (orders:8080), a DNS name (mysql.app), a URL, a Cloud Map service name, a task IP, an ARN or a service name. Needs permission to read the whole ECS network estate.',
    attributes: { readOnly: true, idempotent: true, destructive: false },
    schema: {
      input: z =>
        z.object({
          query: z
            .string()
            .trim()
            .min(1)
            .max(2048)
            .describe('Endpoint name, DNS name, URL, task IP, ARN or service name'),
        }),
      output: z =>
        z.object({
          query: z.string(),
          owners: z.array(z.string()).describe('Owner entity refs of the matched services, sorted'),
          matches: z.array(
            z.object({
              matchedBy: z.string().describe('arn, ip, endpoint, dns-name, cloud-map-service or service-name'),
              service: serviceSchema(z),
              endpoint: z.object({ id: z.string(), name: z.string(), mechanism: z.string() }).optional(),
            }),
          ),
        }),
    },
    examples: [{ title: 'The owner of a Service Connect endpoint', input: { query: 'order-service:8080' } }],
    action: async ({ input, credentials }) => {
      const { query, matches } = await readLookup(deps, credentials, input.query);
      const presented = matches.map(m => ({
        matchedBy: m.matchedBy,
        service: presentService(m.service, deps.defaultOwner),
        ...(m.endpoint ? { endpoint: { id: m.endpoint.id, name: m.endpoint.name, mechanism: m.endpoint.mechanism } } : {}),
      }));
      const owners = [...new Set(presented.map(m => m.service.owner))].sort();
      return { output: { query, owners, matches: presented } };
    },
  });
}
