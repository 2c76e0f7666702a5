import { useApi } from '@backstage/core-plugin-api';
import { useEffect, useRef } from 'react';
import { ecsNetworkingApiRef } from '../api';

/**
 * How often an open page asks the backend whether its data moved on. The
 * answer is the small /status (the generation and the scopes' states),
 * served from the backend's cached view; live updates from AWS events land
 * in the backend within seconds, so a page follows a few seconds later.
 */
export const LIVE_POLL_MS = 5_000;

/**
 * Calls `reload` once the backend's generation differs from `loaded`, the
 * generation the page shows: the page picks up live updates without a
 * reload of the browser, and re-fetches nothing while nothing changed.
 * Polls only while the page is visible and data is shown; a poll that fails
 * (the backend unreachable, or /status not allowed) leaves the page as it is.
 * A new `reloadError` (the reload it asked for failed) starts over from
 * `loaded`, so the next poll asks again.
 */
export function useLiveGeneration(
  loaded: number | undefined,
  reload: () => void,
  reloadError?: Error,
) {
  const api = useApi(ecsNetworkingApiRef);
  const reloadRef = useRef(reload);
  reloadRef.current = reload;
  useEffect(() => {
    if (loaded === undefined) return undefined;
    let stopped = false;
    // One reload per generation seen, however long it takes to load.
    let requested = loaded;
    const timer = setInterval(async () => {
      if (document.visibilityState === 'hidden') return;
      const generation = await api.getStatus().then(
        status => status.generation,
        () => requested,
      );
      if (stopped || generation === requested) return;
      requested = generation;
      reloadRef.current();
    }, LIVE_POLL_MS);
    return () => {
      stopped = true;
      clearInterval(timer);
    };
  }, [api, loaded, reloadError]);
}
