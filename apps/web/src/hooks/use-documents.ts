'use client';

import { useCallback } from 'react';
import { listDocuments } from '../lib/api/documents';
import type { DocumentLists } from '../lib/api/types';
import { useApiResource, type ApiResource } from './use-api-resource';

/** "My documents" and "Shared with me", from the server. */
export function useDocuments(serverUrl: string | null): ApiResource<DocumentLists> {
  const load = useCallback((signal: AbortSignal) => listDocuments(serverUrl as string, signal), [serverUrl]);
  return useApiResource(serverUrl ? load : null);
}
