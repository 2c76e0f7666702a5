import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router-dom';
import { EstateFilter, FACETS } from '../../lib/estateIndex';

/** The query parameter of the name box; the facets use their own names. */
const TEXT = 'q';

/**
 * The page's filters, kept in the URL (`?owner=team-web&severity=warning`)
 * so that a reload, a shared link or the back button shows the same view.
 * Each change replaces the history entry: typing a name is not a trail of
 * pages to step back through.
 */
export function useUrlFilter(): [EstateFilter, (filter: EstateFilter) => void] {
  const [params, setParams] = useSearchParams();
  const filter = useMemo(() => {
    const read: EstateFilter = {};
    for (const facet of FACETS) {
      const value = params.get(facet);
      if (value !== null) read[facet] = value;
    }
    const text = params.get(TEXT);
    if (text) read.text = text;
    return read;
  }, [params]);
  const setFilter = useCallback(
    (next: EstateFilter) => {
      setParams(
        current => {
          const updated = new URLSearchParams(current);
          for (const facet of FACETS) {
            const value = next[facet];
            if (value === undefined) updated.delete(facet);
            else updated.set(facet, value);
          }
          if (next.text) updated.set(TEXT, next.text);
          else updated.delete(TEXT);
          return updated;
        },
        { replace: true },
      );
    },
    [setParams],
  );
  return [filter, setFilter];
}

export type EstateView = 'list' | 'map';

/** The page's tab (`?view=map`), in the URL for the same reasons as the filters. */
export function useEstateView(): [EstateView, (view: EstateView) => void] {
  const [params, setParams] = useSearchParams();
  const view: EstateView = params.get('view') === 'map' ? 'map' : 'list';
  const setView = useCallback(
    (next: EstateView) =>
      setParams(
        current => {
          const updated = new URLSearchParams(current);
          if (next === 'list') updated.delete('view');
          else updated.set('view', next);
          return updated;
        },
        { replace: true },
      ),
    [setParams],
  );
  return [view, setView];
}
