import { monitorEventLoopDelay } from 'node:perf_hooks';
import { PROSEMIRROR_FRAGMENT } from '@quire/constants';
import type { Benchmark, BenchmarkReport } from '../benchmark';
import { benchHub } from '../bench-hub';
import type { BenchContext } from '../context';
import { CountingStore } from '../counting-store';
import * as format from '../format';
import { ReceivingClient, SendingClient } from '../hub-clients';
import { Typist } from '../keystrokes';
import { distribution, type Distribution } from '../stats';
import { openStore, STORE_LABELS, unavailableReason, type StoreKind } from '../stores';
import { nextTurn, waitFor } from '../wait';

// Memory first: it is the baseline the others are compared with.
const STORES: readonly StoreKind[] = ['memory', 'sqlite-full', 'sqlite-normal', 'postgres'];
const READERS = 10;
/** A fast typist: one keystroke every 2 ms is 500 per second, far beyond any human. */
const INTERVAL_MS = 2;
const DOCUMENT = 'relay-latency';

interface RelayRun {
  readonly store: string;
  readonly updates: number;
  readonly readers: number;
  /** Writer's send to a reader's receipt, every (update, reader) pair. */
  readonly latencyMs: Distribution;
  /**
   * From when the keystroke was due to a reader's receipt: adds the time a frame would wait while
   * the event loop is busy (in a server, unread in the socket), which `latencyMs` leaves out.
   */
  readonly latencyFromScheduleMs: Distribution;
  /** How late the writer sent against its 2 ms schedule: the event loop was busy (storing, relaying). */
  readonly sendLagMs: Distribution;
  readonly eventLoopDelayMs: { readonly p99: number; readonly max: number };
  readonly appendCalls: number;
  readonly appendedUpdates: number;
  readonly compactions: number;
  readonly groupCommitFactor: number;
}

/**
 * The price of "stored before seen": one writer and ten readers on one document of an in-process
 * `DocumentHub`; the writer types a keystroke every 2 ms, and each reader timestamps each relayed
 * update as the hub hands it to its socket. Over `MemoryDocumentStore` that is the hub's own cost;
 * over a durable store the difference is what waiting for the write adds.
 */
export const relayLatency: Benchmark = {
  name: 'relay-latency',
  title: 'Relay latency: writer send to reader receipt through DocumentHub (store before relay)',
  async run(context: BenchContext): Promise<BenchmarkReport> {
    const updates = context.quick ? 300 : 2_000;
    const warmup = context.quick ? 30 : 100;
    const runs: RelayRun[] = [];
    const skipped: { what: string; reason: string }[] = [];
    // Discarded: the first run would pay for compiling the hub's code paths, and it is the baseline.
    await measure('memory', context, context.quick ? 100 : 500, warmup);
    for (const kind of STORES) {
      const run = await measure(kind, context, updates, warmup);
      if (run) runs.push(run);
      else skipped.push({ what: STORE_LABELS[kind], reason: unavailableReason(context) });
    }

    const baseline = runs.find((run) => run.store === STORE_LABELS.memory);
    const added = (run: RelayRun, pick: (latency: Distribution) => number) =>
      baseline ? pick(run.latencyMs) - pick(baseline.latencyMs) : Number.NaN;
    return {
      summary: [
        ['setup', `1 writer + ${READERS} readers on one document, in-process hub, default compaction (500 updates / 4 MiB)`],
        ['updates', `${format.integer(updates)} keystrokes, one every ${INTERVAL_MS} ms (after ${warmup} unmeasured)`],
        ['samples', `${format.integer(updates * READERS)} per store (every update at every reader)`],
      ],
      table: {
        headers: [
          'store',
          'p50 ms',
          'p99 ms',
          'max ms',
          'added p50',
          'added p99',
          'appends',
          'updates/append',
          'loop delay p99',
          'send lag p99',
        ],
        rows: runs.map((run) => [
          run.store,
          format.ms(run.latencyMs.p50),
          format.ms(run.latencyMs.p99),
          format.ms(run.latencyMs.max),
          run === baseline ? '–' : format.deltaMs(added(run, (latency) => latency.p50)),
          run === baseline ? '–' : format.deltaMs(added(run, (latency) => latency.p99)),
          format.integer(run.appendCalls),
          format.ratio(run.groupCommitFactor),
          format.ms(run.eventLoopDelayMs.p99),
          format.ms(run.sendLagMs.p99),
        ]),
      },
      notes: [
        'added = the same percentile minus the memory baseline: what storing before relaying costs.',
        'appends / updates/append: store.append calls during the measured updates, and updates per call (group commit).',
        'loop delay: event-loop delay (perf_hooks) while measuring; SQLite holds the loop during each write.',
        'send lag: how late the writer typed against its 2 ms schedule (updates due meanwhile go in a burst).',
        ...skipped.map((skip) => `${skip.what} skipped: ${skip.reason}`),
      ],
      skipped,
      data: { readers: READERS, intervalMs: INTERVAL_MS, updates, warmup, runs },
    };
  },
};

