import { afterEach, describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import { HubFixture } from './testing/hub-fixture';
import { settle } from './testing/test-client';

let fixture: HubFixture;
afterEach(async () => {
  vi.useRealTimers();
  await fixture.cleanup();
});

async function twoClients() {
  fixture = new HubFixture();
  const a = fixture.client();
  const b = fixture.client();
  await settle();
  return { f: fixture, a, b };
}

describe('DocumentHub durability: nothing reaches a client before it is stored', () => {
  it('relays an update only after its append resolves', async () => {
    const { f, a, b } = await twoClients();
    f.store.holdAppends();
    a.text.insert(0, 'durable');
    await settle();
    expect(f.store.appendCalls).toHaveLength(1);
    expect(b.receivedOf('update')).toHaveLength(0);
    expect(b.text.toString()).toBe('');

    f.store.appendCalls[0].gate.resolve();
    await settle();
    expect(b.receivedOf('update')).toHaveLength(1);
    expect(b.text.toString()).toBe('durable');
  });

  it('holds a sync step 2 reply until the writes queued before it commit', async () => {
    const { f, a } = await twoClients();
    f.store.holdAppends();
    a.text.insert(0, 'not yet stored');
    await settle();
    const late = f.client();
    await settle();
    expect(late.receivedOf('sync-step-1')).toHaveLength(1);
    expect(late.receivedOf('sync-step-2')).toHaveLength(0);
    expect(late.text.toString()).toBe('');

    f.store.appendCalls[0].gate.resolve();
    await settle();
    expect(late.receivedOf('sync-step-2')).toHaveLength(1);
    expect(late.text.toString()).toBe('not yet stored');
  });

  it('commits updates that arrive during an append together, in the next append', async () => {
    const { f, a, b } = await twoClients();
    f.store.holdAppends();
    a.text.insert(0, '1');
    await settle();
    a.text.insert(1, '2');
    await settle();
    b.text.insert(0, '3');
    await settle();
    a.text.insert(0, '4');
    await settle();
    expect(f.store.appendCalls).toHaveLength(1);
    expect(f.store.appendCalls[0].updates).toHaveLength(1);

    f.store.appendCalls[0].gate.resolve();
    await settle();
    expect(f.store.appendCalls).toHaveLength(2);
    expect(f.store.appendCalls[1].updates).toHaveLength(3);
    // The second batch is still in flight: only the first one reached b.
    expect([...b.text.toString()].sort().join('')).toBe('13');

    f.store.appendCalls[1].gate.resolve();
    await settle();
    expect(f.store.appendCalls).toHaveLength(2);
    expect(a.text.toString()).toBe(b.text.toString());
    expect(f.storedText()).toBe(a.text.toString());
  });

  it('retries a failed append with backoff, then relays, losing and reordering nothing', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const { f, a, b } = await twoClients();
    f.store.failAppends = 2;
    a.text.insert(0, 'x');
    await settle();
    expect(f.store.appendCalls).toHaveLength(1);
    expect(f.logger.at('error')).toHaveLength(1);
    expect(f.logger.at('error')[0].fields).toMatchObject({ documentId: 'doc-1', attempt: 1 });

    a.text.insert(1, 'y');
    await settle();
    await vi.advanceTimersByTimeAsync(99);
    expect(f.store.appendCalls).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(f.store.appendCalls).toHaveLength(2);
    await settle();
    expect(b.text.toString()).toBe('');

    await vi.advanceTimersByTimeAsync(200);
    await settle();
    expect(f.store.appendCalls).toHaveLength(4);
    expect(f.store.appendCalls[2].updates).toEqual(f.store.appendCalls[0].updates);
    expect(f.store.appendCalls[3].updates).toHaveLength(1);
    expect(f.store.stored('doc-1')).toHaveLength(2);
    expect(f.storedText()).toBe('xy');
    expect(b.text.toString()).toBe('xy');
  });

  it('flush() resolves once everything received so far is stored and relayed', async () => {
    const { f, a, b } = await twoClients();
    f.store.holdAppends();
    a.text.insert(0, 'flushed');
    await settle();
    let flushed = false;
    const flushing = f.hub.flush().then(() => (flushed = true));
    await settle();
    expect(flushed).toBe(false);
    f.store.appendCalls[0].gate.resolve();
    await flushing;
    expect(f.storedText()).toBe('flushed');
    expect(b.receivedOf('update')).toHaveLength(1);
  });

  it('passes the title of the first block with text to each append', async () => {
    const { f, a } = await twoClients();
    const fragment = a.doc.getXmlFragment('prosemirror');
    const empty = new Y.XmlElement('paragraph');
    const heading = new Y.XmlElement('heading');
    const text = new Y.XmlText();
    a.doc.transact(() => {
      fragment.insert(0, [empty, heading]);
      heading.insert(0, [text]);
      text.insert(0, '  Minutes of the meeting  ');
    });
    await settle();
    // With whose update it is, and, the first time, the Yjs client id that wrote it (libs/storage README, "Versions").
    expect(f.store.appendCalls.at(-1)?.options).toEqual({
      title: 'Minutes of the meeting',
      authors: [a.connectionId],
      clients: [{ clientId: a.doc.clientID, userId: a.connectionId }],
    });
    expect(f.storedXml()).toContain('Minutes of the meeting');
  });
});
