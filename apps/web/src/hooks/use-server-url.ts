'use client';

import { useSyncExternalStore } from 'react';
import { browserServerUrl } from '../lib/server-url';

const noSubscription = () => () => undefined;

/**
 * The collaboration server URL in the browser; null while rendering on the server, where the
 * fallback (this host, port 4000) cannot be known.
 */
export function useServerUrl(configured: string | null): string | null {
  return useSyncExternalStore(
    noSubscription,
    () => browserServerUrl(configured),
    () => null,
  );
}
