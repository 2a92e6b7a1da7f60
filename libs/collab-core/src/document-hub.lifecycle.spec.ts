import { CloseCode } from '@quire/constants';
import { MemoryStorage } from '@quire/storage/memory';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DocumentHub } from './document-hub';
import { DEFAULT_HUB_LIMITS } from './limits';
import { deferred } from './testing/controlled-store';
import { FakeSocket } from './testing/fake-socket';
import { HubFixture } from './testing/hub-fixture';
import { TestClient, settle } from './testing/test-client';
import { textUpdate, twoConsecutiveUpdates } from './testing/updates';

let f: HubFixture;
afterEach(async () => {
  vi.useRealTimers();
  await f.cleanup();
});

function fakeTimers(): void {
  // setImmediate stays real so settle() still lets promises and frames run.
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
}

describe('DocumentHub loading', () => {
  it('shares one load between concurrent first connections and handles frames sent meanwhile', async () => {
    f = new HubFixture();
    f.store.logs.set('doc-1', [textUpdate('stored ')]);
    const gate = deferred();
    f.store.loadGate = gate.promise;
    const a = f.client();
    const b = f.client();
    const c = f.client();
    a.text.insert(0, 'typed while loading');
    await settle();
    expect(f.store.loadCalls.get('doc-1')).toBe(1);
    expect(a.socket.sent).toHaveLength(0);
    expect(f.hub.stats).toEqual({ documentsLoaded: 0, connections: 3 });

    gate.resolve();
    await settle();
    expect(f.store.loadCalls.get('doc-1')).toBe(1);
    for (const client of [a, b, c]) expect(client.text.toString()).toContain('stored ');
    expect(b.text.toString()).toBe(a.text.toString());
    expect(c.text.toString()).toBe(a.text.toString());
    expect(f.storedText()).toBe(a.text.toString());
    expect(f.hub.stats).toEqual({ documentsLoaded: 1, connections: 3 });
  });

  it('closes every waiting connection with 1011 when the load fails, keeps nothing, and loads again next time', async () => {
    f = new HubFixture();
    const gate = deferred();
    f.store.loadGate = gate.promise;
    f.store.failLoads = 1;
    const a = f.client();
    const b = f.client();
    a.text.insert(0, 'never applied');
    await settle();
    gate.resolve();
    await settle();
    expect(a.socket.closeCode).toBe(CloseCode.InternalError);
    expect(b.socket.closeCode).toBe(CloseCode.InternalError);
    expect(f.logger.at('error')).toHaveLength(1);
    expect(f.logger.at('error')[0].fields).toMatchObject({ documentId: 'doc-1' });
    expect(f.hub.stats).toEqual({ documentsLoaded: 0, connections: 0 });
    expect(f.store.appendCalls).toHaveLength(0);

    f.store.loadGate = undefined;
    f.store.logs.set('doc-1', [textUpdate('from the store')]);
    const c = f.client();
    await settle();
    expect(f.store.loadCalls.get('doc-1')).toBe(2);
    expect(c.text.toString()).toBe('from the store');
  });

  it('refuses to serve stored updates with a gap, closing with 1011', async () => {
    f = new HubFixture();
    const [, second] = twoConsecutiveUpdates();
    f.store.logs.set('doc-1', [second]);
    const a = f.client();
    await settle();
    expect(a.socket.closeCode).toBe(CloseCode.InternalError);
    expect(f.hub.stats.documentsLoaded).toBe(0);
  });

  it('closes with 1008 a connection that sends too much while the document loads', async () => {
    f = new HubFixture();
    const gate = deferred();
    f.store.loadGate = gate.promise;
    const socket = new FakeSocket();
    const other = f.client();
    f.hub.handleConnection(socket, { documentId: 'doc-1', connectionId: 'greedy' });
    socket.deliver(new Uint8Array(DEFAULT_HUB_LIMITS.maxLoadBufferBytes / 2));
    socket.deliver(new Uint8Array(DEFAULT_HUB_LIMITS.maxLoadBufferBytes / 2));
    expect(socket.closeCode).toBeUndefined();
    socket.deliver(new Uint8Array(1));
    expect(socket.closeCode).toBe(CloseCode.PolicyViolation);
    expect(other.socket.isClosed).toBe(false);
    expect(f.logger.at('warn')[0].fields).toMatchObject({ connectionId: 'greedy', documentId: 'doc-1' });
    gate.resolve();
    await settle();
    expect(other.receivedOf('sync-step-2')).toHaveLength(1);
  });

  it('schedules an unload when every connection left during the load', async () => {
    fakeTimers();
    f = new HubFixture({ unloadDelayMs: 1_000 });
    const gate = deferred();
    f.store.loadGate = gate.promise;
    const a = f.client();
    a.disconnect();
    gate.resolve();
    await settle();
    expect(f.hub.stats).toEqual({ documentsLoaded: 1, connections: 0 });
    await vi.advanceTimersByTimeAsync(1_000);
    expect(f.hub.stats.documentsLoaded).toBe(0);
  });
});

