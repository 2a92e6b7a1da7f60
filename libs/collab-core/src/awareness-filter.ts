import { TITLE_CHANGED_AT } from '@quire/constants';
import type { AwarenessEntry } from '@quire/protocol';
import { MAX_AWARENESS_STATE_CHARS, type ConnectionUser } from './access';

/** Why an awareness entry was dropped. */
export type AwarenessDropReason = 'foreign-client' | 'forged-user' | 'forged-announcement' | 'state-too-large';

/**
 * Keeps the awareness entries a connection may publish: states for client ids that no other
 * connection introduced, each either a removal (null) or carrying exactly the connection's own
 * user id and name and none of the server's own fields (a rename announcement), and each under
 * {@link MAX_AWARENESS_STATE_CHARS}. Anything else would let a collaborator pose as someone else,
 * take over another's cursor, or make every page read the title again at will.
 */
export function filterAwarenessEntries(
  entries: readonly AwarenessEntry[],
  user: ConnectionUser,
  ownerOf: (clientId: number) => unknown,
  self: unknown,
): { kept: AwarenessEntry[]; dropped: AwarenessDropReason[] } {
  const kept: AwarenessEntry[] = [];
  const dropped: AwarenessDropReason[] = [];
  for (const entry of entries) {
    const owner = ownerOf(entry.clientId);
    if (owner !== undefined && owner !== self) dropped.push('foreign-client');
    else if (entry.state === null) kept.push(entry);
    else if (JSON.stringify(entry.state).length > MAX_AWARENESS_STATE_CHARS) dropped.push('state-too-large');
    else if (!carriesUser(entry.state, user)) dropped.push('forged-user');
    else if (TITLE_CHANGED_AT in (entry.state as object)) dropped.push('forged-announcement');
    else kept.push(entry);
  }
  return { kept, dropped };
}

function carriesUser(state: unknown, user: ConnectionUser): boolean {
  if (typeof state !== 'object' || state === null) return false;
  const claimed = (state as { user?: unknown }).user;
  if (typeof claimed !== 'object' || claimed === null) return false;
  const { id, name } = claimed as { id?: unknown; name?: unknown };
  return id === user.id && name === user.name;
}
