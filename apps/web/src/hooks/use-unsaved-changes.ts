'use client';

import type { CollabSession } from '@quire/editor';
import { useEffect, useState } from 'react';

/** How long changes stay unacknowledged before the page says "Saving…": acknowledgements take milliseconds. */
export const SHOW_SAVING_AFTER_MS = 500;

/**
 * The local changes of `session` the server has not yet acknowledged as stored, as the page shows
 * them: a count that appears only once changes have waited {@link SHOW_SAVING_AFTER_MS} (a
 * keystroke acknowledged in a few milliseconds re-renders nothing), and goes back to 0 at once.
 * Only the component that calls it re-renders.
 */
export function useUnsavedChanges(session: CollabSession | null): number {
  const [shown, setShown] = useState(0);
  useEffect(() => {
    if (!session) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let showing = false;
    const update = (unsaved: number) => {
      if (unsaved === 0) {
        clearTimeout(timer);
        timer = undefined;
        showing = false;
        setShown(0);
      } else if (showing) {
        setShown(unsaved);
      } else {
        timer ??= setTimeout(() => {
          timer = undefined;
          showing = true;
          setShown(session.unsaved);
        }, SHOW_SAVING_AFTER_MS);
      }
    };
    update(session.unsaved);
    const unsubscribe = session.subscribeUnsaved(update);
    return () => {
      unsubscribe();
      clearTimeout(timer);
    };
  }, [session]);
  return session ? shown : 0;
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
