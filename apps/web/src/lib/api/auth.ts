import { apiRequest } from './request';
import type { SessionInfo, User } from './types';

/** Who is signed in, whether the instance still needs its administrator, and whether anyone may sign up. */
export function getSession(serverUrl: string, signal?: AbortSignal): Promise<SessionInfo> {
  return apiRequest<SessionInfo>(serverUrl, '/api/session', signal ? { signal } : {});
}

export interface NewAccount {
  email: string;
  name: string;
  password: string;
}

/** Creates the administrator with the one-time setup code from the server's log, and signs them in. */
export async function completeSetup(serverUrl: string, account: NewAccount & { code: string }): Promise<User> {
  return (await apiRequest<{ user: User }>(serverUrl, '/api/setup', { method: 'POST', body: account })).user;
}

/** Creates an account and signs it in. */
export async function signUp(serverUrl: string, account: NewAccount): Promise<User> {
  return (await apiRequest<{ user: User }>(serverUrl, '/api/auth/signup', { method: 'POST', body: account })).user;
}

export async function signIn(serverUrl: string, credentials: { email: string; password: string }): Promise<User> {
  return (await apiRequest<{ user: User }>(serverUrl, '/api/auth/signin', { method: 'POST', body: credentials })).user;
}

export function signOut(serverUrl: string): Promise<void> {
  return apiRequest<void>(serverUrl, '/api/auth/signout', { method: 'POST' });
}
