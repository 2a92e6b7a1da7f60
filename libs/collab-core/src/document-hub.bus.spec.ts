import type { BusDelivery, DocumentBus } from '@quire/bus';
import { Inbox } from '@quire/bus/testing';
import type { AppendOptions, StoredDocument, UpdateLog } from '@quire/storage';
import { afterEach, describe, expect, it } from 'vitest';
import { DocumentHub } from './document-hub';
import { ControlledStore, deferred, type Deferred } from './testing/controlled-store';
import { eventually } from './testing/eventually';
import { TEST_DOCUMENT } from './testing/hub-fixture';
import { InstancesFixture } from './testing/instances-fixture';
import { settle, TestClient } from './testing/test-client';

let f: InstancesFixture;
const extra: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const cleanup of extra.splice(0).reverse()) await cleanup();
  await f.cleanup();
});

const textOf = (client: TestClient) => client.text.toString();

describe('DocumentHub across instances', () => {
  it('brings an update stored by one instance to the clients of the others, stored once', async () => {
    f = await new InstancesFixture().open();
    const [a, b, c] = ['A', 'B', 'C'].map((name) => f.client(f.instance(name)));
    await settle();
    a.text.insert(0, 'hello');
    await eventually(() => textOf(b) === 'hello' && textOf(c) === 'hello', 'b and c receive the edit');
    expect((await f.store.load(TEST_DOCUMENT)).updates).toHaveLength(1);
  });

  it('converges under concurrent edits on every instance, storing each update once', async () => {
    f = await new InstancesFixture().open();
    const instances = ['A', 'B', 'C'].map((name) => f.instance(name));
    const clients = instances.flatMap((instance) => [f.client(instance), f.client(instance)]);
    await settle();
    let edits = 0;
    for (let round = 0; round < 30; round++) {
      for (const [index, client] of clients.entries()) {
        if ((round + index) % 3 === 0) continue;
        client.text.insert(Math.floor((client.text.length * ((round * 7 + index) % 10)) / 10), `${index}.${round} `);
        edits++;
      }
      if (round % 4 === 0) await settle(1);
    }
    const expected = () => textOf(clients[0]);
    await eventually(() => clients.every((client) => textOf(client) === expected()), 'every client converges');
    await Promise.all(instances.map((instance) => instance.hub.flush()));
    expect(await f.storedText()).toBe(expected());
    expect((await f.store.load(TEST_DOCUMENT)).updates).toHaveLength(edits);
  });

  it('publishes an update only once its append has resolved', async () => {
    f = new InstancesFixture();
    const store = new ControlledStore();
    store.holdAppends();
    const a = f.client(f.instance('A', { store }));
    const inbox = new Inbox();
    const observer = f.network.connect({ instanceId: 'observer' });
    extra.push(() => observer.close());
    observer.subscribe(TEST_DOCUMENT, inbox.listener);
    await settle();
    a.text.insert(0, 'durable first');
    await settle();
    expect(store.appendCalls).toHaveLength(1);
    expect(inbox.messages.filter((message) => message.type === 'update')).toEqual([]);
    store.appendCalls[0].gate.resolve();
    await eventually(() => inbox.messages.some((message) => message.type === 'update'), 'the update is published');
    expect(inbox.deliveries[0].from).toBe('A');
  });

  it('applies updates from the bus with their own origin: relayed to its clients, never stored again', async () => {
    f = new InstancesFixture();
    const storeA = new ControlledStore();
    const storeB = new ControlledStore();
    const a = f.client(f.instance('A', { store: storeA }));
    const b1 = f.client(f.instance('B', { store: storeB }));
    await settle();
    const b2 = f.client(f.instance('B2', { store: storeB }));
    await settle();
    a.text.insert(0, 'from A');
    await eventually(() => textOf(b1) === 'from A' && textOf(b2) === 'from A', 'B’s clients receive');
    expect(storeA.appendCalls).toHaveLength(1);
    expect(storeB.appendCalls).toHaveLength(0);
  });

  it('relays a bus update before applying it, and applies it before a joiner or a client edit needs it', async () => {
    f = await new InstancesFixture().open();
    const [instanceA, instanceB] = [f.instance('A'), f.instance('B')];
    const a = f.client(instanceA);
    const b1 = f.client(instanceB);
    await settle();
    a.text.insert(0, 'hello');
    await eventually(() => textOf(b1) === 'hello', 'b1 receives the edit');
    // Within the settle delay: B's doc may not have it yet, and must not act as if so.
    const b2 = f.client(instanceB);
    b1.text.insert(5, ' world');
    await eventually(() => textOf(b2) === 'hello world' && textOf(a) === 'hello world', 'the joiner and A have everything');
    expect(b1.socket.isClosed).toBe(false);
    await Promise.all([instanceA.hub.flush(), instanceB.hub.flush()]);
    expect(await f.storedText()).toBe('hello world');
    expect((await f.store.load(TEST_DOCUMENT)).updates).toHaveLength(2);
  });

  it('catches up both ways after a bus gap: edits made while cut off reach everyone once it is back', async () => {
    f = await new InstancesFixture().open();
    const [instanceA, instanceB] = [f.instance('A'), f.instance('B')];
    const a = f.client(instanceA);
    const b = f.client(instanceB);
    await settle();
    a.text.insert(0, 'before ');
    await eventually(() => textOf(b) === 'before ', 'b syncs');
    f.network.interrupt(instanceB.bus);
    a.text.insert(a.text.length, 'A-while-cut ');
    b.text.insert(0, 'B-while-cut ');
    await Promise.all([instanceA.hub.flush(), instanceB.hub.flush()]);
    await settle();
    expect(textOf(b)).not.toContain('A-while-cut');
    expect(textOf(a)).not.toContain('B-while-cut');
    f.network.restore(instanceB.bus);
    await eventually(() => textOf(a) === textOf(b) && textOf(a).includes('A-while-cut') && textOf(a).includes('B-while-cut'), 'both converge');
    expect(await f.storedText()).toBe(textOf(a));
  });

  it('catches up from the store when a bus update depends on one it missed, and keeps taking client edits', async () => {
    f = await new InstancesFixture().open();
    const instanceA = f.instance('A');
    let dropNextUpdate = false;
    const bus = filteredBus(f.network.connect({ instanceId: 'B' }), (delivery) => {
      if (!dropNextUpdate || delivery.message.type !== 'update') return true;
      dropNextUpdate = false;
      return false;
    });
    const hubB = new DocumentHub({ store: f.store, bus });
    extra.push(async () => {
      await hubB.close();
      await bus.close();
    });
    const a = f.client(instanceA);
    const b = new TestClient().connect(hubB, TEST_DOCUMENT);
    extra.push(() => b.destroy());
    await settle();
    dropNextUpdate = true;
    a.text.insert(0, 'one ');
    await instanceA.hub.flush();
    await settle();
    expect(textOf(b)).toBe('');
    a.text.insert(4, 'two ');
    await eventually(() => textOf(b) === 'one two ', 'b catches up from the store');
    b.text.insert(0, 'b ');
    await eventually(() => textOf(a) === 'b one two ', 'b’s next edit is taken and relayed');
    expect(b.socket.isClosed).toBe(false);
  });

  it('subscribes before loading, so an update published while it loads is not lost', async () => {
    f = await new InstancesFixture().open();
    const a = f.client(f.instance('A'));
    await settle();
    a.text.insert(0, 'stored ');
    await settle();
    const gated = new ReadThenWaitStore(f.store);
    extra.push(() => gated.gate.resolve());
    const b = f.client(f.instance('B', { store: gated }));
    await eventually(() => gated.read !== undefined, 'B has read the document');
    a.text.insert(a.text.length, 'published while B loads');
    await eventually(() => textOf(a) === 'stored published while B loads', 'a has both');
    await settle();
    gated.gate.resolve();
    await eventually(() => textOf(b) === textOf(a), 'b gets what was published during its load');
  });

  it('subscribes when a document loads and unsubscribes when it unloads', async () => {
    f = await new InstancesFixture().open();
    const calls: string[] = [];
    const inner = f.network.connect({ instanceId: 'B' });
    const bus: DocumentBus = {
      ...filteredBus(inner, () => true),
      subscribe: (documentId, listener) => {
        calls.push(`subscribe ${documentId}`);
        const subscription = inner.subscribe(documentId, listener);
        return { ready: subscription.ready, unsubscribe: () => (calls.push(`unsubscribe ${documentId}`), subscription.unsubscribe()) };
      },
    };
    const hub = new DocumentHub({ store: f.store, bus, unloadDelayMs: 0 });
    extra.push(() => hub.close());
    const client = new TestClient().connect(hub, 'doc-x');
    extra.push(() => client.destroy());
    await settle();
    expect(calls).toEqual(['subscribe doc-x']);
    client.disconnect();
    await eventually(() => hub.stats.documentsLoaded === 0, 'the document unloads');
    expect(calls).toEqual(['subscribe doc-x', 'unsubscribe doc-x']);
  });
});

