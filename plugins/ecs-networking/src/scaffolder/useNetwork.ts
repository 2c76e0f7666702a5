import {
  discoveryApiRef,
  fetchApiRef,
  useApi,
} from '@backstage/core-plugin-api';
import type { NetworkResponse } from '@ecs-net/plugin-ecs-networking-common';
import useAsync from 'react-use/esm/useAsync';
import { fetchNetwork } from './networkOptions';

/** The analysed network, fetched once per mounted picker. */
export function useNetwork(): {
  network?: NetworkResponse;
  loading: boolean;
  error?: Error;
} {
  const discoveryApi = useApi(discoveryApiRef);
  const fetchApi = useApi(fetchApiRef);
  const { value, loading, error } = useAsync(
    () => fetchNetwork(discoveryApi, fetchApi),
    [discoveryApi, fetchApi],
  );
  return { network: value, loading, error };
}
