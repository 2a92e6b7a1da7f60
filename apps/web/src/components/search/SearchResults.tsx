'use client';

import type { SearchResult } from '@quire/api-contract';
import Link from 'next/link';
import type { KeyboardEvent } from 'react';
import { Highlighted } from './Highlighted';
import styles from './search.module.css';

interface Props {
  results: readonly SearchResult[];
  /** What was searched for: handed to the editor, which finds it in the document. */
  query: string;
  /** Called when a result is opened (a dialog closes itself). */
  onOpen?: () => void;
  /** Arrow Up on the first result: back to the search field. */
  onLeaveTop?: () => void;
}

/** Where a result leads: the document, with the query to find and highlight in it. */
export function resultHref(result: SearchResult, query: string): string {
  return `/d/${encodeURIComponent(result.document.id)}?find=${encodeURIComponent(query.trim().slice(0, 200))}`;
}

/** Moves focus between the result links with the arrow keys. */
function moveFocus(event: KeyboardEvent<HTMLUListElement>, onLeaveTop?: () => void): void {
  if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
  const links = [...event.currentTarget.querySelectorAll<HTMLAnchorElement>('a')];
  const index = links.indexOf(document.activeElement as HTMLAnchorElement);
  if (index === -1) return;
  event.preventDefault();
  if (event.key === 'ArrowUp' && index === 0) onLeaveTop?.();
  else links[Math.max(0, Math.min(links.length - 1, index + (event.key === 'ArrowDown' ? 1 : -1)))].focus();
}

/**
 * Search results as links: the title, the snippet with its matching words marked, the owner.
 * Everything is rendered as text; the arrow keys move between results.
 */
export function SearchResults({ results, query, onOpen, onLeaveTop }: Props) {
  return (
    <ul aria-label="Search results" className={styles.results} onKeyDown={(event) => moveFocus(event, onLeaveTop)}>
      {results.map((result) => {
        const title = result.document.title.trim() || 'Untitled';
        return (
          <li key={result.document.id} className={styles.result}>
            <Link href={resultHref(result, query)} className={styles.resultLink} onClick={onOpen}>
              <span className={styles.resultTitle}>{title}</span>
              {result.snippet.trim() ? (
                <span className={styles.snippet}>
                  <Highlighted snippet={result.snippet} highlights={result.highlights} />
                </span>
              ) : null}
              <span className={styles.resultMeta}>{result.document.role === 'owner' ? 'Yours' : `Owner: ${result.document.owner?.name ?? 'unknown'}`}</span>
            </Link>
          </li>
        );
      })}
    </ul>
  );
}
