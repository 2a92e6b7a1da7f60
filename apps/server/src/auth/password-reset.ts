import type { AccountStore } from '@quire/storage';
import { AuthError } from './auth-error';
import { hashPassword, temporaryPassword } from './passwords';

/** Gives a user a fresh random password, ends their sessions, and returns the password to show once. */
export async function resetPassword(store: AccountStore, userId: string): Promise<string> {
  const user = await store.getUser(userId);
  if (!user) throw new AuthError(404, 'No such user');
  const fresh = temporaryPassword();
  await store.updateUser(userId, { passwordHash: await hashPassword(fresh) });
  await store.deleteUserSessions(userId);
  return fresh;
}
