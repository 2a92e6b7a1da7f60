import { SessionInfo, SignedIn, type SetupBody, type SigninBody, type SignupBody, type UserView } from '@quire/api-contract';
import { queryOptions } from '@tanstack/react-query';
import type { ApiClient } from './client';

export const sessionKey = ['session'] as const;

/** Who is signed in, whether the instance still needs its administrator, and whether anyone may sign up. */
export function sessionQuery(api: ApiClient) {
  return queryOptions({ queryKey: sessionKey, queryFn: ({ signal }) => api.call('/api/session', SessionInfo, { signal }) });
}

/** Creates the administrator with the one-time setup code from the server's log, and signs them in. */
export async function completeSetup(api: ApiClient, account: SetupBody): Promise<UserView> {
  return (await api.call('/api/setup', SignedIn, { method: 'POST', body: account })).user;
}

/** Creates an account and signs it in. */
export async function signUp(api: ApiClient, account: SignupBody): Promise<UserView> {
  return (await api.call('/api/auth/signup', SignedIn, { method: 'POST', body: account })).user;
}

export async function signIn(api: ApiClient, credentials: SigninBody): Promise<UserView> {
  return (await api.call('/api/auth/signin', SignedIn, { method: 'POST', body: credentials })).user;
}

export function signOut(api: ApiClient): Promise<void> {
  return api.call('/api/auth/signout', null, { method: 'POST' });
}
