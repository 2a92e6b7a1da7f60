import { DeletedFolder, DocumentFolder, FolderContents, FolderList, FolderView } from '@quire/api-contract';
import { queryOptions } from '@tanstack/react-query';
import type { ApiClient } from './client';
import { documentKeys } from './documents';
import { organizingKeys } from './organizing';
import type { SharingTarget } from './sharing';
import { useApiMutation } from './use-api-mutation';

const folderPath = (id: string) => `/api/folders/${encodeURIComponent(id)}`;

export const folderKeys = {
  /** Every folder query: the tree, each folder's contents and members, documents' paths. */
  all: ['folders'] as const,
  tree: ['folders', 'tree'] as const,
  contents: (id: string) => ['folders', 'contents', id] as const,
  one: (id: string) => ['folders', 'one', id] as const,
  /** Where a document is (its breadcrumbs). */
  ofDocument: (documentId: string) => ['folders', 'of-document', documentId] as const,
};

/** What changes when folders or who may read what change: the folders, and every list of documents. */
const everything = () => [folderKeys.all, documentKeys.lists, organizingKeys.starred, organizingKeys.recent, organizingKeys.search];

/** A folder as a sharing target: its members get its role on everything in it. */
export const folderTarget = (id: string): SharingTarget => ({ path: folderPath(id), key: folderKeys.one(id), noun: 'folder' });

/** The caller's folders and those shared with them, by name (the tree is `parentId`). */
export function foldersQuery(api: ApiClient) {
  return queryOptions({ queryKey: folderKeys.tree, queryFn: async ({ signal }) => (await api.call('/api/folders', FolderList, { signal })).folders });
}

/** A folder, the folders directly in it and its documents. */
export function folderContentsQuery(api: ApiClient, id: string) {
  return queryOptions({ queryKey: folderKeys.contents(id), queryFn: ({ signal }) => api.call(`${folderPath(id)}/documents`, FolderContents, { signal }) });
}

/** The folders above a document, as far up as the caller may see. */
export function documentFolderQuery(api: ApiClient, documentId: string) {
  return queryOptions({
    queryKey: folderKeys.ofDocument(documentId),
    queryFn: ({ signal }) => api.call(`/api/documents/${encodeURIComponent(documentId)}/folder`, DocumentFolder, { signal }),
  });
}

export function useCreateFolder() {
  return useApiMutation((api, body: { name: string; parentId: string | null }) => api.call('/api/folders', FolderView, { method: 'POST', body }), () => [folderKeys.all]);
}

export function useRenameFolder() {
  return useApiMutation(
    (api, { id, name }: { id: string; name: string }) => api.call(folderPath(id), FolderView, { method: 'PATCH', body: { name } }),
    () => [folderKeys.all],
  );
}

/** Moves a folder into another of the owner's folders, or to the top level (null). */
export function useMoveFolder() {
  return useApiMutation(
    (api, { id, parentId }: { id: string; parentId: string | null }) => api.call(`${folderPath(id)}/parent`, FolderView, { method: 'PUT', body: { parentId } }),
    everything,
  );
}

/** Deletes a folder and those in it; their documents go to the top level. */
export function useDeleteFolder() {
  return useApiMutation((api, id: string) => api.call(folderPath(id), DeletedFolder, { method: 'DELETE' }), everything);
}

/** Puts a document in a folder, or at the top level (null). */
export function useMoveDocument() {
  return useApiMutation(
    (api, { documentId, folderId }: { documentId: string; folderId: string | null }) =>
      api.call(`/api/documents/${encodeURIComponent(documentId)}/folder`, DocumentFolder, { method: 'PUT', body: { folderId } }),
    everything,
  );
}
