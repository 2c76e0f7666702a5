import { useApi } from '@backstage/core-plugin-api';
import type { ChangesQuery, ChangesResponse, RecordedChange } from '@ecs-net/plugin-ecs-networking-common';
import { DependencyList, useMemo, useState } from 'react';
import useAsync from 'react-use/esm/useAsync';
import useAsyncFn from 'react-use/esm/useAsyncFn';
import { ecsNetworkingApiRef } from '../api';

export interface ChangePages {
  /** The changes of every page loaded, newest first. */
  changes: RecordedChange[];
  /** The first page is loading, or failed. */
  loading: boolean;
  error?: Error;
  /** Loads the next (older) page and appends it; undefined when the window holds no older change. */
  loadOlder?: () => void;
  loadingOlder: boolean;
  /** The last older page asked for failed; the loaded ones stay. */
  olderError?: Error;
}

/**
 * `GET /changes` a page at a time, as a timeline reads: the default page
 * once per `deps`, then older pages on demand, each from the cursor the
 * last one gave and in the window the first one resolved, so changes
 * recorded meanwhile neither shift nor repeat what is shown.
 */
export function useChangePages(query: () => Omit<ChangesQuery, 'before'>, deps: DependencyList): ChangePages {
  const api = useApi(ecsNetworkingApiRef);
  const first = useAsync(() => api.getChanges(query()), [api, ...deps]);
  // Older pages, with the first page they continue: those of an earlier first page are not shown.
  const [older, setOlder] = useState<{ first?: ChangesResponse; pages: ChangesResponse[] }>({ pages: [] });
  const pages = useMemo(
    () => (first.value ? [first.value, ...(older.first === first.value ? older.pages : [])] : []),
    [first.value, older],
  );
  const last = pages[pages.length - 1];

  const [olderState, loadOlder] = useAsyncFn(async () => {
    const base = first.value;
    if (!base || !last?.nextBefore) return;
    const before = last.nextBefore;
    const page = await api.getChanges({ ...query(), since: last.since, until: last.until, before });
    setOlder(current => {
      const loaded = current.first === base ? current.pages : [];
      // Appended only after the page it continues: a page asked twice, or for a replaced list, is dropped.
      return (loaded[loaded.length - 1] ?? base).nextBefore === before
        ? { first: base, pages: [...loaded, page] }
        : current;
    });
    }, [api, first.value, last]);

  return {
    changes: useMemo(() => pages.flatMap(page => page.changes), [pages]),
    loading: first.loading,
    error: first.error,
    loadOlder: last?.nextBefore ? loadOlder : undefined,
    loadingOlder: olderState.loading,
    olderError: olderState.error,
  };
}
