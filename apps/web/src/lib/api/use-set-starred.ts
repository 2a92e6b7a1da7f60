'use client';

import { useMutation, useQueryClient, type QueryKey } from '@tanstack/react-query';
import { useApi } from './api-context';
import { documentKeys } from './documents';
import { folderKeys } from './folders';
import { organizingKeys } from './organizing';
import { withStarred } from './star-cache';

/**
 * Stars or unstars a document for the caller. Every cached row of it (My documents, Shared with me,
 * Recent, Starred, a folder's documents, the document itself) shows the new state at once, and the
 * old one again if the server refuses; then the Starred shelf is read again, to gain or lose it.
 */
export function useSetStarred() {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, starred }: { id: string; starred: boolean }) =>
      api.call(`/api/documents/${encodeURIComponent(id)}/star`, null, { method: starred ? 'PUT' : 'DELETE' }),
    onMutate: async ({ id, starred }) => {
      const keys: QueryKey[] = [documentKeys.lists, organizingKeys.recent, organizingKeys.starred, folderKeys.all, documentKeys.one(id)];
      // A read under way would land on top of the change with the old state.
      await Promise.all(keys.map((queryKey) => queryClient.cancelQueries({ queryKey })));
      const before = keys.flatMap((queryKey) => queryClient.getQueriesData({ queryKey }));
      for (const queryKey of keys) queryClient.setQueriesData({ queryKey }, (data: unknown) => withStarred(data, id, starred));
      return { before };
    },
    onError: (_error, _variables, context) => {
      for (const [queryKey, data] of context?.before ?? []) queryClient.setQueryData(queryKey, data);
    },
    onSettled: (_result, _error, { id }) =>
      Promise.all([organizingKeys.starred, documentKeys.one(id)].map((queryKey) => queryClient.invalidateQueries({ queryKey }))),
  });
}
