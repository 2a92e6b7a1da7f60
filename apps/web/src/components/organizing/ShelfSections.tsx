'use client';

import type { ListedDocumentView } from '@quire/api-contract';
import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import type { ReactNode } from 'react';
import { useNow } from '../../hooks/use-now';
import { useApi } from '../../lib/api/api-context';
import { recentQuery, starredQuery } from '../../lib/api/document-pages';
import { formatDateTime, formatRelativeTime } from '../../lib/relative-time';
import { ShowMoreButton } from '../common/ShowMoreButton';
import styles from './organizing.module.css';
import { StarButton } from './StarButton';

interface ShelfProps {
  title: string;
  id: string;
  /** Each with whether the person starred it (every one, on the Starred shelf until it is read again). */
  documents: readonly (ListedDocumentView & { at: string })[];
  /** "Opened", "Starred": what the time says. */
  verb: string;
  empty: string;
  /** Under the cards: "Show more" for a shelf read a page at a time. */
  more?: ReactNode;
}

function Shelf({ title, id, documents, verb, empty, more }: ShelfProps) {
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
                <StarButton documentId={document.id} title={shown} starred={document.starred} />
              </li>
            );
          })}
        </ul>
      )}
      {more}
    </section>
  );
}

/** "Starred" and "Recent": what the person starred (a page at a time), and what they opened lately (the eight newest). */
export function ShelfSections() {
  const api = useApi();
  const starredPages = useInfiniteQuery(starredQuery(api));
  const starredList = (starredPages.data?.pages ?? []).flatMap((page) => page.documents);
  const recentList = useQuery(recentQuery(api)).data?.documents ?? [];
  return (
    <div className={styles.shelves}>
      <Shelf
        title="Starred"
        id="starred-title"
        verb="Starred"
        documents={starredList.map((document) => ({ ...document, at: document.starredAt }))}
        empty="Star a document to keep it here."
        more={<ShowMoreButton query={starredPages} list="Starred" />}
      />
      <Shelf
        title="Recent"
        id="recent-title"
        verb="Opened"
        documents={recentList.slice(0, 8).map((document) => ({ ...document, at: document.openedAt }))}
        empty="Documents you open appear here."
      />
    </div>
  );
}
