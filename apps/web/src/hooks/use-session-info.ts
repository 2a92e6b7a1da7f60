'use client';

import { useCallback } from 'react';
import { getSession } from '../lib/api/auth';
import type { SessionInfo } from '../lib/api/types';
import { useApiResource, type ApiResource } from './use-api-resource';

/** `GET /api/session`: who is signed in, and whether the instance needs setting up. */
export function useSessionInfo(serverUrl: string | null): ApiResource<SessionInfo> {
  const load = useCallback((signal: AbortSignal) => getSession(serverUrl as string, signal), [serverUrl]);
  return useApiResource(serverUrl ? load : null);
}
