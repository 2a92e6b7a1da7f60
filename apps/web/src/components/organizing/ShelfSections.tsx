'use client';

import type { DocumentView } from '@quire/api-contract';
import { useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { useNow } from '../../hooks/use-now';
import { useApi } from '../../lib/api/api-context';
import { recentQuery, starredQuery } from '../../lib/api/organizing';
import { formatDateTime, formatRelativeTime } from '../../lib/relative-time';
import styles from './organizing.module.css';
import { StarButton } from './StarButton';

/** The ids the person starred, for the star toggles of every list on the page. */
export function useStarredIds(): ReadonlySet<string> {
  const api = useApi();
  const { data } = useQuery(starredQuery(api));
  return new Set((data?.documents ?? []).map((document) => document.id));
}

interface ShelfProps {
  title: string;
  id: string;
  documents: readonly (DocumentView & { at: string })[];
  /** "Opened", "Starred": what the time says. */
  verb: string;
  starred: ReadonlySet<string>;
  empty: string;
}

function Shelf({ title, id, documents, verb, starred, empty }: ShelfProps) {
  const now = useNow();
  return (
    <section className={styles.shelf} aria-labelledby={id}>
      <h2 id={id} className={styles.shelfTitle}>
        {title}
      </h2>
      {documents.length === 0 ? (
        <p className={styles.empty}>{empty}</p>
      ) : (
        <ul className={styles.cards} aria-label={title}>
          {documents.map((document) => {
            const shown = document.title.trim() || 'Untitled';
            const at = new Date(document.at);
            return (
              <li key={document.id} className={styles.card}>
                <Link href={`/d/${encodeURIComponent(document.id)}`} className={styles.cardLink}>
                  <span className={styles.cardTitle}>{shown}</span>
                  <span className={styles.cardMeta}>
                    {verb}{' '}
                    <time dateTime={document.at} title={formatDateTime(at)}>
                      {formatRelativeTime(at, now)}
                    </time>
                  </span>
                </Link>
                <StarButton documentId={document.id} title={shown} starred={starred.has(document.id)} />
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}

/** "Starred" and "Recent": what the person starred, and what they opened lately (the eight newest). */
export function ShelfSections({ starred }: { starred: ReadonlySet<string> }) {
  const api = useApi();
  const starredList = useQuery(starredQuery(api)).data?.documents ?? [];
  const recentList = useQuery(recentQuery(api)).data?.documents ?? [];
  return (
    <div className={styles.shelves}>
      <Shelf
        title="Starred"
        id="starred-title"
        verb="Starred"
        starred={starred}
        documents={starredList.map((document) => ({ ...document, at: document.starredAt }))}
        empty="Star a document to keep it here."
      />
      <Shelf
        title="Recent"
        id="recent-title"
        verb="Opened"
        starred={starred}
        documents={recentList.slice(0, 8).map((document) => ({ ...document, at: document.openedAt }))}
        empty="Documents you open appear here."
      />
    </div>
  );
}
