'use client';

import Link from 'next/link';
import { useNow } from '../../hooks/use-now';
import type { DocumentSummary } from '../../lib/documents-api';
import { formatDateTime, formatRelativeTime } from '../../lib/relative-time';
import styles from './home.module.css';

/** The documents, most recently changed first, each with when it last changed. */
export function DocumentList({ documents }: { documents: DocumentSummary[] }) {
  const now = useNow();
  return (
    <ul className={styles.list} aria-label="Documents">
      {documents.map((document) => {
        const updated = new Date(document.updatedAt);
        const title = document.title.trim() || 'Untitled';
        return (
          <li key={document.id} className={styles.row}>
            <Link href={`/d/${encodeURIComponent(document.id)}`} className={styles.rowLink}>
              <svg className={styles.rowIcon} viewBox="0 0 20 20" aria-hidden="true" focusable="false">
                <path d="M5 2.5h6.5L15 6v11.5H5z" fill="#fff" stroke="currentColor" strokeWidth="1.3" />
                <path d="M7.5 9h5M7.5 11.5h5M7.5 14h3" stroke="currentColor" strokeWidth="1.3" strokeLinecap="round" />
              </svg>
              <span className={document.title.trim() ? styles.rowTitle : `${styles.rowTitle} ${styles.untitled}`}>{title}</span>
            </Link>
            <span className={styles.rowMeta}>
              Edited{' '}
              <time dateTime={document.updatedAt} title={formatDateTime(updated)}>
                {formatRelativeTime(updated, now)}
              </time>
            </span>
          </li>
        );
      })}
    </ul>
  );
}
