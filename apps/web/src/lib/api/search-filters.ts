import type { SearchChangedWithin } from '@quire/api-contract';

/** The search filters a person picked; each left out when not narrowing (GET /api/search). */
export interface SearchFilters {
  /** A user id, or 'me'. */
  readonly owner?: string;
  /** Only documents the person does not own. */
  readonly shared?: boolean;
  readonly changed?: SearchChangedWithin;
}

export const NO_FILTERS: SearchFilters = {};

/** The filters as query parameters (`&owner=…&shared=true&changed=…`), '' when there are none. */
export function filterParams(filters: SearchFilters): string {
  const params = new URLSearchParams();
  if (filters.owner) params.set('owner', filters.owner);
  if (filters.shared) params.set('shared', 'true');
  if (filters.changed) params.set('changed', filters.changed);
  const text = params.toString();
  return text === '' ? '' : `&${text}`;
}

/** Whether any filter narrows the search. */
export function isFiltered(filters: SearchFilters): boolean {
  return Boolean(filters.owner || filters.shared || filters.changed);
}