/** A bus that hands a listener only the deliveries `keep` accepts. */
function filteredBus(inner: DocumentBus, keep: (delivery: BusDelivery) => boolean): DocumentBus {
  return {
    get instanceId() {
      return inner.instanceId;
    },
    get status() {
      return inner.status;
    },
    get stats() {
      return inner.stats;
    },
    subscribe: (documentId, listener) => inner.subscribe(documentId, (delivery) => keep(delivery) && listener(delivery)),
    publish: (documentId, message) => inner.publish(documentId, message),
    onGap: (listener) => inner.onGap(listener),
    onInstanceGone: (listener) => inner.onInstanceGone(listener),
    close: () => inner.close(),
  };
}

/** A log whose loads read at once but resolve only when the test opens `gate`. */
class ReadThenWaitStore implements UpdateLog {
  readonly gate: Deferred<void> = deferred();
  read: StoredDocument | undefined;

  constructor(private readonly inner: UpdateLog) {}

  async load(id: string): Promise<StoredDocument> {
    const stored = await this.inner.load(id);
    this.read ??= stored;
    await this.gate.promise;
    return stored;
  }

  append = (id: string, updates: readonly Uint8Array[], options?: AppendOptions) => this.inner.append(id, updates, options);
  compact = (id: string, snapshot: Uint8Array, throughSeq: number) => this.inner.compact(id, snapshot, throughSeq);
}