async function measure(kind: StoreKind, context: BenchContext, updates: number, warmup: number): Promise<RelayRun | undefined> {
  const bench = await openStore(kind, context, 'relay');
  if (!bench) return undefined;
  const store = new CountingStore(bench.store);
  const hub = benchHub(store);
  const writer = new SendingClient(hub, DOCUMENT, 'writer');
  const readers = Array.from({ length: READERS }, (_unused, index) => new ReceivingClient(hub, DOCUMENT, `reader-${index + 1}`));
  try {
    await hub.flush(); // the document's load
    const typist = new Typist(writer.doc);
    const allReceived = (count: number) => readers.every((reader) => reader.updatesReceived >= count);

    // Unmeasured: the first appends create the document and warm up statements and code paths.
    for (let index = 0; index < warmup; index++) {
      typist.press();
      await nextTurn();
    }
    await waitFor(() => allReceived(warmup), 'the warm-up updates to reach every reader');
    await hub.flush(); // and any compaction the warm-up started
    const offset = warmup;
    store.reset();

    const sentAt = new Float64Array(updates);
    let next = 0;
    writer.onSend = () => {
      sentAt[next] = performance.now();
    };
    const loopDelay = monitorEventLoopDelay({ resolution: 1 });
    loopDelay.enable();
    const start = performance.now() + INTERVAL_MS;
    const dueAt = (index: number) => start + index * INTERVAL_MS;
    // Spins on setImmediate rather than sleeping on timers, whose 1 ms granularity would blur a
    // 2 ms schedule. Everything that fell due while the loop was busy is typed at once, as frames
    // queued in the kernel would be read at once.
    while (next < updates) {
      await nextTurn();
      const now = performance.now();
      while (next < updates && now >= dueAt(next)) {
        typist.press();
        next += 1;
      }
    }
    await waitFor(() => allReceived(offset + updates), `all ${updates} updates to reach every reader`);
    loopDelay.disable();
    writer.onSend = undefined;
    await hub.flush();

    const latencies = new Float64Array(updates * READERS);
    const fromSchedule = new Float64Array(updates * READERS);
    readers.forEach((reader, r) => {
      for (let index = 0; index < updates; index++) {
        latencies[r * updates + index] = reader.receivedAt[offset + index] - sentAt[index];
        fromSchedule[r * updates + index] = reader.receivedAt[offset + index] - dueAt(index);
      }
    });
    const lag = Float64Array.from(sentAt, (sent, index) => sent - dueAt(index));
    checkConverged(writer, readers);
    const counts = store.counts;
    return {
      store: bench.label,
      updates,
      readers: READERS,
      latencyMs: distribution(latencies),
      latencyFromScheduleMs: distribution(fromSchedule),
      sendLagMs: distribution(lag),
      eventLoopDelayMs: { p99: loopDelay.percentile(99) / 1e6, max: loopDelay.max / 1e6 },
      appendCalls: counts.appendCalls,
      appendedUpdates: counts.appendedUpdates,
      compactions: counts.compactCalls,
      groupCommitFactor: counts.appendedUpdates / counts.appendCalls,
    };
  } finally {
    await hub.close();
    writer.destroy();
    await bench.dispose();
  }
}

// Numbers from a relay that lost or reordered updates would be meaningless.
function checkConverged(writer: SendingClient, readers: readonly ReceivingClient[]): void {
  const expected = writer.doc.getXmlFragment(PROSEMIRROR_FRAGMENT).toString();
  for (const [index, reader] of readers.entries()) {
    const doc = reader.rebuild();
    const actual = doc.getXmlFragment(PROSEMIRROR_FRAGMENT).toString();
    doc.destroy();
    if (actual !== expected) throw new Error(`Reader ${index + 1} did not converge with the writer`);
  }
}
