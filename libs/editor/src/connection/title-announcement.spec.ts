import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { applyAwarenessUpdate, Awareness, encodeAwarenessUpdate, removeAwarenessStates } from 'y-protocols/awareness';
import * as Y from 'yjs';
import { TITLE_CHANGED_AT } from '@quire/constants';
import { onTitleAnnounced, readTitleChangedAt, TitleAnnouncements } from './title-announcement';

const user = { id: 'ada', name: 'Ada', color: '#1d5fbf' };

/** Sends `from`'s local state to `to`, as the server relays it. */
function relay(from: Awareness, to: Awareness): void {
  applyAwarenessUpdate(to, encodeAwarenessUpdate(from, [from.clientID]), 'server');
}

/** The server announcing a rename to `to`, as it does: a state of a new client id, without `user`. */
function announceRename(to: Awareness): Awareness {
  const server = new Awareness(new Y.Doc());
  server.setLocalState({ [TITLE_CHANGED_AT]: Date.now() });
  relay(server, to);
  return server;
}

describe('title announcements', () => {
  it('ignore malformed announcements from other browsers', () => {
    expect(readTitleChangedAt({ user, [TITLE_CHANGED_AT]: '5000' })).toBeNull();
    expect(readTitleChangedAt({ user, [TITLE_CHANGED_AT]: Number.NaN })).toBeNull();
    expect(readTitleChangedAt({ user })).toBeNull();
    expect(readTitleChangedAt(null)).toBeNull();
  });

  it('count each announcement of another client once, and never this page’s own', () => {
    const announcements = new TitleAnnouncements(1);
    expect(announcements.note(new Map([[1, { [TITLE_CHANGED_AT]: 10 }]]))).toBe(false);
    expect(announcements.note(new Map([[2, { user }]]))).toBe(false);
    expect(announcements.note(new Map([[2, { user, [TITLE_CHANGED_AT]: 10 }]]))).toBe(true);
    expect(announcements.note(new Map([[2, { user, [TITLE_CHANGED_AT]: 10, cursor: null }]]))).toBe(false);
    // Gone and back (a reconnect) with the same announcement: nothing new.
    expect(announcements.note(new Map())).toBe(false);
    expect(announcements.note(new Map([[2, { user, [TITLE_CHANGED_AT]: 10 }]]))).toBe(false);
    expect(announcements.note(new Map([[2, { user, [TITLE_CHANGED_AT]: 11 }]]))).toBe(true);
    expect(announcements.note(new Map([[3, { user, [TITLE_CHANGED_AT]: 11 }]]))).toBe(true);
  });

  describe('onTitleAnnounced', () => {
    let ada: Awareness;
    let grace: Awareness;
    let heard: number;
    let stop: () => void;

    beforeEach(() => {
      vi.useFakeTimers();
      ada = new Awareness(new Y.Doc());
      grace = new Awareness(new Y.Doc());
      ada.setLocalStateField('user', user);
      heard = 0;
      stop = onTitleAnnounced(grace, () => heard++);
    });

    afterEach(() => {
      stop();
      ada.destroy();
      grace.destroy();
      vi.useRealTimers();
    });

    it('tells when the server announces a rename, not when participants only move', () => {
      relay(ada, grace);
      expect(heard).toBe(0);
      announceRename(grace).destroy();
      expect(heard).toBe(1);
      ada.setLocalStateField('cursor', { anchor: 1, head: 1 });
      relay(ada, grace);
      expect(heard).toBe(1);
    });

    it('counts an announcement once, even when it comes again after a reconnect', () => {
      const server = announceRename(grace);
      expect(heard).toBe(1);
      removeAwarenessStates(grace, [server.clientID], 'connection closed');
      server.setLocalState({ ...server.getLocalState() });
      relay(server, grace);
      expect(grace.getStates().has(server.clientID)).toBe(true);
      vi.advanceTimersByTime(5000);
      expect(heard).toBe(1);
      server.destroy();
    });

    it('answers announcements that come faster than the interval together, at its end', () => {
      announceRename(grace).destroy();
      expect(heard).toBe(1);
      for (let i = 0; i < 50; i++) announceRename(grace).destroy();
      expect(heard).toBe(1);
      vi.advanceTimersByTime(999);
      expect(heard).toBe(1);
      vi.advanceTimersByTime(1);
      expect(heard).toBe(2);
      vi.advanceTimersByTime(5000);
      expect(heard).toBe(2);
    });

    it('stops listening when unsubscribed, a pending answer included', () => {
      announceRename(grace).destroy();
      announceRename(grace).destroy();
      stop();
      vi.advanceTimersByTime(5000);
      announceRename(grace).destroy();
      expect(heard).toBe(1);
    });
  });
});
