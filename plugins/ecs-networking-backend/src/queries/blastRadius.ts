import type { BackstageCredentials } from '@backstage/backend-plugin-api';
import { InputError, NotFoundError } from '@backstage/errors';
import { blastRadius, type BlastRadiusQuery, type BlastRadiusResponse } from '@ecs-net/plugin-ecs-networking-common';
import type { NetworkService } from '../service/NetworkService';
import { entityServiceArns } from '../service/entityNetwork';
import type { NetworkAccess } from './access';

/**
 * Who is affected when an entity's services, or an endpoint, fail. An
 * entity's blast radius follows its visibility, like its network; an
 * endpoint's, looked up across the estate, needs the estate permission.
 */
export async function readBlastRadius(
  deps: { network: NetworkService; access: NetworkAccess; defaultOwner: string },
  credentials: BackstageCredentials,
  query: BlastRadiusQuery & { hops: number },
): Promise<BlastRadiusResponse> {
  if (!query.entityRef === !query.endpoint) {
    throw new InputError('entityRef: give exactly one of entityRef and endpoint');
  }
  let target: { serviceArns: string[] } | { endpointIds: string[] };
  let view;
  if (query.entityRef) {
    const entity = await deps.access.visibleEntity(credentials, query.entityRef);
    view = await deps.network.current();
    target = { serviceArns: entityServiceArns(view, entity) };
  } else {
    await deps.access.authorizeEstate(credentials);
    view = await deps.network.current();
    const endpoint = query.endpoint!;
    const endpointIds = view.indexes.endpoints.has(endpoint)
      ? [endpoint]
      : [...new Set(view.lookup.lookup(endpoint).flatMap(m => (m.endpoint ? [m.endpoint.id] : [])))];
    if (endpointIds.length === 0) throw new NotFoundError(`No endpoint answers on "${endpoint}"`);
    target = { endpointIds };
  }
  return {
    generation: view.generation,
    ...blastRadius(view.indexes, target, query.hops, { defaultOwner: deps.defaultOwner }),
  };
}
