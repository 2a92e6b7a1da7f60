import type { Directory } from '@quire/storage';
import { AuthError } from './auth-error';
import { hashPassword, temporaryPassword } from './passwords';

/**
 * Gives a user a fresh random password, ends their sessions and revokes their API tokens (whoever
 * asked for a reset may have lost control of the account), and returns the password to show once.
 */
export async function resetPassword(store: Directory, userId: string): Promise<string> {
  const user = await store.getUser(userId);
  if (!user) throw new AuthError(404, 'No such user');
  const fresh = temporaryPassword();
  await store.updateUser(userId, { passwordHash: await hashPassword(fresh) });
  await store.deleteUserSessions(userId);
  await revokeApiTokens(store, userId);
  return fresh;
}

/** Deletes every API token of a user. */
export async function revokeApiTokens(store: Directory, userId: string): Promise<void> {
  for (const token of await store.listApiTokens(userId)) await store.deleteApiToken(userId, token.id);
}
