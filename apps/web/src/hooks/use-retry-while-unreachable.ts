'use client';

import { useEffect, useRef } from 'react';
import { isUnreachable } from '../lib/api/client';

/** Waits between tries while the server does not answer: 1, 2, then 4 s, so it is back within 5 s. */
export function retryDelayMs(attempt: number): number {
  return Math.min(1_000 * 2 ** attempt, 4_000);
}

/**
 * While `error` says the server could not be reached, calls `retry` again and again with backoff
 * (and at once when the browser comes back online), so the page recovers by itself, without a click.
 */
export function useRetryWhileUnreachable(error: unknown, retry: () => void): void {
  const attempt = useRef(0);
  const unreachable = isUnreachable(error);
  useEffect(() => {
    if (!unreachable) {
      attempt.current = 0;
      return;
    }
    const timer = setTimeout(retry, retryDelayMs(attempt.current++));
    const online = () => retry();
    window.addEventListener('online', online);
    return () => {
      clearTimeout(timer);
      window.removeEventListener('online', online);
    };
  }, [unreachable, error, retry]);
}
