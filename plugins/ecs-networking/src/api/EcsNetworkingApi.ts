import { createApiRef } from '@backstage/core-plugin-api';
import type { CompoundEntityRef } from '@backstage/catalog-model';
import type {
  BlastRadiusQuery,
  BlastRadiusResponse,
  ChangesQuery,
  ChangesResponse,
  EntityNetworkResponse,
  EstateSnapshots,
  LookupResponse,
  NetworkResponse,
  StatusResponse,
} from '@ecs-net/plugin-ecs-networking-common';

/**
 * Reads the ECS network served by the `ecs-networking` backend plugin.
 * `EcsNetworkingClient` of `@ecs-net/plugin-ecs-networking-common`
 * implements it; tests stand in for it with plain objects.
 *
 * @public
 */
export interface EcsNetworkingApi {
  /** Sync state of every configured account × region. */
  getStatus(): Promise<StatusResponse>;
  /** The whole analyzed network with the sync state of every scope. */
  getNetwork(): Promise<NetworkResponse>;
  /**
   * Every stored snapshot, of one generation: what the scaffolder form
   * checks a planned service against, with the same checks as the
   * scaffolder actions.
   */
  getSnapshots(): Promise<EstateSnapshots>;
  /** Who owns an endpoint name, DNS name, task IP or ARN. */
  lookup(query: string): Promise<LookupResponse>;
  /**
   * The network of one catalog entity. Rejects with a `ResponseError` of
   * status 404 when the caller may not see the entity.
   */
  getEntityNetwork(
    entityRef: CompoundEntityRef,
  ): Promise<EntityNetworkResponse>;
  /** What changed in the network: the estate's, or one entity's and its neighbours'. */
  getChanges(query?: ChangesQuery): Promise<ChangesResponse>;
  /** Who is affected, hop by hop, when an entity's services or an endpoint fail. */
  getBlastRadius(query: BlastRadiusQuery): Promise<BlastRadiusResponse>;
}

/** @public */
export const ecsNetworkingApiRef = createApiRef<EcsNetworkingApi>({
  id: 'plugin.ecs-networking.service',
});
