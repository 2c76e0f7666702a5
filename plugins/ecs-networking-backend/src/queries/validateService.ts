import type { BackstageCredentials } from '@backstage/backend-plugin-api';
import { checkPlanInput, type TagKeys } from '@ecs-net/plugin-ecs-networking-common';
import type { ValidateInput } from '@ecs-net/plugin-ecs-networking-node';
import type { NetworkService } from '../service/NetworkService';
import type { NetworkAccess } from './access';

/**
 * A planned service checked against the live estate, by the plan check the
 * scaffolder's `ecs-networking:validate` and its form run: it reads the whole
 * estate, so it needs the estate permission.
 */
export async function checkPlannedService(
  deps: { network: NetworkService; access: NetworkAccess; tagKeys: TagKeys },
  credentials: BackstageCredentials,
  input: ValidateInput,
) {
  await deps.access.authorizeEstate(credentials);
  return checkPlanInput(input, await deps.network.liveNetwork(), { tagKeys: deps.tagKeys });
}
