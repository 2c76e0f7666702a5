import { useApi } from '@backstage/core-plugin-api';
import type { NetworkResponse } from '@ecs-net/plugin-ecs-networking-common';
import { useMemo } from 'react';
import useAsync from 'react-use/esm/useAsync';
import { ecsNetworkingApiRef } from '../api';
import { Scope, scopeOf, ScopeUiOptions } from './networkOptions';

/**
 * What both pickers need: the analysed network (fetched once per mounted
 * picker), the account and region the form narrows it to, the choices built
 * from it, and how to say where they come from.
 */
export function useScopedChoices<T extends { value: string }>(
  uiOptions: ScopeUiOptions | undefined,
  formData: unknown,
  build: (network: NetworkResponse, scope: Scope) => T[],
  /** What else `build` depends on, as a string. */
  buildKey: string,
) {
  const api = useApi(ecsNetworkingApiRef);
  const {
    value: network,
    loading,
    error,
  } = useAsync(() => api.getNetwork(), [api]);
  const scope = scopeOf(uiOptions, formData);
  const choices = useMemo(
    () => (network ? build(network, scope) : []),
    // `build` and `scope` are new objects on each render; these are what they depend on.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [network, scope.accountId, scope.region, buildKey],
  );
  const byName = useMemo(
    () => new Map(choices.map(c => [c.value, c])),
    [choices],
  );
  const where =
    scope.accountId || scope.region
      ? ` in ${scope.accountId ?? 'any account'} / ${
          scope.region ?? 'any region'
        }`
      : '';
  return { network, loading, error, choices, byName, where };
}
