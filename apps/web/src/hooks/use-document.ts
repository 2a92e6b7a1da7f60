'use client';

import { useCallback } from 'react';
import { getDocument } from '../lib/api/documents';
import type { DocumentSummary } from '../lib/api/types';
import { useApiResource, type ApiResource } from './use-api-resource';

/** One document's title, owner and the caller's role. */
export function useDocument(serverUrl: string | null, documentId: string): ApiResource<DocumentSummary> {
  const load = useCallback((signal: AbortSignal) => getDocument(serverUrl as string, documentId, signal), [serverUrl, documentId]);
  return useApiResource(serverUrl ? load : null);
}
