'use client';

import { SEARCH_CHANGED_WITHIN, type SearchChangedWithin } from '@quire/api-contract';
import { useInfiniteQuery } from '@tanstack/react-query';
import { useId } from 'react';
import { useApi } from '../../lib/api/api-context';
import { sharedDocumentsQuery } from '../../lib/api/document-pages';
import type { SearchFilters } from '../../lib/api/search-filters';
import styles from './search.module.css';

const CHANGED_LABELS: Record<SearchChangedWithin, string> = { day: 'Last day', week: 'Last week', month: 'Last month' };

interface Props {
  filters: SearchFilters;
  onChange: (filters: SearchFilters) => void;
}

/**
 * The search filters in one compact row that wraps on a narrow screen: whose documents, only those
 * shared with me, and how recently changed. The owners offered are the people whose documents the
 * person already sees in "Shared with me" (the pages of the home page's query read so far, usually cached).
 */
export function SearchFilterRow({ filters, onChange }: Props) {
  const api = useApi();
  const { data: shared } = useInfiniteQuery(sharedDocumentsQuery(api));
  const ownerId = useId();
  const sharedId = useId();
  const changedId = useId();

  const owners = new Map<string, string>();
  for (const document of (shared?.pages ?? []).flatMap((page) => page.documents)) {
    if (document.owner) owners.set(document.owner.id, document.owner.name);
  }
  // An owner picked before the lists changed stays selectable rather than silently dropped.
  if (filters.owner && filters.owner !== 'me' && !owners.has(filters.owner)) owners.set(filters.owner, 'Someone else');
  const people = [...owners].sort(([, a], [, b]) => a.localeCompare(b));

  return (
    <fieldset className={styles.filters}>
      <legend className={styles.filtersLegend}>Filters</legend>
      <span className={styles.filter}>
        <label htmlFor={ownerId}>Owner</label>
        <select id={ownerId} className={styles.select} value={filters.owner ?? ''} onChange={(event) => onChange({ ...filters, owner: event.target.value || undefined })}>
          <option value="">Anyone</option>
          <option value="me">Me</option>
          {people.map(([id, name]) => (
            <option key={id} value={id}>
              {name}
            </option>
          ))}
        </select>
      </span>
      <span className={styles.filter}>
        <input
          id={sharedId}
          type="checkbox"
          className={styles.checkbox}
          checked={Boolean(filters.shared)}
          onChange={(event) => onChange({ ...filters, shared: event.target.checked || undefined })}
        />
        <label htmlFor={sharedId}>Shared with me</label>
      </span>
      <span className={styles.filter}>
        <label htmlFor={changedId}>Changed</label>
        <select
          id={changedId}
          className={styles.select}
          value={filters.changed ?? ''}
          onChange={(event) => onChange({ ...filters, changed: (event.target.value || undefined) as SearchChangedWithin | undefined })}
        >
          <option value="">Any time</option>
          {SEARCH_CHANGED_WITHIN.map((within) => (
            <option key={within} value={within}>
              {CHANGED_LABELS[within]}
            </option>
          ))}
        </select>
      </span>
    </fieldset>
  );
}
