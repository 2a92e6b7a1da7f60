import { DocumentView, SearchAnswer } from '@quire/api-contract';
import { queryOptions } from '@tanstack/react-query';
import { filterParams, type SearchFilters } from './search-filters';
import type { ApiClient } from './client';
import { documentKeys } from './documents';
import { useApiMutation } from './use-api-mutation';

export const organizingKeys = {
  trash: ['trash'] as const,
  starred: ['starred'] as const,
  recent: ['recent'] as const,
  /** Every search; one query string (and page) under it. */
  search: ['search'] as const,
};

/** Every list that shows a document: what a trash, restore or star changes. */
const everyList = () => [documentKeys.lists, organizingKeys.trash, organizingKeys.starred, organizingKeys.recent, organizingKeys.search];

/** One page of results for `q` (web-search syntax), narrowed by `filters`. */
export function searchQuery(api: ApiClient, q: string, limit = 20, filters: SearchFilters = {}) {
  return queryOptions({
    queryKey: [...organizingKeys.search, q, limit, filters] as const,
    queryFn: ({ signal }) => api.call(`/api/search?q=${encodeURIComponent(q)}&limit=${limit}${filterParams(filters)}`, SearchAnswer, { signal }),
    // Never served from the cache without asking again: access may have changed since (a member
    // removed must not see a cached result of a document they lost).
    staleTime: 0,
  });
}

export function useRestoreDocument() {
  return useApiMutation((api, id: string) => api.call(`/api/trash/${encodeURIComponent(id)}/restore`, DocumentView, { method: 'POST' }), everyList);
}

export function useDeleteForever() {
  return useApiMutation((api, id: string) => api.call(`/api/trash/${encodeURIComponent(id)}`, null, { method: 'DELETE' }), () => [organizingKeys.trash]);
}
