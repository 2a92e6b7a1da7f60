import { cleanDisplayName } from './names';

/** Who is editing in this browser: a stable random id, and the name they chose (null until then). */
export interface StoredIdentity {
  id: string;
  name: string | null;
}

/** The part of `localStorage` the identity uses. */
export type IdentityStorage = Pick<Storage, 'getItem' | 'setItem'>;

/** localStorage key of the identity. */
export const IDENTITY_KEY = 'quire.identity';

const ID_PATTERN = /^[A-Za-z0-9_-]{8,64}$/;

function randomId(): string {
  return globalThis.crypto.randomUUID();
}

function read(storage: IdentityStorage): Partial<StoredIdentity> {
  try {
    const value: unknown = JSON.parse(storage.getItem(IDENTITY_KEY) ?? 'null');
    return value && typeof value === 'object' ? (value as Partial<StoredIdentity>) : {};
  } catch {
    // Unreadable (edited by hand, or from an older format): start again rather than fail the page.
    return {};
  }
}

function write(storage: IdentityStorage, identity: StoredIdentity): void {
  try {
    storage.setItem(IDENTITY_KEY, JSON.stringify(identity));
  } catch {
    // Storage full or disabled (private mode): the identity lasts for this page only.
  }
}

/** The stored identity, creating and storing a new id on first use. */
export function loadIdentity(storage: IdentityStorage, newId: () => string = randomId): StoredIdentity {
  const stored = read(storage);
  const id = typeof stored.id === 'string' && ID_PATTERN.test(stored.id) ? stored.id : newId();
  const identity = { id, name: cleanDisplayName(stored.name) };
  if (identity.id !== stored.id || identity.name !== (stored.name ?? null)) write(storage, identity);
  return identity;
}

/** Stores a newly chosen name; returns the identity with it, or null when the name is empty. */
export function saveName(storage: IdentityStorage, identity: StoredIdentity, name: string): StoredIdentity | null {
  const clean = cleanDisplayName(name);
  if (clean === null) return null;
  const next = { ...identity, name: clean };
  write(storage, next);
  return next;
}
