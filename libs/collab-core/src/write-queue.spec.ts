import { afterEach, describe, expect, it, vi } from 'vitest';
import { ControlledStore } from './testing/controlled-store';
import { RecordingLogger } from './testing/recording-logger';
import { settle } from './testing/test-client';
import { createHubContext } from './hub-context';
import { StoreHealth } from './store-health';
import { RETRY_MAX_MS, WriteQueue, type QueuedUpdate } from './write-queue';

function setup(title = () => 'Title') {
  const store = new ControlledStore();
  // Appends never create a document: it exists before anything is written to it.
  store.ensureDocument('d');
  const logger = new RecordingLogger();
  const committed: QueuedUpdate[][] = [];
  const health = new StoreHealth();
  const queue = new WriteQueue({
    hub: createHubContext(store, { logger, health }),
    documentId: 'd',
    title,
    onCommitted: (batch) => committed.push([...batch]),
    onGone: () => undefined,
  });
  return { store, logger, committed, queue, health };
}

const u = (n: number): QueuedUpdate => ({ update: new Uint8Array([n]), origin: null, store: true, appliedAt: 0 });

afterEach(() => {
  vi.useRealTimers();
});

describe('WriteQueue', () => {
  it('writes updates enqueued in the same tick as one batch, with the title', async () => {
    const { store, queue, committed } = setup();
    queue.enqueue(u(1));
    queue.enqueue(u(2));
    expect(queue.idle).toBe(false);
    await settle();
    expect(store.appendCalls).toHaveLength(1);
    expect(store.appendCalls[0].updates).toEqual([new Uint8Array([1]), new Uint8Array([2])]);
    expect(store.appendCalls[0].options).toEqual({ title: 'Title' });
    expect(committed).toEqual([[u(1), u(2)]]);
    expect(queue.idle).toBe(true);
  });

  it('keeps one append in flight and commits batches in order', async () => {
    const { store, queue, committed } = setup();
    store.holdAppends();
    queue.enqueue(u(1));
    await settle();
    queue.enqueue(u(2));
    await settle();
    queue.enqueue(u(3));
    await settle();
    expect(store.appendCalls).toHaveLength(1);
    store.appendCalls[0].gate.resolve();
    await settle();
    expect(store.appendCalls).toHaveLength(2);
    expect(store.appendCalls[1].updates).toHaveLength(2);
    store.appendCalls[1].gate.resolve();
    await settle();
    expect(committed.map((batch) => batch.map((entry) => entry.update[0]))).toEqual([[1], [2, 3]]);
  });

  it('runs afterCommitted callbacks synchronously when idle, else after what was queued before them', async () => {
    const { store, queue } = setup();
    const order: string[] = [];
    queue.afterCommitted(() => order.push('idle'));
    expect(order).toEqual(['idle']);
    store.holdAppends();
    queue.enqueue(u(1));
    queue.afterCommitted(() => order.push('after 1'));
    await settle();
    queue.enqueue(u(2));
    queue.afterCommitted(() => order.push('after 2'));
    store.appendCalls[0].gate.resolve();
    await settle();
    expect(order).toEqual(['idle', 'after 1']);
    store.appendCalls[1].gate.resolve();
    await settle();
    expect(order).toEqual(['idle', 'after 1', 'after 2']);
  });

  it('commits entries that need no storing without an append, in order', async () => {
    const { store, queue, committed } = setup();
    queue.enqueue({ update: new Uint8Array([9]), origin: null, store: false, appliedAt: 0 });
    await queue.whenCommitted();
    expect(store.appendCalls).toHaveLength(0);
    expect(committed).toHaveLength(1);
  });

  it('backs off from 100 ms, doubling up to 5 s, retrying the same batch', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const { store, queue, logger, committed } = setup();
    store.failAppends = 8;
    queue.enqueue(u(1));
    await settle();
    const waits = [100, 200, 400, 800, 1600, 3200, RETRY_MAX_MS, RETRY_MAX_MS];
    for (const [i, wait] of waits.entries()) {
      expect(store.appendCalls).toHaveLength(i + 1);
      await vi.advanceTimersByTimeAsync(wait - 1);
      expect(store.appendCalls).toHaveLength(i + 1);
      await vi.advanceTimersByTimeAsync(1);
    }
    await settle();
    expect(store.appendCalls).toHaveLength(9);
    expect(new Set(store.appendCalls.map((call) => call.updates[0]))).toEqual(new Set([store.appendCalls[0].updates[0]]));
    expect(logger.at('error')).toHaveLength(8);
    expect(committed).toHaveLength(1);
    expect(store.stored('d')).toHaveLength(1);
  });

  it('still stores the batch when deriving the title throws', async () => {
    const { store, queue, logger } = setup(() => {
      throw new Error('bad schema');
    });
    queue.enqueue(u(1));
    await queue.whenCommitted();
    expect(store.appendCalls[0].options).toEqual({});
    expect(logger.at('warn')).toHaveLength(1);
  });
});
