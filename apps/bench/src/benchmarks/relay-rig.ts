import { monitorEventLoopDelay, type IntervalHistogram } from 'node:perf_hooks';
import { PROSEMIRROR_FRAGMENT } from '@quire/constants';
import type { DocumentHub } from '@quire/collab-core';
import { benchHub } from '../bench-hub';
import type { BenchContext } from '../context';
import { CountingStore } from '../counting-store';
import { ReceivingClient, SendingClient } from '../hub-clients';
import { Typist } from '@quire/bench-support';
import { openStore, type BenchStore, type StoreKind } from '../stores';
import { nextTurn, waitFor } from '../wait';

/** Readers on the document besides the writer. */
export const READERS = 10;
/** A fast typist: one keystroke every 2 ms is 500 per second, far beyond any human. */
export const INTERVAL_MS = 2;
const DOCUMENT = 'relay-latency';

/** What one stretch of typing measured; samples of several segments are pooled. */
export interface Segment {
  /** Writer's send to a reader's receipt, every (update, reader) pair. */
  readonly latencies: Float64Array;
  /** From when each keystroke was due to a reader's receipt (adds time spent waiting for a busy loop). */
  readonly fromSchedule: Float64Array;
  /** How late the writer typed each keystroke against its schedule. */
  readonly sendLag: Float64Array;
}

/**
 * One store with a hub, a writer and {@link READERS} readers on one document, warmed up and ready
 * to measure stretches of typing. Several rigs stay open at once so that a benchmark can take
 * turns between stores: load from other work on the machine then falls on all of them alike.
 */
export class RelayRig {
  private readonly loopDelay: IntervalHistogram = monitorEventLoopDelay({ resolution: 1 });
  private readonly typist: Typist;
  private received = 0;

  private constructor(
    readonly bench: BenchStore,
    readonly store: CountingStore,
    private readonly hub: DocumentHub,
    private readonly writer: SendingClient,
    private readonly readers: readonly ReceivingClient[],
  ) {
    this.typist = new Typist(writer.doc);
  }

  /** Opens a fresh store of `kind` and connects everyone; `undefined` when the store is unavailable. */
  static async open(kind: StoreKind, context: BenchContext, warmup: number): Promise<RelayRig | undefined> {
    const bench = await openStore(kind, context, 'relay');
    if (!bench) return undefined;
    // The document exists before anyone connects, as the server's API makes sure: append never creates one.
    await bench.createDocument(DOCUMENT);
    const store = new CountingStore(bench.log);
    const hub = benchHub(store);
    const writer = new SendingClient(hub, DOCUMENT, 'writer');
    const readers = Array.from({ length: READERS }, (_unused, index) => new ReceivingClient(hub, DOCUMENT, `reader-${index + 1}`));
    const rig = new RelayRig(bench, store, hub, writer, readers);
    try {
      await hub.flush(); // the document's load
      await rig.warmUp(warmup);
    } catch (error) {
      await rig.close();
      throw error;
    }
    return rig;
  }

  /** Event-loop delay over every measured segment, in milliseconds. */
  get eventLoopDelayMs(): { readonly p99: number; readonly max: number } {
    return { p99: this.loopDelay.percentile(99) / 1e6, max: this.loopDelay.max / 1e6 };
  }

  /** Types `updates` keystrokes on the 2 ms schedule and times their arrival at every reader. */
  async measure(updates: number): Promise<Segment> {
    const offset = this.received;
    const sentAt = new Float64Array(updates);
    let next = 0;
    this.writer.onSend = () => {
      sentAt[next] = performance.now();
    };
    this.loopDelay.enable();
    const start = performance.now() + INTERVAL_MS;
    const dueAt = (index: number) => start + index * INTERVAL_MS;
    // Spins on setImmediate rather than sleeping on timers, whose 1 ms granularity would blur a
    // 2 ms schedule. Everything that fell due while the loop was busy is typed at once, as frames
    // queued in the kernel would be read at once.
    while (next < updates) {
      await nextTurn();
      const now = performance.now();
      while (next < updates && now >= dueAt(next)) {
        this.typist.press();
        next += 1;
      }
    }
    await this.waitForReaders(offset + updates);
    this.loopDelay.disable();
    this.writer.onSend = undefined;
    // Any compaction this segment started finishes before another store takes its turn.
    await this.hub.flush();

    const latencies = new Float64Array(updates * READERS);
    const fromSchedule = new Float64Array(updates * READERS);
    this.readers.forEach((reader, r) => {
      // A frame may carry several keystrokes (the hub merges what one turn relays): each gets its arrival.
      const receivedAts = reader.receipts.receiptTimes(this.writer.doc.clientID, this.writer.clocks);
      for (let index = 0; index < updates; index++) {
        const receivedAt = receivedAts[offset + index];
        latencies[r * updates + index] = receivedAt - sentAt[index];
        fromSchedule[r * updates + index] = receivedAt - dueAt(index);
      }
    });
    return { latencies, fromSchedule, sendLag: Float64Array.from(sentAt, (sent, index) => sent - dueAt(index)) };
  }

  /** Numbers from a relay that lost or reordered updates would be meaningless: every reader must converge. */
  checkConverged(): void {
    const expected = this.writer.doc.getXmlFragment(PROSEMIRROR_FRAGMENT).toString();
    for (const [index, reader] of this.readers.entries()) {
      const doc = reader.rebuild();
      const actual = doc.getXmlFragment(PROSEMIRROR_FRAGMENT).toString();
      doc.destroy();
      if (actual !== expected) throw new Error(`${this.bench.label}: reader ${index + 1} did not converge with the writer`);
    }
  }

  async close(): Promise<void> {
    await this.hub.close();
    this.writer.destroy();
    await this.bench.dispose();
  }

  // Unmeasured: the first appends create the document and warm up statements and code paths.
  private async warmUp(count: number): Promise<void> {
    for (let index = 0; index < count; index++) {
      this.typist.press();
      await nextTurn();
    }
    await this.waitForReaders(count);
    await this.hub.flush(); // and any compaction it started
    this.store.reset();
  }

  private async waitForReaders(count: number): Promise<void> {
    await waitFor(
      () => {
        const clock = this.writer.clocks[count - 1];
        return this.readers.every((reader) => reader.receipts.clockOf(this.writer.doc.clientID) >= clock);
      },
      `${count} updates to reach every reader over ${this.bench.label}`,
    );
    this.received = count;
  }
}
