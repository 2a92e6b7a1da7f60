'use client';

import { useCallback, useEffect, useState } from 'react';
import { listDocuments, type DocumentSummary } from '../lib/documents-api';

export type DocumentsState =
  | { kind: 'loading' }
  | { kind: 'loaded'; documents: DocumentSummary[] }
  | { kind: 'error'; error: Error };

/** The document list from the server, with a way to try again. */
export function useDocuments(serverUrl: string | null): { state: DocumentsState; retry: () => void } {
  const [state, setState] = useState<DocumentsState>({ kind: 'loading' });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    if (!serverUrl) return;
    const controller = new AbortController();
    listDocuments(serverUrl, controller.signal).then(
      (documents) => setState({ kind: 'loaded', documents }),
      (error: Error) => {
        if (!controller.signal.aborted) setState({ kind: 'error', error });
      },
    );
    return () => controller.abort();
  }, [serverUrl, attempt]);

  const retry = useCallback(() => {
    setState({ kind: 'loading' });
    setAttempt((n) => n + 1);
  }, []);

  return { state, retry };
}
