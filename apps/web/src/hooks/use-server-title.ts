'use client';

import { useEffect, useState } from 'react';
import { listDocuments } from '../lib/documents-api';

/**
 * The title the document was created with, from the server's list (the API has no single-document
 * read yet); '' when it has none or the server cannot say.
 */
export function useServerTitle(serverUrl: string | null, documentId: string): string {
  const [title, setTitle] = useState('');
  useEffect(() => {
    if (!serverUrl) return;
    const controller = new AbortController();
    listDocuments(serverUrl, controller.signal).then(
      (documents) => setTitle(documents.find((d) => d.id === documentId)?.title.trim() ?? ''),
      // The title is a nicety; the editor works without it and the connection state reports trouble.
      () => undefined,
    );
    return () => controller.abort();
  }, [serverUrl, documentId]);
  return title;
}
