'use client';

import { useRouter } from 'next/navigation';
import { useCreateDocument } from '../../lib/api/documents';

interface Props {
  className?: string;
  label?: string;
  /** Told when creating fails, so the page can say why. */
  onError: (error: Error) => void;
}

/** Creates a document (the caller owns it) and opens it. */
export function NewDocumentButton({ className, label = 'New document', onError }: Props) {
  const router = useRouter();
  const create = useCreateDocument();
  // Still pending once created, while the editor opens.
  const pending = create.isPending || create.isSuccess;

  function start() {
    if (pending) return;
    create.mutate(undefined, {
      onSuccess: (document) => router.push(`/d/${encodeURIComponent(document.id)}`),
      onError,
    });
  }

  return (
    <button type="button" className={`button button--primary ${className ?? ''}`} onClick={start} aria-disabled={pending}>
      <svg width="16" height="16" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
        <path d="M8 3v10M3 8h10" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" />
      </svg>
      {pending ? 'Creating…' : label}
    </button>
  );
}
