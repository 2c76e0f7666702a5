import {
  Entity,
  parseEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { useApi } from '@backstage/core-plugin-api';
import type { EntityNetworkResponse } from '@ecs-net/plugin-ecs-networking-common';
import { ecsNetworkingApiRef } from '../api';
import { useLiveData } from './useLiveData';

export interface EntityNetworkState {
  network: EntityNetworkResponse;
  /** False when the backend reads no AWS account at all. */
  configured: boolean;
}

/** The network of one catalog entity, as the entity pages show it, following live updates. */
export function useEntityNetwork(entity: Entity) {
  const api = useApi(ecsNetworkingApiRef);
  // Keyed by ref: the entity object is replaced on every catalog refresh.
  const ref = stringifyEntityRef(entity);
  return useLiveData(
    async (): Promise<EntityNetworkState> => {
      const network = await api.getEntityNetwork(parseEntityRef(ref));
      // Only an empty answer needs telling apart "nothing linked" from
      // "nothing configured", so only then is /status asked.
      const configured =
        network.services.length > 0 ||
        (await api.getStatus()).scopes.length > 0;
      return { network, configured };
    },
    [api, ref],
    state => state.network.generation,
  );
}
