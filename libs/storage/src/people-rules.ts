import { ROLE_RANK, type Role, type ShareRole } from '@quire/api-contract';
import { StorageError } from './storage-error';

// What the people store's adapters decide alike, so that they answer the same calls the same way.

/** The role a member ends with when an invitation of `invited` meets their `current` one: never lower. */
export function roleAfterInvitation(current: Role | undefined, invited: ShareRole): Role {
  return current !== undefined && ROLE_RANK[current] >= ROLE_RANK[invited] ? current : invited;
}

export function refusedHeir(userId: string, heirId: string | null): void {
  if (heirId === userId) throw new StorageError('invalid-argument', 'Cannot hand documents to the account being deleted: pick another owner');
}

export function noSuchHeir(): StorageError {
  return new StorageError('invalid-argument', 'Cannot hand the documents over: the new owner has no account');
}

export function noSuchInvitationTarget(): StorageError {
  return new StorageError('invalid-argument', 'Cannot invite: no such document or inviter');
}
