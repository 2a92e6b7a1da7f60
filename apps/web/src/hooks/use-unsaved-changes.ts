'use client';

import type { CollabSession } from '@quire/editor';
import { useCallback, useEffect, useSyncExternalStore } from 'react';

/**
 * The local changes of `session` the server has not yet acknowledged as stored. Only the component
 * that calls it re-renders when the count changes (it changes with every keystroke).
 */
export function useUnsavedChanges(session: CollabSession | null): number {
  const subscribe = useCallback((notify: () => void) => (session ? session.subscribeUnsaved(notify) : () => undefined), [session]);
  return useSyncExternalStore(
    subscribe,
    () => session?.unsaved ?? 0,
    () => 0,
  );
}

/**
 * Asks before the page is left (closed, reloaded, navigated away) while `session` has changes the
 * server has not confirmed storing — and only then. Reads the count when the page is being left,
 * so typing re-renders nothing here.
 */
export function useLeaveWarning(session: CollabSession | null): void {
  useEffect(() => {
    if (!session) return;
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      if (session.unsaved === 0) return;
      event.preventDefault();
      // Older browsers show the prompt only when returnValue is set.
      event.returnValue = '';
    };
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => window.removeEventListener('beforeunload', onBeforeUnload);
  }, [session]);
}
