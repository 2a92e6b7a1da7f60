'use client';

import { useMutation, useQueryClient, type QueryKey } from '@tanstack/react-query';
import { useApi } from './api-context';
import type { ApiClient } from './client';

/**
 * A change made through the API, and what it makes stale: once the server confirms it, the queries
 * under each key of `changes` are read again, and `mutateAsync` resolves after they are, so the
 * page shows the change when the caller goes on.
 */
export function useApiMutation<Variables, Result>(
  send: (api: ApiClient, variables: Variables) => Promise<Result>,
  changes: (variables: Variables, result: Result) => readonly QueryKey[],
) {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (variables: Variables) => send(api, variables),
    onSuccess: async (result, variables) => {
      await Promise.all(changes(variables, result).map((queryKey) => queryClient.invalidateQueries({ queryKey })));
    },
  });
}
