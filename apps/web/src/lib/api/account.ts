import { apiRequest } from './request';
import type { ApiToken, CreatedApiToken, User } from './types';

export async function changeName(serverUrl: string, name: string): Promise<User> {
  return (await apiRequest<{ user: User }>(serverUrl, '/api/account', { method: 'PATCH', body: { name } })).user;
}

/** Changes the password; the server ends every other session, and revokes the API tokens if asked. */
export function changePassword(serverUrl: string, change: { currentPassword: string; newPassword: string; revokeTokens?: boolean }): Promise<void> {
  return apiRequest<void>(serverUrl, '/api/account/password', { method: 'POST', body: change });
}

export async function listApiTokens(serverUrl: string, signal?: AbortSignal): Promise<ApiToken[]> {
  return (await apiRequest<{ tokens: ApiToken[] }>(serverUrl, '/api/tokens', signal ? { signal } : {})).tokens;
}

/** Creates a personal API token; its secret is in the answer only. */
export function createApiToken(serverUrl: string, name: string): Promise<CreatedApiToken> {
  return apiRequest<CreatedApiToken>(serverUrl, '/api/tokens', { method: 'POST', body: { name } });
}

export function revokeApiToken(serverUrl: string, id: string): Promise<void> {
  return apiRequest<void>(serverUrl, `/api/tokens/${encodeURIComponent(id)}`, { method: 'DELETE' });
}