describe('DocumentHub unloading', () => {
  it('unloads a document once it has been idle for unloadDelayMs, and reloads it from the store', async () => {
    fakeTimers();
    f = new HubFixture({ unloadDelayMs: 30_000 });
    const a = f.client();
    await settle();
    a.text.insert(0, 'kept');
    await settle();
    a.disconnect();
    await settle();
    await vi.advanceTimersByTimeAsync(29_999);
    expect(f.hub.stats.documentsLoaded).toBe(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(f.hub.stats).toEqual({ documentsLoaded: 0, connections: 0 });

    const b = f.client();
    await settle();
    expect(f.store.loadCalls.get('doc-1')).toBe(2);
    expect(b.text.toString()).toBe('kept');
  });

  it('keeps the document when someone connects before the timer fires', async () => {
    fakeTimers();
    f = new HubFixture({ unloadDelayMs: 1_000 });
    const a = f.client();
    await settle();
    a.disconnect();
    await vi.advanceTimersByTimeAsync(500);
    const b = f.client();
    await vi.advanceTimersByTimeAsync(5_000);
    await settle();
    expect(f.hub.stats.documentsLoaded).toBe(1);
    expect(f.store.loadCalls.get('doc-1')).toBe(1);
    expect(b.receivedOf('sync-step-2')).toHaveLength(1);
  });

  it('waits for pending writes before unloading, and a connection arriving meanwhile gets the live document', async () => {
    fakeTimers();
    f = new HubFixture({ unloadDelayMs: 1_000 });
    const a = f.client();
    await settle();
    f.store.holdAppends();
    a.text.insert(0, 'in flight');
    await settle();
    a.disconnect();
    await vi.advanceTimersByTimeAsync(1_000);
    // The timer fired, but the write is pending: nothing is destroyed yet.
    expect(f.hub.stats.documentsLoaded).toBe(1);

    const b = f.client();
    await settle();
    f.store.appendCalls[0].gate.resolve();
    await settle();
    expect(f.hub.stats.documentsLoaded).toBe(1);
    expect(f.store.loadCalls.get('doc-1')).toBe(1);
    expect(b.text.toString()).toBe('in flight');

    f.store.releaseAppends();
    b.text.insert(0, 'still served: ');
    await settle();
    expect(f.storedText()).toBe('still served: in flight');
  });

  it('unloads after the pending writes commit when nobody came back', async () => {
    fakeTimers();
    f = new HubFixture({ unloadDelayMs: 1_000 });
    const a = f.client();
    await settle();
    f.store.holdAppends();
    a.text.insert(0, 'last words');
    await settle();
    a.disconnect();
    await vi.advanceTimersByTimeAsync(1_000);
    expect(f.hub.stats.documentsLoaded).toBe(1);
    f.store.appendCalls[0].gate.resolve();
    await settle();
    expect(f.hub.stats.documentsLoaded).toBe(0);
    expect(f.storedText()).toBe('last words');
  });

  it('reloads the content from a MemoryStorage after an unload', async () => {
    f = new HubFixture();
    const storage = new MemoryStorage();
    await storage.open();
    await storage.documents.create('memory-doc');
    const hub = new DocumentHub({ store: storage.log, unloadDelayMs: 5 });
    const a = new TestClient().connect(hub, 'memory-doc');
    await settle();
    a.text.insert(0, 'survives an unload');
    await settle();
    a.disconnect();
    await vi.waitFor(() => expect(hub.stats.documentsLoaded).toBe(0));

    const b = new TestClient().connect(hub, 'memory-doc');
    await vi.waitFor(() => expect(b.text.toString()).toBe('survives an unload'));
    expect((await storage.documents.get('memory-doc'))?.title).toBe('');
    await hub.close();
    a.destroy();
    b.destroy();
  });
});

describe('DocumentHub.close', () => {
  it('refuses new connections with 1001, flushes, closes every socket with 1001 and unloads', async () => {
    f = new HubFixture();
    const a = f.client();
    const b = f.client();
    await settle();
    f.store.holdAppends();
    a.text.insert(0, 'saved on shutdown');
    await settle();

    let closed = false;
    const closing = f.hub.close().then(() => (closed = true));
    const late = f.client();
    await settle();
    expect(late.socket.closeCode).toBe(CloseCode.GoingAway);
    expect(closed).toBe(false);
    expect(a.socket.isClosed).toBe(false);

    f.store.appendCalls[0].gate.resolve();
    await closing;
    expect(f.storedText()).toBe('saved on shutdown');
    expect(b.text.toString()).toBe('saved on shutdown');
    for (const client of [a, b]) {
      expect(client.socket.closeCode).toBe(CloseCode.GoingAway);
      expect(client.socket.closeReason).toBe('server shutting down');
    }
    expect(f.hub.stats).toEqual({ documentsLoaded: 0, connections: 0 });
    await expect(f.hub.close()).resolves.toBeUndefined();
  });

  it('waits for documents still loading, then closes their connections', async () => {
    f = new HubFixture();
    const gate = deferred();
    f.store.loadGate = gate.promise;
    const a = f.client();
    a.text.insert(0, 'sent while loading');
    await settle();
    const closing = f.hub.close();
    gate.resolve();
    await closing;
    expect(a.socket.closeCode).toBe(CloseCode.GoingAway);
    expect(f.storedText()).toBe('sent while loading');
  });
});
