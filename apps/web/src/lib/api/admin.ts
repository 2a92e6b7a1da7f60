import { SecurityEventList, TemporaryPassword, UserList } from '@quire/api-contract';
import { queryOptions } from '@tanstack/react-query';
import type { ApiClient } from './client';
import { useApiMutation } from './use-api-mutation';

const eventsKey = ['admin', 'events'] as const;

/** Every account (administrators only). */
export function usersQuery(api: ApiClient) {
  return queryOptions({ queryKey: ['admin', 'users'], queryFn: async ({ signal }) => (await api.call('/api/admin/users', UserList, { signal })).users });
}

/** The recent security events, newest first (administrators only). */
export function securityEventsQuery(api: ApiClient) {
  return queryOptions({ queryKey: eventsKey, queryFn: async ({ signal }) => (await api.call('/api/admin/events', SecurityEventList, { signal })).events });
}

/** Gives a user a new temporary password and ends their sessions; resolves that password. */
export function useResetPassword() {
  return useApiMutation(
    async (api, userId: string) =>
      (await api.call(`/api/admin/users/${encodeURIComponent(userId)}/password`, TemporaryPassword, { method: 'POST' })).temporaryPassword,
    () => [eventsKey],
  );
}
