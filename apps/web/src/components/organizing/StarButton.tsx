'use client';

import { useSetStarred } from '../../lib/api/use-set-starred';
import styles from './organizing.module.css';

interface Props {
  documentId: string;
  title: string;
  starred: boolean;
}

/** Stars or unstars a document, for the person only; a toggle button that says its state. */
export function StarButton({ documentId, title, starred }: Props) {
  const setStarred = useSetStarred();
  const busy = setStarred.isPending;
  return (
    <button
      type="button"
      className={`button button--quiet ${styles.star}`}
      aria-pressed={starred}
      aria-label={`Star ${title}`}
      title={starred ? 'Starred: click to unstar' : 'Star'}
      data-starred={starred}
      disabled={busy}
      onClick={() => setStarred.mutate({ id: documentId, starred: !starred })}
    >
      <svg viewBox="0 0 20 20" width="18" height="18" aria-hidden="true" focusable="false">
        <path
          d="M10 2.8l2.2 4.6 5 .7-3.6 3.5.9 5-4.5-2.4-4.5 2.4.9-5L2.8 8.1l5-.7z"
          fill={starred ? 'currentColor' : 'none'}
          stroke="currentColor"
          strokeWidth="1.4"
          strokeLinejoin="round"
        />
      </svg>
    </button>
  );
}
