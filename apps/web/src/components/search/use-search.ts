'use client';

import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useApi } from '../../lib/api/api-context';
import { searchQuery } from '../../lib/api/organizing';
import { NO_FILTERS, type SearchFilters } from '../../lib/api/search-filters';

/** How long typing must pause before a search is sent. */
export const SEARCH_DEBOUNCE_MS = 150;
/** The longest query the server takes (MAX_SEARCH_QUERY_LENGTH). */
export const MAX_QUERY_LENGTH = 500;

/**
 * Search as you type: the query is sent once typing pauses, and the previous results stay on
 * screen while the next ones load, so the list does not flicker. A change of filters is sent at
 * once (a click, not typing).
 */
export function useSearch(text: string, filters: SearchFilters = NO_FILTERS, enabled = true) {
  const api = useApi();
  const [debounced, setDebounced] = useState(text);
  useEffect(() => {
    const timer = setTimeout(() => setDebounced(text), SEARCH_DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [text]);
  const query = debounced.trim().slice(0, MAX_QUERY_LENGTH);
  const result = useQuery({ ...searchQuery(api, debounced.slice(0, MAX_QUERY_LENGTH), 20, filters), enabled: enabled && query !== '', placeholderData: keepPreviousData });
  return { ...result, searching: query !== '', settled: debounced === text };
}
