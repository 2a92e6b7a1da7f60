import { DocumentView, ListedDocumentView } from '@quire/api-contract';
import { queryOptions } from '@tanstack/react-query';
import type { ApiClient } from './client';
import { organizingKeys } from './organizing';
import { useApiMutation } from './use-api-mutation';

const path = (id: string) => `/api/documents/${encodeURIComponent(id)}`;

export const documentKeys = {
  /** "My documents" and "Shared with me" (each a paged query under it: document-pages.ts). */
  lists: ['document-lists'] as const,
  /** One document, and under it its members and links. */
  one: (id: string) => ['document', id] as const,
};

/** One document's title, owner, the caller's role and whether they starred it. */
export function documentQuery(api: ApiClient, id: string) {
  return queryOptions({ queryKey: documentKeys.one(id), queryFn: ({ signal }) => api.call(path(id), ListedDocumentView, { signal }) });
}

/** Creates a document the caller owns. */
export function useCreateDocument() {
  return useApiMutation(
    (api, _: void) => api.call('/api/documents', DocumentView, { method: 'POST', body: {} }),
    () => [documentKeys.lists],
  );
}

export function useRenameDocument() {
  return useApiMutation(
    (api, { id, title }: { id: string; title: string }) => api.call(path(id), DocumentView, { method: 'PATCH', body: { title } }),
    ({ id }) => [documentKeys.lists, documentKeys.one(id)],
  );
}

export function useDeleteDocument() {
  // A deleted document moves to the Trash, and leaves Starred, Recent and search.
  return useApiMutation((api, id: string) => api.call(path(id), null, { method: 'DELETE' }), () => [documentKeys.lists, ...Object.values(organizingKeys)]);
}

/** Removes the caller from a document shared with them. */
export function useLeaveDocument() {
  return useApiMutation(
    (api, { id, userId }: { id: string; userId: string }) => api.call(`${path(id)}/members/${encodeURIComponent(userId)}`, null, { method: 'DELETE' }),
    () => [documentKeys.lists, organizingKeys.starred, organizingKeys.recent, organizingKeys.search],
  );
}
