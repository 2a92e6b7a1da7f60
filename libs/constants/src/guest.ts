/**
 * The start of every guest's user id. Guests (people on a viewer link, without an account) get
 * their id from the server, and the server checks that a connection's awareness carries its own
 * id, so a guest cannot drop the prefix; account ids are UUIDs and never carry it.
 */
export const GUEST_ID_PREFIX = 'guest-';

/** True when `id` is a guest's (no account): pages show such people as guests. */
export function isGuestId(id: string): boolean {
  return id.startsWith(GUEST_ID_PREFIX);
}
