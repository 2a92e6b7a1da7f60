'use client';

import { useEffect, useRef } from 'react';

/**
 * Calls `callback` each time the tab comes back into view: what the page shows may have changed
 * elsewhere meanwhile (a rename, a session ended on another device). Off while `enabled` is false.
 */
export function useWhenVisible(callback: () => void, enabled = true): void {
  // The listener lasts as long as the page; it reaches the current callback here.
  const latest = useRef(callback);
  useEffect(() => {
    latest.current = callback;
  }, [callback]);

  useEffect(() => {
    if (!enabled) return;
    const onVisibilityChange = () => {
      if (document.visibilityState === 'visible') latest.current();
    };
    document.addEventListener('visibilitychange', onVisibilityChange);
    return () => document.removeEventListener('visibilitychange', onVisibilityChange);
  }, [enabled]);
}
