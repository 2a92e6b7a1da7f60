import { timeOf } from './directory-checks';
import { checkCount } from './security-events';

/**
 * Where a page of a list starts: right after the entry with this sort time and id (the previous
 * page's last entry). Lists are ordered by a time, newest first, then by id: keyset pagination, so
 * that a document added or changed meanwhile never makes a page repeat or skip another one.
 */
export interface PageKey {
  readonly at: Date;
  readonly id: string;
}

/** At most `limit` entries, after `after` when it is given (else from the first). */
export interface PageRequest {
  readonly limit: number;
  readonly after?: PageKey;
}

/** A page request as SQL parameters: the limit, and the key's time in milliseconds and id (both null for the first page). */
export interface PageParams {
  readonly limit: number;
  readonly at: number | null;
  readonly id: string | null;
}

/** Checks a page request (a whole limit, a valid time) and gives its parameters. */
export function pageParams(page: PageRequest): PageParams {
  const limit = checkCount(page.limit, 'The page limit');
  if (page.after === undefined) return { limit, at: null, id: null };
  return { limit, at: timeOf(page.after.at, 'The page key'), id: String(page.after.id) };
}
