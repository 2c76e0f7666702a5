import type { BackstageCredentials } from '@backstage/backend-plugin-api';
import type { LookupResponse } from '@ecs-net/plugin-ecs-networking-common';
import type { NetworkService } from '../service/NetworkService';
import type { NetworkAccess } from './access';

/** Who owns a name, address or ARN, across the estate: needs the estate permission. */
export async function readLookup(
  deps: { network: NetworkService; access: NetworkAccess },
  credentials: BackstageCredentials,
  q: string,
): Promise<LookupResponse> {
  await deps.access.authorizeEstate(credentials);
  const view = await deps.network.current();
  return { query: q, matches: view.lookup.lookup(q) };
}
