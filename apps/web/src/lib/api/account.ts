import { ApiTokenList, CreatedApiToken, SignedIn, type ChangePasswordBody } from '@quire/api-contract';
import { queryOptions } from '@tanstack/react-query';
import { sessionKey } from './auth';
import type { ApiClient } from './client';
import { useApiMutation } from './use-api-mutation';

const tokensKey = ['tokens'] as const;

/** The caller's personal API tokens (never their secrets). */
export function apiTokensQuery(api: ApiClient) {
  return queryOptions({ queryKey: tokensKey, queryFn: async ({ signal }) => (await api.call('/api/tokens', ApiTokenList, { signal })).tokens });
}

/** Renames the caller; the session is read again, so every page shows the new name. */
export function useRenameAccount() {
  return useApiMutation(async (api, name: string) => (await api.call('/api/account', SignedIn, { method: 'PATCH', body: { name } })).user, () => [sessionKey]);
}

/** Changes the password; the server ends every other session, and revokes the API tokens if asked. */
export function useChangePassword() {
  return useApiMutation(
    (api, change: ChangePasswordBody) => api.call('/api/account/password', null, { method: 'POST', body: change }),
    ({ revokeTokens }) => (revokeTokens ? [tokensKey] : []),
  );
}

/** Creates a personal API token; its secret is in the answer only. */
export function useCreateApiToken() {
  return useApiMutation((api, name: string) => api.call('/api/tokens', CreatedApiToken, { method: 'POST', body: { name } }), () => [tokensKey]);
}

export function useRevokeApiToken() {
  return useApiMutation((api, id: string) => api.call(`/api/tokens/${encodeURIComponent(id)}`, null, { method: 'DELETE' }), () => [tokensKey]);
}
