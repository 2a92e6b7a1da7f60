import { TITLE_CHANGED_AT } from '@quire/constants';
import { decodeAwarenessUpdate, encodeAwareness, encodeAwarenessUpdate } from '@quire/protocol';
import { afterEach, describe, expect, it } from 'vitest';
import { MAX_AWARENESS_STATE_CHARS, READ_ONLY_REASON, type ConnectionAccess } from './access';
import { HubFixture } from './testing/hub-fixture';
import { settle } from './testing/test-client';

let f: HubFixture;
afterEach(() => f.cleanup());

const editor = (): ConnectionAccess => ({ user: { id: 'u-alice', name: 'Alice' }, readOnly: false });
const viewer = (): ConnectionAccess => ({ user: { id: 'u-victor', name: 'Victor' }, readOnly: true });

describe('DocumentHub access', () => {
  it("drops a viewer's updates: not applied, stored nor relayed, and tells the viewer once", async () => {
    f = new HubFixture();
    const writer = f.client(undefined, editor());
    const watcher = f.client(undefined, viewer());
    const other = f.client(undefined, editor());
    await settle();
    writer.text.insert(0, 'shared');
    await settle();
    expect(watcher.text.toString()).toBe('shared');
    // Its step 2 answer to the server's step 1 is no attempt to edit: nothing to tell yet.
    expect(watcher.receivedOf('auth-denied')).toHaveLength(0);

    watcher.text.insert(0, 'vandal ');
    watcher.text.insert(0, 'again ');
    await settle();
    expect(other.text.toString()).toBe('shared');
    expect(f.storedText()).toBe('shared');
    const denials = watcher.receivedOf('auth-denied');
    expect(denials).toHaveLength(1);
    expect(denials[0].reason).toBe(READ_ONLY_REASON);
    // Still connected: a viewer keeps receiving.
    writer.text.insert(6, '!');
    await settle();
    expect(watcher.text.toString()).toContain('shared!');
  });

  it('lets a read-only connection write once it is made an editor', async () => {
    f = new HubFixture();
    const access = viewer();
    const promoted = f.client(undefined, access);
    const other = f.client(undefined, editor());
    await settle();
    access.readOnly = false;
    promoted.text.insert(0, 'now I edit');
    await settle();
    expect(other.text.toString()).toBe('now I edit');
    expect(f.storedText()).toBe('now I edit');
  });

  it("relays an awareness state that carries the connection's own user", async () => {
    f = new HubFixture();
    const alice = f.client(undefined, editor());
    const bob = f.client(undefined, editor());
    await settle();
    alice.awareness.setLocalState({ user: { id: 'u-alice', name: 'Alice', color: '#aa0000' } });
    await settle();
    expect(bob.awareness.getStates().get(alice.doc.clientID)).toMatchObject({ user: { name: 'Alice' } });
  });

  it.each([
    ['another user id', { user: { id: 'u-bob', name: 'Alice' } }],
    ['another name', { user: { id: 'u-alice', name: 'Bob' } }],
    ['no user', { cursor: null }],
    ["the server's rename announcement", { user: { id: 'u-alice', name: 'Alice' }, [TITLE_CHANGED_AT]: Date.now() }],
    ['an oversized state', { user: { id: 'u-alice', name: 'Alice' }, junk: 'x'.repeat(MAX_AWARENESS_STATE_CHARS) }],
  ])('drops an awareness state with %s', async (_label, state) => {
    f = new HubFixture();
    const alice = f.client(undefined, editor());
    const bob = f.client(undefined, editor());
    await settle();
    alice.awareness.setLocalState(state);
    await settle();
    expect(bob.awareness.getStates().has(alice.doc.clientID)).toBe(false);
    expect(bob.receivedOf('awareness')).toHaveLength(0);
  });

  it('refuses a state for a client id another connection introduced, keeping the rest of the update', async () => {
    f = new HubFixture();
    const alice = f.client(undefined, editor());
    const mallory = f.client(undefined, { user: { id: 'u-mallory', name: 'Mallory' }, readOnly: false });
    const bob = f.client(undefined, editor());
    await settle();
    alice.awareness.setLocalState({ user: { id: 'u-alice', name: 'Alice' } });
    await settle();
    // Mallory replays Alice's client id with her own user and a newer clock, plus a state of her own.
    mallory.awareness.setLocalState({ user: { id: 'u-mallory', name: 'Mallory' } });
    await settle();
    const before = bob.receivedOf('awareness').length;
    const hijack = { user: { id: 'u-mallory', name: 'Mallory' } };
    mallory.send(
      encodeAwareness(
        encodeAwarenessUpdate([
          { clientId: alice.doc.clientID, clock: 99, state: hijack },
          { clientId: mallory.doc.clientID, clock: 99, state: { user: { id: 'u-mallory', name: 'Mallory' }, cursor: 1 } },
        ]),
      ),
    );
    await settle();
    expect(bob.awareness.getStates().get(alice.doc.clientID)).toMatchObject({ user: { name: 'Alice' } });
    const relayed = bob.receivedOf('awareness').slice(before).flatMap((message) => decodeAwarenessUpdate(message.update));
    expect(relayed.map((entry) => entry.clientId)).toEqual([mallory.doc.clientID]);
  });
});
