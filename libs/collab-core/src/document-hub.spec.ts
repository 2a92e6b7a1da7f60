import { encodeSyncStep1, encodeUpdate } from '@quire/protocol';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { HubFixture } from './testing/hub-fixture';
import { settle } from './testing/test-client';
import { ReadyState } from './websocket-like';

let fixture: HubFixture;
afterEach(() => fixture.cleanup());

function setup(): HubFixture {
  fixture = new HubFixture();
  return fixture;
}

describe('DocumentHub sync', () => {
  it('sends sync step 1 on connection and answers the client step 1 with step 2', async () => {
    const f = setup();
    const a = f.client();
    await settle();
    expect(a.received[0].type).toBe('sync-step-1');
    expect(a.receivedOf('sync-step-2')).toHaveLength(1);
    expect(f.hub.stats).toEqual({ documentsLoaded: 1, connections: 1 });
  });

  it('makes two clients converge on concurrent edits', async () => {
    const f = setup();
    const a = f.client();
    const b = f.client();
    await settle();
    a.text.insert(0, 'hello ');
    b.text.insert(0, 'world ');
    a.text.insert(0, '1');
    b.text.insert(0, '2');
    await settle();
    expect(a.text.toString()).toBe(b.text.toString());
    expect(a.text.toString()).toHaveLength(14);
    expect(f.storedText()).toBe(a.text.toString());
  });

  it('gives a late joiner the full document through step 1 and step 2', async () => {
    const f = setup();
    const a = f.client();
    await settle();
    a.text.insert(0, 'written before you came');
    await settle();
    const late = f.client();
    await settle();
    expect(late.text.toString()).toBe('written before you came');
    expect(late.receivedOf('update')).toHaveLength(0);
  });

  it('sends each relayed update encoded once, the same bytes to every other connection', async () => {
    const f = setup();
    const a = f.client();
    const b = f.client();
    const c = f.client();
    await settle();
    const sentToA = a.socket.sent.length;
    a.text.insert(0, 'x');
    await settle();
    expect(a.socket.sent.length).toBe(sentToA);
    expect(b.socket.sent.at(-1)).toBe(c.socket.sent.at(-1));
    expect(b.text.toString()).toBe('x');
  });

  it('stores only what changed the server doc, so a re-sent update is neither stored nor relayed', async () => {
    const f = setup();
    const a = f.client();
    const b = f.client();
    await settle();
    a.text.insert(0, 'abc');
    await settle();
    const updatesToB = b.receivedOf('update').length;
    a.send(encodeUpdate(Y.encodeStateAsUpdate(a.doc)));
    await settle();
    expect(f.store.appendCalls).toHaveLength(1);
    expect(b.receivedOf('update')).toHaveLength(updatesToB);
  });

  it('skips connections whose socket is no longer open', async () => {
    const f = setup();
    const a = f.client();
    const b = f.client();
    await settle();
    const sentToB = b.socket.sent.length;
    b.socket.readyState = ReadyState.Closing;
    a.text.insert(0, 'x');
    await settle();
    expect(b.socket.sent.length).toBe(sentToB);
    expect(f.storedText()).toBe('x');
    expect(a.socket.isClosed).toBe(false);
  });

  it('answers a step 1 at once when nothing waits to be stored', async () => {
    const f = setup();
    const a = f.client();
    await settle();
    f.store.holdAppends();
    const before = a.socket.sent.length;
    a.socket.deliver(encodeSyncStep1(Y.encodeStateVector(a.doc)));
    expect(a.socket.sent.length).toBe(before + 1);
    await settle();
    expect(a.receivedOf('sync-step-2')).toHaveLength(2);
  });

  it('keeps documents apart', async () => {
    const f = setup();
    const a = f.client('one');
    const b = f.client('two');
    await settle();
    a.text.insert(0, 'only in one');
    await settle();
    expect(b.text.toString()).toBe('');
    expect(f.storedText('one')).toBe('only in one');
    expect(f.store.stored('two')).toHaveLength(0);
    expect(f.hub.stats).toEqual({ documentsLoaded: 2, connections: 2 });
  });
});
