import { useApi } from '@backstage/core-plugin-api';
import type { LiveNetwork } from '@ecs-net/plugin-ecs-networking-common';
import useAsync from 'react-use/esm/useAsync';
import { ecsNetworkingApiRef, type EcsNetworkingApi } from '../api';

/**
 * How long one read of the snapshots serves the form: every field and every
 * validation of a form reads the same live network (and so shares the
 * checks' baseline analysis, cached per live network) instead of fetching
 * the estate on each keystroke.
 */
const SHARED_FOR_MS = 30_000;

const reads = new WeakMap<
  EcsNetworkingApi,
  { at: number; live: Promise<LiveNetwork> }
>();

/**
 * The last network read, by API: a read of the same generation hands it out
 * again, so the checks keep their baseline (cached per live network object)
 * while the estate does not change.
 */
const lastRead = new WeakMap<EcsNetworkingApi, LiveNetwork>();

/** The live network as the scaffolder actions check against it. */
export function loadLiveNetwork(api: EcsNetworkingApi): Promise<LiveNetwork> {
  const now = Date.now();
  const last = reads.get(api);
  if (last && now - last.at < SHARED_FOR_MS) return last.live;
  const live = api.getSnapshots().then(
    ({ generation, scopes, snapshots }) => {
      const previous = lastRead.get(api);
      if (previous?.generation === generation) return previous;
      const read = { generation, statuses: scopes, snapshots };
      lastRead.set(api, read);
      return read;
    },
    error => {
      // A failed read is not kept: the next field or keystroke tries again.
      reads.delete(api);
      throw error;
    },
  );
  reads.set(api, { at: now, live });
  return live;
}

/** {@link loadLiveNetwork} for a field component. */
export function useLiveNetwork() {
  const api = useApi(ecsNetworkingApiRef);
  return useAsync(() => loadLiveNetwork(api), [api]);
}
