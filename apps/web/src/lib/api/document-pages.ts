import { DocumentPage, RecentList, StarredList, TrashList } from '@quire/api-contract';
import { infiniteQueryOptions, queryOptions, type QueryKey } from '@tanstack/react-query';
import type { Answer, ApiClient } from './client';
import { documentKeys } from './documents';
import { organizingKeys } from './organizing';

/** Documents one page of the home page's lists holds (the server's default page too). */
export const LIST_PAGE_SIZE = 50;
/** How many recently opened documents the Recent shelf shows. */
export const RECENT_SHOWN = 8;

/** `path` asking for `limit` documents after `cursor` (the previous page's nextCursor; null for the first). */
export function pagePath(path: string, cursor: string | null, limit = LIST_PAGE_SIZE): string {
  return `${path}?limit=${limit}${cursor === null ? '' : `&cursor=${encodeURIComponent(cursor)}`}`;
}

/**
 * A list read a page at a time ("Show more" fetches the next): each page after the previous
 * page's `nextCursor`, until it is null. Refetching (after a change, or when the tab comes back)
 * reads again as many pages as were shown.
 */
function pagedList<T extends { nextCursor: string | null }>(api: ApiClient, queryKey: QueryKey, path: string, schema: Answer<T>) {
  return infiniteQueryOptions({
    queryKey,
    queryFn: ({ signal, pageParam }) => api.call(pagePath(path, pageParam), schema, { signal }),
    initialPageParam: null as string | null,
    getNextPageParam: (last: T) => last.nextCursor,
  });
}

/** "My documents", most recently changed first. Under documentKeys.lists: what changes a document refreshes it. */
export const ownedDocumentsQuery = (api: ApiClient) => pagedList(api, [...documentKeys.lists, 'owned'], '/api/documents/owned', DocumentPage);

/** "Shared with me" (directly or through a folder), most recently changed first. */
export const sharedDocumentsQuery = (api: ApiClient) => pagedList(api, [...documentKeys.lists, 'shared'], '/api/documents/shared', DocumentPage);

/** The caller's starred documents, most recently starred first. */
export const starredQuery = (api: ApiClient) => pagedList(api, organizingKeys.starred, '/api/documents/starred', StarredList);

/** The caller's trashed documents, most recently trashed first. */
export const trashQuery = (api: ApiClient) => pagedList(api, organizingKeys.trash, '/api/trash', TrashList);

/** The few documents the caller opened last, newest first: a shelf, not a list to page through. */
export function recentQuery(api: ApiClient) {
  return queryOptions({ queryKey: organizingKeys.recent, queryFn: ({ signal }) => api.call(pagePath('/api/documents/recent', null, RECENT_SHOWN), RecentList, { signal }) });
}
