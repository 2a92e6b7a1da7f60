'use client';

import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { createDocument } from '../../lib/api/documents';
import { ServerRequestError } from '../../lib/api/request';

interface Props {
  serverUrl: string | null;
  className?: string;
  label?: string;
  /** Told when creating fails, so the page can say why. */
  onError: (error: Error) => void;
}

/** Creates a document (the caller owns it) and opens it. */
export function NewDocumentButton({ serverUrl, className, label = 'New document', onError }: Props) {
  const router = useRouter();
  const [pending, setPending] = useState(false);

  async function create() {
    if (!serverUrl || pending) return;
    setPending(true);
    try {
      const document = await createDocument(serverUrl);
      router.push(`/d/${encodeURIComponent(document.id)}`);
    } catch (error) {
      setPending(false);
      onError(error instanceof Error ? error : new ServerRequestError(String(error), 'http'));
    }
  }

  return (
    <button
      type="button"
      className={`button button--primary ${className ?? ''}`}
      onClick={create}
      aria-disabled={!serverUrl || pending}
    >
      <svg width="16" height="16" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
        <path d="M8 3v10M3 8h10" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" />
      </svg>
      {pending ? 'Creating…' : label}
    </button>
  );
}
