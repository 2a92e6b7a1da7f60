import { isGuestId } from '@quire/constants';
import type { Awareness } from 'y-protocols/awareness';
import { colorForUserId, isHexColor } from '../identity/palette';
import { cleanDisplayName } from '../identity/names';

/** The `user` field of an awareness state (docs/architecture.md: `{ user: { id, name, color }, cursor }`). */
export interface AwarenessUser {
  id: string;
  name: string;
  color: string;
}

/** One person in the presence bar. */
export interface Participant extends AwarenessUser {
  /** The awareness client id of one of their connections (tabs). */
  clientId: number;
  isSelf: boolean;
  /** No account: on a viewer link under a name of their choosing, which may be anyone's. */
  isGuest: boolean;
}

const FALLBACK_NAME = 'Anonymous';

/**
 * The `user` of an awareness state, made safe to show: awareness comes from other browsers, so
 * anything malformed is replaced (a missing name by "Anonymous", a bad color by one from the id).
 * Null when there is no user object at all.
 */
export function readAwarenessUser(state: unknown, clientId: number): AwarenessUser | null {
  if (!state || typeof state !== 'object') return null;
  const user = (state as { user?: unknown }).user;
  if (!user || typeof user !== 'object') return null;
  const { id, name, color } = user as Record<string, unknown>;
  const safeId = typeof id === 'string' && id.length > 0 && id.length <= 128 ? id : `client-${clientId}`;
  return {
    id: safeId,
    name: cleanDisplayName(name) ?? FALLBACK_NAME,
    color: isHexColor(color) ? color : colorForUserId(safeId),
  };
}

/**
 * How a person is named to others: "Ada", or "Ada (guest)" for someone without an account, so a
 * guest who types a member's name is not taken for that member. The id says who is a guest; the
 * server makes guests' ids and checks that awareness carries the connection's own.
 */
export function presenceLabel(user: Pick<AwarenessUser, 'id' | 'name'>): string {
  return isGuestId(user.id) ? `${user.name} (guest)` : user.name;
}

/**
 * Everyone present, once each even with several tabs open: this person first, then the others by
 * name.
 */
export function readParticipants(awareness: Awareness): Participant[] {
  const self = awareness.clientID;
  const byUser = new Map<string, Participant>();
  awareness.getStates().forEach((state, clientId) => {
    const user = readAwarenessUser(state, clientId);
    if (!user) return;
    const isSelf = clientId === self;
    const known = byUser.get(user.id);
    if (known && (known.isSelf || !isSelf)) return;
    byUser.set(user.id, { ...user, clientId, isSelf: isSelf || Boolean(known?.isSelf), isGuest: isGuestId(user.id) });
  });
  return [...byUser.values()].sort((a, b) =>
    a.isSelf !== b.isSelf ? (a.isSelf ? -1 : 1) : a.name.localeCompare(b.name) || a.clientId - b.clientId,
  );
}

/**
 * Whether two readings of `readParticipants` show the same people: awareness changes with every
 * cursor move, which changes nobody in the list, and a page re-renders its list only when this is false.
 */
export function sameParticipants(a: readonly Participant[], b: readonly Participant[]): boolean {
  return (
    a.length === b.length &&
    a.every((person, i) => {
      const other = b[i] as Participant;
      return (
        person.id === other.id &&
        person.name === other.name &&
        person.color === other.color &&
        person.clientId === other.clientId &&
        person.isSelf === other.isSelf &&
        person.isGuest === other.isGuest
      );
    })
  );
}
