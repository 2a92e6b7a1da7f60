import { TEST_DOCUMENT } from './testing/hub-fixture';
import { writerAccess } from './testing/test-client';
import { encodeAwareness, encodeAwarenessUpdate, encodeUpdate } from '@quire/protocol';
import * as Y from 'yjs';
import { afterEach, describe, expect, it } from 'vitest';
import { HubFixture } from './testing/hub-fixture';
import { settle } from './testing/test-client';

let f: HubFixture;
afterEach(() => f.cleanup());

/** An update typing `text` into the shared text of a fresh client. */
function typed(text: string): Uint8Array {
  const doc = new Y.Doc();
  doc.getText('text').insert(0, text);
  return Y.encodeStateAsUpdate(doc);
}

const alice = { id: 'u1', name: 'Alice' };

describe('DocumentHub outbox', () => {
  it("merges what one turn relays into one update frame per connection, never echoing a sender's own", async () => {
    f = new HubFixture();
    const a = f.client();
    const b = f.client();
    const reader = f.client();
    await settle();
    const before = reader.receivedOf('update').length;
    // Both arrive in the same turn, so they are stored in one append and relayed together.
    a.send(encodeUpdate(typed('from a ')));
    b.send(encodeUpdate(typed('from b ')));
    await settle();
    const readerFrames = reader.receivedOf('update').slice(before);
    expect(readerFrames).toHaveLength(1);
    expect(reader.text.toString()).toContain('from a');
    expect(reader.text.toString()).toContain('from b');
    // Each writer gets the other's update only.
    const aFrames = a.receivedOf('update');
    expect(aFrames).toHaveLength(1);
    const onlyB = new Y.Doc();
    Y.applyUpdate(onlyB, aFrames[0].update);
    expect(onlyB.getText('text').toString()).toBe('from b ');
  });

  it("merges a turn's awareness changes into one message and skips the connection that made them all", async () => {
    f = new HubFixture();
    const a = f.client(TEST_DOCUMENT, writerAccess('u1', 'Alice'));
    const reader = f.client();
    await settle();
    const before = reader.receivedOf('awareness').length;
    a.send(encodeAwareness(encodeAwarenessUpdate([{ clientId: 101, clock: 1, state: { user: alice, cursor: 1 } }])));
    a.send(encodeAwareness(encodeAwarenessUpdate([{ clientId: 101, clock: 2, state: { user: alice, cursor: 2 } }])));
    a.send(encodeAwareness(encodeAwarenessUpdate([{ clientId: 102, clock: 1, state: { user: alice, cursor: 3 } }])));
    await settle();
    expect(reader.receivedOf('awareness').slice(before)).toHaveLength(1);
    expect(reader.awareness.getStates().get(101)).toEqual({ user: alice, cursor: 2 });
    expect(reader.awareness.getStates().get(102)).toEqual({ user: alice, cursor: 3 });
    expect(a.receivedOf('awareness')).toHaveLength(0);
  });
});

describe('DocumentHub joiners', () => {
  it('gives joiners that have nothing the current document, after every change', async () => {
    f = new HubFixture();
    const writer = f.client();
    await settle();
    writer.text.insert(0, 'one');
    await settle();
    const first = f.client();
    const second = f.client();
    await settle();
    expect(first.text.toString()).toBe('one');
    expect(second.text.toString()).toBe('one');
    writer.text.insert(3, ' two');
    await settle();
    const third = f.client();
    await settle();
    expect(third.text.toString()).toBe('one two');
  });
});
