'use client';

import { useCallback } from 'react';
import { listMembers, listShareLinks } from '../lib/api/sharing';
import type { Member, ShareLink } from '../lib/api/types';
import { useApiResource, type ApiResource } from './use-api-resource';

/** The members of a document, loaded while `active` (the share dialog is open). */
export function useMembers(serverUrl: string, documentId: string, active: boolean): ApiResource<Member[]> {
  const load = useCallback((signal: AbortSignal) => listMembers(serverUrl, documentId, signal), [serverUrl, documentId]);
  return useApiResource(active ? load : null);
}

/** The working share links of a document, loaded while `active`. */
export function useShareLinks(serverUrl: string, documentId: string, active: boolean): ApiResource<ShareLink[]> {
  const load = useCallback((signal: AbortSignal) => listShareLinks(serverUrl, documentId, signal), [serverUrl, documentId]);
  return useApiResource(active ? load : null);
}
