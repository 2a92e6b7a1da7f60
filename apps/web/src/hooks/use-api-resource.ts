'use client';

import { useCallback, useEffect, useRef, useState } from 'react';

export type ResourceState<T> = { kind: 'loading' } | { kind: 'loaded'; value: T } | { kind: 'error'; error: Error };

export interface ApiResource<T> {
  state: ResourceState<T>;
  /** Loads again; what is shown stays until the new answer arrives. */
  reload: () => void;
  /**
   * Loads again in the background: a failure keeps what is shown. For checks the person did not ask
   * for (someone else changed it, the tab came back), which must not break a working page.
   */
  refresh: () => void;
  /** Changes the loaded value in place (after a change the server confirmed). */
  update: (change: (value: T) => T) => void;
}

/**
 * Something read from the API, loaded when `load` is given (memoise it: a new function loads
 * again), with the request aborted when the page leaves or asks again.
 */
export function useApiResource<T>(load: ((signal: AbortSignal) => Promise<T>) | null): ApiResource<T> {
  const [state, setState] = useState<ResourceState<T>>({ kind: 'loading' });
  /** Each request asks for a load; a quiet one (a background refresh) keeps the page on failure. */
  const [request, setRequest] = useState({ quiet: false });
  /** Counts `update` calls: a load that began before the latest one answers with older news. */
  const changes = useRef(0);

  useEffect(() => {
    if (!load) return;
    const controller = new AbortController();
    const keepOnError = request.quiet;
    const changesAtStart = changes.current;
    // What `update` put in place since this load began is newer than its answer: keep it.
    const keep = (current: ResourceState<T>, onError: boolean) =>
      current.kind === 'loaded' && (changes.current !== changesAtStart || (onError && keepOnError));
    load(controller.signal).then(
      (value) => {
        if (!controller.signal.aborted) setState((current) => (keep(current, false) ? current : { kind: 'loaded', value }));
      },
      (error: Error) => {
        if (!controller.signal.aborted) setState((current) => (keep(current, true) ? current : { kind: 'error', error }));
      },
    );
    return () => controller.abort();
  }, [load, request]);

  const reload = useCallback(() => {
    setState((current) => (current.kind === 'error' ? { kind: 'loading' } : current));
    setRequest({ quiet: false });
  }, []);

  const refresh = useCallback(() => setRequest({ quiet: true }), []);

  const update = useCallback((change: (value: T) => T) => {
    changes.current++;
    setState((current) => (current.kind === 'loaded' ? { kind: 'loaded', value: change(current.value) } : current));
  }, []);

  return { state, reload, refresh, update };
}
