import { TEST_DOCUMENT } from './testing/hub-fixture';
import { decodeAwarenessUpdate } from '@quire/protocol';
import { afterEach, describe, expect, it } from 'vitest';
import { HubFixture } from './testing/hub-fixture';
import { settle, writerAccess } from './testing/test-client';

let f: HubFixture;
afterEach(() => f.cleanup());

const alice = { user: { id: 'u1', name: 'Alice', color: '#aa0000' }, cursor: null };

describe('DocumentHub awareness', () => {
  it('relays a new awareness state to the others, not back to its sender', async () => {
    f = new HubFixture();
    const a = f.client(TEST_DOCUMENT, writerAccess('u1', 'Alice'));
    const b = f.client();
    await settle();
    a.awareness.setLocalState(alice);
    await settle();
    expect(b.awareness.getStates().get(a.doc.clientID)).toEqual(alice);
    expect(a.receivedOf('awareness')).toHaveLength(0);
  });

  it('removes the states of a connection that leaves and tells the others', async () => {
    f = new HubFixture();
    const a = f.client(TEST_DOCUMENT, writerAccess('u1', 'Alice'));
    const b = f.client();
    await settle();
    a.awareness.setLocalState(alice);
    await settle();
    a.disconnect();
    await settle();
    expect(b.awareness.getStates().has(a.doc.clientID)).toBe(false);
    const last = b.receivedOf('awareness').at(-1);
    expect(last && decodeAwarenessUpdate(last.update)).toEqual([
      { clientId: a.doc.clientID, clock: expect.any(Number), state: null },
    ]);
  });

  it('treats a socket error like a close', async () => {
    f = new HubFixture();
    const a = f.client(TEST_DOCUMENT, writerAccess('u1', 'Alice'));
    const b = f.client();
    await settle();
    a.awareness.setLocalState(alice);
    await settle();
    a.socket.fail(new Error('ECONNRESET'));
    await settle();
    expect(b.awareness.getStates().has(a.doc.clientID)).toBe(false);
    expect(f.hub.stats.connections).toBe(1);
    expect(f.logger.at('warn')[0].fields).toMatchObject({ connectionId: a.connectionId, documentId: 'doc-1' });
  });

  it('sends every known state to a connection when it joins, and on query-awareness', async () => {
    f = new HubFixture();
    const a = f.client(TEST_DOCUMENT, writerAccess('u1', 'Alice'));
    await settle();
    a.awareness.setLocalState(alice);
    await settle();
    const late = f.client();
    await settle();
    expect(late.receivedOf('awareness')).toHaveLength(1);
    expect(late.awareness.getStates().get(a.doc.clientID)).toEqual(alice);

    late.queryAwareness();
    await settle();
    const answers = late.receivedOf('awareness');
    expect(answers).toHaveLength(2);
    expect(decodeAwarenessUpdate(answers[1].update)).toEqual([{ clientId: a.doc.clientID, clock: expect.any(Number), state: alice }]);
  });

  it('sends no awareness on join when nobody has a state, but answers a query with an empty list', async () => {
    f = new HubFixture();
    const a = f.client();
    await settle();
    expect(a.receivedOf('awareness')).toHaveLength(0);
    a.queryAwareness();
    await settle();
    expect(a.receivedOf('awareness').map((m) => decodeAwarenessUpdate(m.update))).toEqual([[]]);
  });
});
