'use client';

import { useId, useRef, useState, type KeyboardEvent } from 'react';
import { errorStatus, isUnreachable } from '../../lib/api/client';
import { isFiltered, NO_FILTERS, type SearchFilters } from '../../lib/api/search-filters';
import { SearchFilterRow } from './SearchFilterRow';
import { MAX_QUERY_LENGTH, useSearch } from './use-search';
import { SearchResults } from './SearchResults';
import styles from './search.module.css';

interface Props {
  /** The field's visible label. */
  label: string;
  initialText?: string;
  autoFocus?: boolean;
  /** Called when a result is opened. */
  onOpen?: () => void;
  /** Escape in the field (a search field would only clear itself): the dialog closes. */
  onEscape?: () => void;
}

/**
 * A search field with its results below, found as the person types (web-search syntax: "a
 * phrase", -word, or), narrowed by the filters below it. Arrow Down goes to the results; the
 * count is announced.
 */
export function SearchPanel({ label, initialText = '', autoFocus = false, onOpen, onEscape }: Props) {
  const [text, setText] = useState(initialText);
  const [filters, setFilters] = useState<SearchFilters>(NO_FILTERS);
  const input = useRef<HTMLInputElement>(null);
  const results = useRef<HTMLDivElement>(null);
  const fieldId = useId();
  const hintId = useId();
  const { data, error, isFetching, searching, settled } = useSearch(text, filters);
  const found = searching ? (data?.results ?? []) : [];

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Escape' && onEscape) {
      event.preventDefault();
      onEscape();
      return;
    }
    if (event.key !== 'ArrowDown' || found.length === 0) return;
    event.preventDefault();
    results.current?.querySelector('a')?.focus();
  };

  let status = '';
  if (!searching) status = '';
  else if (error && !data) status = '';
  else if (data && settled) status = found.length === 0 ? (isFiltered(filters) ? 'Nothing found with these filters' : 'Nothing found') : `${found.length}${data.nextCursor ? '+' : ''} ${found.length === 1 ? 'document' : 'documents'} found`;

  return (
    <div className={styles.panel}>
      <label htmlFor={fieldId} className={styles.label}>
        {label}
      </label>
      <div className={styles.field}>
        <svg className={styles.fieldIcon} viewBox="0 0 20 20" aria-hidden="true" focusable="false">
          <circle cx="8.5" cy="8.5" r="5.5" fill="none" stroke="currentColor" strokeWidth="1.6" />
          <path d="M12.7 12.7 17 17" stroke="currentColor" strokeWidth="1.6" strokeLinecap="round" />
        </svg>
        <input
          ref={input}
          id={fieldId}
          type="search"
          className={styles.input}
          value={text}
          maxLength={MAX_QUERY_LENGTH}
          autoComplete="off"
          spellCheck={false}
          // The dialog opens to type in at once.
          autoFocus={autoFocus}
          aria-describedby={hintId}
          placeholder="Search titles and text"
          onChange={(event) => setText(event.target.value)}
          onKeyDown={onKeyDown}
        />
        {isFetching && searching ? <span className={styles.spinner} aria-hidden="true" /> : null}
      </div>
      <p id={hintId} className={styles.hint}>
        Use &quot;quotes&quot; for a phrase and -word to leave a word out.
      </p>
      <SearchFilterRow filters={filters} onChange={setFilters} />
      <p role="status" className={styles.status}>
        {status}
      </p>
      {searching && error && !data ? (
        <p className={styles.error} role="alert">
          {isUnreachable(error)
            ? 'The server cannot be reached; searching again when it is back.'
            : errorStatus(error) === 401
              ? 'Sign in to search your documents.'
              : `The search failed: ${error.message}`}
        </p>
      ) : null}
      <div ref={results}>
        {found.length > 0 ? <SearchResults results={found} query={text} onOpen={onOpen} onLeaveTop={() => input.current?.focus()} /> : null}
      </div>
    </div>
  );
}
