import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { eventually, HubFixture, settle, TEST_DOCUMENT, type TestClient } from './testing';

/** The update that makes a text read `target`, computed on a copy with a client id of its own, as a restore is. */
function replaceText(target: string) {
  return (doc: Y.Doc): Uint8Array | undefined => {
    const copy = new Y.Doc();
    Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
    const updates: Uint8Array[] = [];
    copy.on('update', (update: Uint8Array) => updates.push(update));
    const text = copy.getText('text');
    if (text.toString() !== target) {
      copy.transact(() => {
        text.delete(0, text.length);
        text.insert(0, target);
      });
    }
    return updates[0];
  };
}

describe('DocumentHub.applyServerChange', () => {
  let f: HubFixture;
  let a: TestClient;
  let b: TestClient;

  beforeEach(async () => {
    f = new HubFixture();
    a = f.client();
    b = f.client();
    await settle();
    a.text.insert(0, 'current');
    await eventually(() => b.text.toString() === 'current', 'b has the current text');
  });

  afterEach(() => f.cleanup());

  it('stores the change in an append of its own before any socket sees it, then relays it to everyone and resolves', async () => {
    f.store.holdAppends();
    let resolved = false;
    const applying = f.hub.applyServerChange(TEST_DOCUMENT, 'user-ada', replaceText('restored')).then((change) => {
      resolved = true;
      return change;
    });
    await settle();

    const call = f.store.appendCalls.at(-1)!;
    expect(call.updates).toHaveLength(1);
    expect(call.options).toMatchObject({ authors: ['user-ada'], clients: [{ userId: 'user-ada' }] });
    expect(a.text.toString()).toBe('current');
    expect(b.text.toString()).toBe('current');
    expect(resolved).toBe(false);

    f.store.releaseAppends();
    call.gate.resolve();
    const change = await applying;

    // Handed to both sockets before the promise resolved, the asker's own client included.
    expect(a.text.toString()).toBe('restored');
    expect(b.text.toString()).toBe('restored');
    expect(change.seq).toBe(f.store.stored(TEST_DOCUMENT).length);
    const before = new Y.Doc();
    Y.applyUpdate(before, change.before);
    const after = new Y.Doc();
    Y.applyUpdate(after, change.after);
    expect([before.getText('text').toString(), after.getText('text').toString()]).toEqual(['current', 'restored']);
    expect(f.storedText()).toBe('restored');
  });

  it('changes nothing and stores nothing when the content is as asked already', async () => {
    const appends = f.store.appendCalls.length;
    const change = await f.hub.applyServerChange(TEST_DOCUMENT, 'user-ada', replaceText('current'));
    expect(change.seq).toBeUndefined();
    expect(change.after).toEqual(change.before);
    expect(f.store.appendCalls).toHaveLength(appends);
  });

  it('loads a document nobody has open here, and lets it unload afterwards', async () => {
    f.store.ensureDocument('closed');
    const change = await f.hub.applyServerChange('closed', 'user-ada', replaceText('written while closed'));
    expect(change.seq).toBe(1);
    expect(f.storedText('closed')).toBe('written while closed');
    expect(f.hub.stats.documentsLoaded).toBe(2);
  });

  it('merges with a keystroke made concurrently: later edits apply on top of it', async () => {
    // B types before it has received the change: its keystroke is concurrent with it.
    f.store.holdAppends();
    const applying = f.hub.applyServerChange(TEST_DOCUMENT, 'user-ada', replaceText('restored'));
    await settle();
    b.text.insert(b.text.length, '!');
    await settle();
    f.store.releaseAppends();
    for (const call of f.store.appendCalls) call.gate.resolve();
    await applying;
    await eventually(() => a.text.toString() === b.text.toString() && f.storedText() === a.text.toString(), 'everyone converges');
    // The keystroke followed text the change deleted; Yjs keeps it beside what the change inserted,
    // on the side its client id decides (ids are random), so either order is a faithful merge.
    expect(['restored!', '!restored']).toContain(a.text.toString());
  });

  it('applyServerUpdate: the same write path without the states before and after, resolving with the seq', async () => {
    f.store.holdAppends();
    let seq: number | undefined;
    const applying = f.hub.applyServerUpdate(TEST_DOCUMENT, 'user-ada', replaceText('anchored')).then((stored) => {
      seq = stored;
    });
    await settle();
    const call = f.store.appendCalls.at(-1)!;
    expect(call.options).toMatchObject({ authors: ['user-ada'] });
    expect(b.text.toString()).toBe('current');
    f.store.releaseAppends();
    call.gate.resolve();
    await applying;
    expect(seq).toEqual(expect.any(Number));
    expect([a.text.toString(), b.text.toString()]).toEqual(['anchored', 'anchored']);
    expect(await f.hub.applyServerUpdate(TEST_DOCUMENT, 'user-ada', () => undefined)).toBeUndefined();
  });
});
