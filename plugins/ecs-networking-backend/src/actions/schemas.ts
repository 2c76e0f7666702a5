import type { Zod } from '@ecs-net/plugin-ecs-networking-node';

/** A service as blast radius and ownership answers present it (`BlastRadiusService`). */
export const serviceSchema = (z: Zod) =>
  z.object({
    arn: z.string(),
    name: z.string(),
    cluster: z.string(),
    accountId: z.string(),
    region: z.string(),
    owner: z.string().describe('Owner entity ref: the owner tag, or the default owner when it has none'),
    component: z.string().optional().describe('Linked catalog Component, when tagged'),
  });
