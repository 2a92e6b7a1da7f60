'use client';

import type { UseInfiniteQueryResult } from '@tanstack/react-query';
import styles from './show-more.module.css';

interface Props {
  /** The list's infinite query: its next page, whether there is one, and whether it is on its way. */
  query: Pick<UseInfiniteQueryResult, 'hasNextPage' | 'isFetchingNextPage' | 'fetchNextPage' | 'isFetchNextPageError'>;
  /** The list's name, for the button's accessible name ("Show more of My documents"). */
  list: string;
}

/**
 * "Show more" under a list read a page at a time: fetches the next page, whose rows join the list
 * above. Gone once the last page is shown; says so when the next page could not be read.
 */
export function ShowMoreButton({ query, list }: Props) {
  if (!query.hasNextPage) return null;
  return (
    <div className={styles.more}>
      <button
        type="button"
        className="button button--quiet"
        aria-busy={query.isFetchingNextPage}
        disabled={query.isFetchingNextPage}
        onClick={() => void query.fetchNextPage()}
      >
        {query.isFetchingNextPage ? 'Loading…' : 'Show more'}
        <span className="visually-hidden"> of {list}</span>
      </button>
      {query.isFetchNextPageError ? (
        <p className={styles.error} role="alert">
          The next documents could not be loaded. Try again in a moment.
        </p>
      ) : null}
    </div>
  );
}
