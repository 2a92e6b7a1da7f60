import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { BusDelivery, BusMessage, DocumentBus } from '../document-bus';

/** What a contract factory provides for one test: buses of several instances on one broker. */
export interface DocumentBusFixture {
  /**
   * A new bus (another instance) on the test's broker, resolved once connected. Instances must
   * be reported gone within {@link GONE_WITHIN_MS} of a crash: pass short heartbeat intervals.
   */
  connect(): Promise<DocumentBus>;
  /** Takes the broker away from every bus (a restart), runs `during`, and brings it back. */
  outage(during: () => Promise<void>): Promise<void>;
  /** `bus` stops without a goodbye, as a killed process would. */
  crash(bus: DocumentBus): void;
  /** Frees what the fixture made; called after every bus it gave is closed. */
  cleanup?(): Promise<void>;
}

/** How long after a crash the others must report the instance gone, in the contract. */
export const GONE_WITHIN_MS = 5_000;

/** Polls `condition` until it holds, failing with `what` after `timeoutMs`. */
export async function eventually(condition: () => boolean, what: string, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for: ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

/** A listener that keeps what it receives. */
export class Inbox {
  readonly deliveries: BusDelivery[] = [];
  readonly listener = (delivery: BusDelivery): void => void this.deliveries.push(delivery);

  get messages(): BusMessage[] {
    return this.deliveries.map((delivery) => delivery.message);
  }
}

const update = (...bytes: number[]): BusMessage => ({ type: 'update', update: Uint8Array.from(bytes) });
const quiet = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Registers the tests every {@link DocumentBus} implementation must pass, under `describe(name)`.
 * `makeFixture` is called before each test and gives buses on a broker no other test uses.
 */
export function describeDocumentBusContract(name: string, makeFixture: () => Promise<DocumentBusFixture>): void {
  describe(name, () => {
    let fixture: DocumentBusFixture;
    let buses: DocumentBus[] = [];
    const connect = async () => {
      const bus = await fixture.connect();
      buses.push(bus);
      return bus;
    };
    const connectAll = <N extends number>(count: N) => Promise.all(Array.from({ length: count }, connect));
    /** Subscribes and waits until the subscription is active. */
    const follow = async (bus: DocumentBus, documentId: string, inbox = new Inbox()) => {
      await bus.subscribe(documentId, inbox.listener).ready;
      return inbox;
    };

    beforeEach(async () => {
      fixture = await makeFixture();
      buses = [];
    });

    afterEach(async () => {
      for (const bus of buses) await bus.close();
      await fixture.cleanup?.();
    });

    it('delivers to every other subscribed instance with the sender id, never back to the sender', async () => {
      const [a, b, c] = await connectAll(3);
      const [inA, inB, inC] = await Promise.all([follow(a, 'doc'), follow(b, 'doc'), follow(c, 'doc')]);
      a.publish('doc', update(1, 2, 3));
      await eventually(() => inB.deliveries.length === 1 && inC.deliveries.length === 1, 'b and c receive');
      expect(inB.deliveries[0]).toEqual({ documentId: 'doc', from: a.instanceId, message: update(1, 2, 3) });
      expect(inC.deliveries[0].from).toBe(a.instanceId);
      await quiet(50);
      expect(inA.deliveries).toEqual([]);
      expect(new Set([a.instanceId, b.instanceId, c.instanceId]).size).toBe(3);
    });

    it("keeps each publisher's order", async () => {
      const [a, b] = await connectAll(2);
      const inbox = await follow(b, 'ordered');
      for (let i = 0; i < 300; i++) a.publish('ordered', update(i % 256, Math.floor(i / 256)));
      await eventually(() => inbox.deliveries.length === 300, 'all 300 arrive');
      expect(inbox.messages.map((m) => (m.type === 'update' ? m.update[0] + m.update[1] * 256 : -1))).toEqual(
        Array.from({ length: 300 }, (_unused, i) => i),
      );
    });

    it('carries every kind of message byte for byte, large ones too', async () => {
      const [a, b] = await connectAll(2);
      const inbox = await follow(b, 'kinds');
      const everyByte = Uint8Array.from({ length: 256 }, (_unused, i) => i);
      const large = Uint8Array.from({ length: 1024 * 1024 }, (_unused, i) => (i * 31) % 251);
      const sent: BusMessage[] = [
        { type: 'update', update: everyByte },
        { type: 'awareness', update: Uint8Array.from([1, 200, 1, 3, 0x7b, 0x7d, 0x0a]) },
        { type: 'hello', catchUp: false },
        { type: 'hello', catchUp: true },
        { type: 'access', change: { documentId: 'kinds', userId: 'u1' } },
        { type: 'update', update: large },
      ];
      for (const message of sent) a.publish('kinds', message);
      await eventually(() => inbox.deliveries.length === sent.length, 'every message arrives');
      // Compared as bytes: a deep equality over a megabyte takes vitest seconds.
      const bytes = (message: BusMessage) =>
        message.type === 'hello'
          ? `hello ${message.catchUp}`
          : message.type === 'access'
            ? `access ${JSON.stringify(message.change)}`
            : `${message.type} ${Buffer.from(message.update).toString('base64')}`;
      expect(inbox.messages.map(bytes)).toEqual(sent.map(bytes));
    });

    it('delivers only to the subscribers of the document, to each listener, until it unsubscribes', async () => {
      const [a, b] = await connectAll(2);
      const first = new Inbox();
      const second = new Inbox();
      const subscription = b.subscribe('x', first.listener);
      await subscription.ready;
      await follow(b, 'x', second);
      a.publish('y', update(9));
      a.publish('x', update(1));
      await eventually(() => first.deliveries.length === 1 && second.deliveries.length === 1, 'both listeners receive');
      subscription.unsubscribe();
      subscription.unsubscribe();
      a.publish('x', update(2));
      await eventually(() => second.deliveries.length === 2, 'the remaining listener receives');
      await quiet(50);
      expect(first.messages).toEqual([update(1)]);
      expect(second.messages).toEqual([update(1), update(2)]);
    });

    it('survives an outage: down and never throwing meanwhile, a gap once back, then delivering again', async () => {
      const [a, b] = await connectAll(2);
      const inbox = await follow(b, 'doc');
      const gaps: (string | undefined)[] = [];
      b.onGap((documentId) => gaps.push(documentId));
      const late = new Inbox();
      await fixture.outage(async () => {
        await eventually(() => a.status === 'down' && b.status === 'down', 'both report the bus down');
        expect(() => a.publish('doc', update(7))).not.toThrow();
        // Subscribing while down does not wait for the broker.
        await b.subscribe('late', late.listener).ready;
      });
      await eventually(() => a.status === 'ok' && b.status === 'ok', 'both report the bus up again');
      await eventually(() => gaps.includes(undefined), 'b reports a gap for every document');
      a.publish('doc', update(8));
      a.publish('late', update(9));
      await eventually(() => inbox.messages.some((m) => m.type === 'update' && m.update[0] === 8), 'doc delivers again');
      await eventually(() => late.deliveries.length === 1, 'a document subscribed while down delivers');
      expect(a.stats.publishFailures).toBeGreaterThanOrEqual(1);
    });

    it('reports a gap to the publisher whose messages were dropped, so that it can tell the others', async () => {
      const a = await connect();
      const gaps: (string | undefined)[] = [];
      a.onGap((documentId) => gaps.push(documentId));
      await follow(a, 'doc');
      await fixture.outage(async () => {
        await eventually(() => a.status === 'down', 'a reports the bus down');
        a.publish('doc', update(1));
      });
      await eventually(() => gaps.length > 0, 'a reports a gap once back');
    });

    it('reports an instance gone when it says goodbye, and when it falls silent', async () => {
      const [a, b, c] = await connectAll(3);
      const gone: string[] = [];
      a.onInstanceGone((instanceId) => gone.push(instanceId));
      await Promise.all([follow(a, 'doc'), follow(b, 'doc'), follow(c, 'doc')]);
      // Every instance has been heard from at least once.
      b.publish('doc', { type: 'hello', catchUp: false });
      c.publish('doc', { type: 'hello', catchUp: false });
      await quiet(100);
      await c.close();
      await eventually(() => gone.includes(c.instanceId), 'a hears that c left');
      fixture.crash(b);
      await eventually(() => gone.includes(b.instanceId), 'a notices that b is silent', GONE_WITHIN_MS);
      expect(gone).not.toContain(a.instanceId);
    });

    it('stops delivering once closed, and closes once', async () => {
      const [a, b] = await connectAll(2);
      const inbox = await follow(b, 'doc');
      await b.close();
      await b.close();
      a.publish('doc', update(1));
      await quiet(100);
      expect(inbox.deliveries).toEqual([]);
      expect(b.status).toBe('down');
      expect(() => b.publish('doc', update(2))).not.toThrow();
    });
  });
}
