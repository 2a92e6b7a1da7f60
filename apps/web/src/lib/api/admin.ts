import { apiRequest } from './request';
import type { SecurityEvent, User } from './types';

/** Every account (administrators only). */
export async function listUsers(serverUrl: string, signal?: AbortSignal): Promise<User[]> {
  return (await apiRequest<{ users: User[] }>(serverUrl, '/api/admin/users', signal ? { signal } : {})).users;
}

/** Gives a user a new temporary password and ends their sessions; resolves that password. */
export async function resetUserPassword(serverUrl: string, userId: string): Promise<string> {
  const answer = await apiRequest<{ temporaryPassword: string }>(serverUrl, `/api/admin/users/${encodeURIComponent(userId)}/password`, {
    method: 'POST',
  });
  return answer.temporaryPassword;
}

/** The recent security events, newest first (administrators only). */
export async function listSecurityEvents(serverUrl: string, signal?: AbortSignal): Promise<SecurityEvent[]> {
  return (await apiRequest<{ events: SecurityEvent[] }>(serverUrl, '/api/admin/events', signal ? { signal } : {})).events;
}
