import type { NewUser, Ticket } from '../directory-records';

// Values the directory contract builds its tests from.

/** A new account named `name` (`ada` → id `user-ada`, email `ada@example.com`). */
export function newUser(name: string, overrides: Partial<NewUser> = {}): NewUser {
  return {
    id: `user-${name}`,
    email: `${name}@example.com`,
    name: name.charAt(0).toUpperCase() + name.slice(1),
    passwordHash: `scrypt$hash-of-${name}`,
    isAdmin: false,
    ...overrides,
  };
}

/** `date` moved by `ms` milliseconds. */
export function later(date: Date, ms: number): Date {
  return new Date(date.getTime() + ms);
}

/** A ticket for a member's connection to `documentId`, valid for a minute from `now`. */
export function ticketFor(documentId: string, userId: string, now: Date, overrides: Partial<Ticket> = {}): Ticket {
  return {
    digest: `ticket-digest-${documentId}-${userId}`,
    documentId,
    userId,
    name: 'Ada',
    role: 'editor',
    grantKind: 'user',
    grantId: userId,
    expiresAt: later(now, 60_000),
    ...overrides,
  };
}
