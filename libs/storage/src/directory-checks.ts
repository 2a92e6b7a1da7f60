import type { ShareRole } from '@quire/api-contract';
import { StorageError } from './storage-error';

// Refusals shared by the directory adapters, so that they refuse the same calls with the same messages.

/** An email as stored and compared: trimmed and lower-cased, so that one address is one account. */
export function emailKey(email: string): string {
  return typeof email === 'string' ? email.trim().toLowerCase() : '';
}

/** {@link emailKey} for an account being written; refuses an empty email, which no lookup could find. */
export function normalizeEmail(email: string): string {
  const normalized = emailKey(email);
  if (normalized === '') {
    throw new StorageError('invalid-argument', 'Email is empty: pass the address the user gave');
  }
  return normalized;
}

/** Refuses a role a member or link cannot be given (`owner` above all: a document has one). */
export function checkLinkRole(role: ShareRole, action: string): void {
  if (role !== 'editor' && role !== 'commenter' && role !== 'viewer') {
    throw new StorageError(
      'invalid-argument',
      `Cannot ${action} with role ${JSON.stringify(role)}: pass 'editor', 'commenter' or 'viewer' ` +
        '(a document has exactly one owner, set when it is created)',
    );
  }
}

/** A role's rank in SQL (viewer 1 < commenter 2 < editor 3 < owner 4), as ROLE_RANK in @quire/api-contract. */
const rankOf = (column: string) => `CASE ${column} WHEN 'viewer' THEN 1 WHEN 'commenter' THEN 2 WHEN 'editor' THEN 3 ELSE 4 END`;

/** In a member upsert (`m` the row, `excluded` the new one): true when the new role is higher, so a link only raises a role. */
export const RAISES_ROLE = `${rankOf('m.role')} < ${rankOf('excluded.role')}`;

/** Milliseconds of a valid Date; refuses anything else rather than store a NaN or null time. */
export function timeOf(date: Date, what: string): number {
  const time = date instanceof Date ? date.getTime() : Number.NaN;
  if (Number.isNaN(time)) {
    throw new StorageError('invalid-argument', `${what} is not a valid Date: pass a Date such as new Date()`);
  }
  return time;
}

/** A valid Date (a copy), for drivers that take Dates; refuses anything else rather than store a wrong time. */
export function dateOf(date: Date, what: string): Date {
  return new Date(timeOf(date, what));
}

/** The error for a row whose key is taken. Says what, never the value: it may be a secret's digest. */
export function conflict(what: string): StorageError {
  return new StorageError('conflict', `${what} exists already: nothing was changed`);
}

/** The error for a call that names an account that does not exist. */
export function noSuchUser(action: string): StorageError {
  return new StorageError('invalid-argument', `Cannot ${action}: no account has that user id`);
}

/** The error for changing or removing a document's owner through a membership call. */
export function ownerUnchangeable(documentId: string, action: string): StorageError {
  return new StorageError(
    'invalid-argument',
    `Cannot ${action}: that user owns document "${documentId}", and the owner's membership never changes ` +
      '(delete the document instead)',
  );
}
