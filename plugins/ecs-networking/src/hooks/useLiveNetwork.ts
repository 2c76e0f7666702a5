import { useApi } from '@backstage/core-plugin-api';
import type { NetworkResponse } from '@ecs-net/plugin-ecs-networking-common';
import { ecsNetworkingApiRef } from '../api';
import { useLiveData, type LiveData } from './useLiveData';

/** The whole estate's network, following live updates. */
export function useLiveNetwork(): LiveData<NetworkResponse> {
  const api = useApi(ecsNetworkingApiRef);
  return useLiveData(() => api.getNetwork(), [api], network => network.generation);
}
