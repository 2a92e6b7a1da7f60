import { DocumentView, ProseMirrorNode, RestoreAnswer, Version, VersionComparison, VersionList } from '@quire/api-contract';
import { queryOptions } from '@tanstack/react-query';
import type { ApiClient } from './client';
import { documentKeys } from './documents';
import { useApiMutation } from './use-api-mutation';

const versionsPath = (documentId: string) => `/api/documents/${encodeURIComponent(documentId)}/versions`;
const versionPath = (documentId: string, versionId: string) => `${versionsPath(documentId)}/${encodeURIComponent(versionId)}`;

export const versionKeys = {
  /** The list, and under it every version's content and comparisons. */
  all: (documentId: string) => [...documentKeys.one(documentId), 'versions'] as const,
  list: (documentId: string) => [...documentKeys.one(documentId), 'versions', 'list'] as const,
  shown: (documentId: string, versionId: string, compare: string | null) =>
    [...documentKeys.one(documentId), 'versions', 'shown', versionId, compare ?? 'none'] as const,
};

/**
 * How often the open history panel reads the list again. The server pushes nothing when it records
 * an automatic version (only renames of the title are announced), so the panel asks while it is open.
 */
export const VERSION_LIST_REFRESH_MS = 5_000;

/** A document's versions, newest first; read again every few seconds while `open`. */
export function versionListQuery(api: ApiClient, documentId: string, open: boolean) {
  return queryOptions({
    queryKey: versionKeys.list(documentId),
    queryFn: async ({ signal }) => (await api.call(versionsPath(documentId), VersionList, { signal })).versions,
    enabled: open,
    refetchInterval: open ? VERSION_LIST_REFRESH_MS : false,
  });
}

/**
 * What a version view draws: the changes between `compare` (an older version, or `current`) and
 * the version, on the newer side's content; or, for the first version (`compare` null), its
 * content alone, with nothing marked.
 */
export function shownVersionQuery(api: ApiClient, documentId: string, versionId: string, compare: string | null) {
  return queryOptions({
    queryKey: versionKeys.shown(documentId, versionId, compare),
    queryFn: async ({ signal }): Promise<VersionComparison> => {
      const path = versionPath(documentId, versionId);
      if (compare) return api.call(`${path}?compare=${encodeURIComponent(compare)}`, VersionComparison, { signal });
      const doc = await api.call(path, ProseMirrorNode, { signal });
      return { from: versionId, to: versionId, doc, changes: [], authors: [] };
    },
    // A version never changes; the document as it is now does, so `current` is read each time.
    staleTime: compare === 'current' ? 0 : Infinity,
  });
}

/** "Name this version": a named version of the document as stored now. */
export function useNameVersion(documentId: string) {
  return useApiMutation(
    (api, name: string) => api.call(versionsPath(documentId), Version, { method: 'POST', body: { name } }),
    () => [versionKeys.list(documentId)],
  );
}

export function useRenameVersion(documentId: string) {
  return useApiMutation(
    (api, { versionId, name }: { versionId: string; name: string }) => api.call(versionPath(documentId, versionId), Version, { method: 'PATCH', body: { name } }),
    () => [versionKeys.list(documentId)],
  );
}

/** Makes the document equal to the version for everyone; the list gains "before restore" and "restore". */
export function useRestoreVersion(documentId: string) {
  return useApiMutation(
    (api, versionId: string) => api.call(`${versionPath(documentId, versionId)}/restore`, RestoreAnswer, { method: 'POST' }),
    () => [versionKeys.all(documentId)],
  );
}

/** A new document, owned by the caller, holding the version's content. */
export function useCopyVersion(documentId: string) {
  return useApiMutation(
    (api, versionId: string) => api.call(`${versionPath(documentId, versionId)}/copy`, DocumentView, { method: 'POST', body: {} }),
    () => [documentKeys.lists],
  );
}
