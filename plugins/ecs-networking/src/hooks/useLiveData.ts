import { DependencyList, useRef } from 'react';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { useLiveGeneration } from './useLiveGeneration';

export interface LiveData<T> {
  /** The newest answer; kept when a later reload fails. */
  value?: T;
  loading: boolean;
  /** The first load failed: there is nothing to show. */
  error?: Error;
  /** A reload failed: `value` is what was loaded before, and the next poll tries again. */
  reloadError?: Error;
  retry: () => void;
}

function sameDeps(a: DependencyList, b: DependencyList) {
  return a.length === b.length && a.every((item, i) => Object.is(item, b[i]));
}

/**
 * Loads once per `deps` and again whenever the backend's generation moves
 * past the loaded one (`useLiveGeneration`). A reload that fails (a backend
 * restart, a network blip) does not blank a page someone is reading during
 * an incident: the last answer stays, with the error beside it.
 */
export function useLiveData<T>(
  load: () => Promise<T>,
  deps: DependencyList,
  generationOf: (value: T) => number,
): LiveData<T> {
  const state = useAsyncRetry(load, deps);
  const kept = useRef<{ deps: DependencyList; value: T }>();
  if (state.value !== undefined) {
    kept.current = { deps, value: state.value };
  }
  const last =
    kept.current && sameDeps(kept.current.deps, deps)
      ? kept.current.value
      : undefined;
  const value = state.value ?? last;
  const reloadError =
    state.error && last !== undefined ? state.error : undefined;
  useLiveGeneration(
    value === undefined ? undefined : generationOf(value),
    state.retry,
    reloadError,
  );
  return {
    value,
    loading: state.loading,
    error: reloadError ? undefined : state.error,
    reloadError,
    retry: state.retry,
  };
}
