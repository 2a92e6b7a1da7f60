'use client';

import type { EditorState } from 'prosemirror-state';
import { useCallback, useRef, useSyncExternalStore } from 'react';
import type { EditorStateStore } from '../lib/editor-state-store';

/**
 * What `select` reads from the editor's state, re-rendering the caller only when that changes:
 * `equal` says when two readings are the same (a new object from every transaction would
 * re-render on every one). `fallback` stands in while there is no state, and on the server.
 */
export function useEditorSelector<T, F>(
  store: EditorStateStore,
  select: (state: EditorState) => T,
  fallback: F,
  equal: (a: T, b: T) => boolean = Object.is,
): T | F {
  // The last reading: an equal one returns this same value, since useSyncExternalStore compares
  // snapshots by identity (and a new identity on every read would never settle).
  const last = useRef<{ state: EditorState; select: (state: EditorState) => T; value: T } | null>(null);
  const read = useCallback((): T | F => {
    const state = store.state;
    if (!state) return fallback;
    const previous = last.current;
    if (previous?.state === state && previous.select === select) return previous.value;
    const value = select(state);
    last.current = { state, select, value: previous && equal(previous.value, value) ? previous.value : value };
    return last.current.value;
  }, [store, select, fallback, equal]);
  return useSyncExternalStore(store.subscribe, read, () => fallback);
}
