import { TITLE_CHANGED_AT } from '@quire/constants';
import type { Awareness } from 'y-protocols/awareness';

// How a page learns that the document was renamed: the server, on every rename, puts an awareness
// state `{ titleChangedAt }` (no `user`, under its instance's own client id) before everyone with
// the document open, at every instance. The page then reads the title from the API, the truth:
// the announcement is only a prompt.

/** Fewest milliseconds between two reads of the title, whatever the awareness states say. */
export const MIN_TITLE_REFRESH_INTERVAL_MS = 1000;

/** The announcement in one awareness state, or null when there is none (or it is malformed). */
export function readTitleChangedAt(state: unknown): number | null {
  if (!state || typeof state !== 'object') return null;
  const value = (state as Record<string, unknown>)[TITLE_CHANGED_AT];
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

/**
 * The announcements this page has already acted on, by awareness client id. Kept after a client
 * leaves: every state comes back whole after a reconnect, and an announcement counts only once.
 */
export class TitleAnnouncements {
  private readonly seen = new Map<number, number>();

  /** `self` is this page's own awareness client id: what it says itself is no news to it. */
  constructor(private readonly self: number) {}

  /** Notes the announcements in `states`; true when another client's is new to this page. */
  note(states: ReadonlyMap<number, unknown>): boolean {
    let fresh = false;
    states.forEach((state, clientId) => {
      if (clientId === this.self) return;
      const at = readTitleChangedAt(state);
      if (at === null || this.seen.get(clientId) === at) return;
      this.seen.set(clientId, at);
      fresh = true;
    });
    return fresh;
  }
}

/**
 * Calls `listener` when a rename is announced (one already there counts too), at
 * most once per `minIntervalMs`: announcements that come faster are answered together, at the end
 * of the interval, so that no page can make every other one flood the API. Returns the unsubscribe.
 */
export function onTitleAnnounced(awareness: Awareness, listener: () => void, minIntervalMs = MIN_TITLE_REFRESH_INTERVAL_MS): () => void {
  const announcements = new TitleAnnouncements(awareness.clientID);
  let lastCall = -Infinity;
  let pending: ReturnType<typeof setTimeout> | undefined;

  const call = () => {
    pending = undefined;
    lastCall = Date.now();
    listener();
  };
  const check = () => {
    if (!announcements.note(awareness.getStates()) || pending !== undefined) return;
    const wait = lastCall + minIntervalMs - Date.now();
    if (wait <= 0) call();
    else pending = setTimeout(call, wait);
  };

  check();
  awareness.on('change', check);
  return () => {
    awareness.off('change', check);
    clearTimeout(pending);
  };
}
