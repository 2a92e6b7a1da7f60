import type { Benchmark, BenchmarkReport } from '../benchmark';
import type { BenchContext } from '../context';
import { format, keystrokeUpdates } from '@quire/bench-support';
import { distribution, type Distribution } from '../stats';
import { openStore, STORE_LABELS, unavailableReason, type BenchStore, type StoreKind } from '../stores';

const STORES: readonly StoreKind[] = ['sqlite-full', 'sqlite-normal', 'postgres'];

/** Updates per `append` when the hub's group commit finds a burst waiting. */
const GROUP = 16;

// The hub stores a title with every append; a constant one costs the same to write.
const TITLE = { title: 'Store throughput' };

interface Sizes {
  /** Calls of one update each. */
  readonly sequentialCalls: number;
  /** Calls of {@link GROUP} updates each. */
  readonly groupedCalls: number;
  /** Calls before measuring, so statement preparation and first page allocations are not counted. */
  readonly warmupCalls: number;
}

interface ThroughputRow {
  readonly store: string;
  readonly updatesPerCall: number;
  readonly calls: number;
  readonly updates: number;
  readonly payloadBytes: number;
  readonly elapsedMs: number;
  readonly updatesPerSecond: number;
  readonly callMs: Distribution;
}

/**
 * Raw `append` speed of each store with real keystroke updates: one update per call, as when
 * edits arrive one at a time, and {@link GROUP} per call, as when group commit batches a burst.
 * Calls run one after another, each awaited, as the hub's write queue issues them per document.
 */
export const storeThroughput: Benchmark = {
  name: 'store-throughput',
  title: 'Store throughput: append() of real keystroke updates, one call at a time',
  async run(context: BenchContext): Promise<BenchmarkReport> {
    const sizes: Sizes = context.quick
      ? { sequentialCalls: 300, groupedCalls: 60, warmupCalls: 20 }
      : { sequentialCalls: 2_000, groupedCalls: 500, warmupCalls: 100 };
    const updates = keystrokeUpdates(Math.max(sizes.sequentialCalls, sizes.groupedCalls * GROUP, sizes.warmupCalls));
    const rows: ThroughputRow[] = [];
    const skipped: { what: string; reason: string }[] = [];

    for (const kind of STORES) {
      const bench = await openStore(kind, context, 'throughput');
      if (!bench) {
        skipped.push({ what: STORE_LABELS[kind], reason: unavailableReason(context) });
        continue;
      }
      try {
        // append never creates a document: each exists first, as the server's API makes sure.
        await bench.createDocument('warmup');
        for (let call = 0; call < sizes.warmupCalls; call++) await bench.log.append('warmup', [updates[call]], TITLE);
        rows.push(await measure(bench.label, bench, updates, 1, sizes.sequentialCalls));
        rows.push(await measure(bench.label, bench, updates, GROUP, sizes.groupedCalls));
      } finally {
        await bench.dispose();
      }
    }

    return {
      summary: [
        ['updates', `${format.integer(updates.length)} keystrokes typed into a Y.XmlFragment (paragraphs of Y.XmlText), one update each`],
        ['update size', `${format.bytes(Math.round(average(updates.map((update) => update.byteLength))))} on average`],
        ['calls', `${format.integer(sizes.sequentialCalls)} × 1 update and ${format.integer(sizes.groupedCalls)} × ${GROUP} updates per store, each awaited before the next`],
      ],
      table: {
        headers: ['store', 'updates/call', 'calls', 'updates/s', 'call p50 ms', 'call p99 ms', 'call max ms'],
        rows: rows.map((row) => [
          row.store,
          String(row.updatesPerCall),
          format.integer(row.calls),
          format.integer(row.updatesPerSecond),
          format.ms(row.callMs.p50),
          format.ms(row.callMs.p99),
          format.ms(row.callMs.max),
        ]),
      },
      notes: [
        'One transaction per call: under FULL each call waits for one fsync, so grouping shares it among the updates.',
        'SQLite appends commit on the log\'s writer thread (better-sqlite3 is synchronous there); the event loop waits for neither database.',
        ...skipped.map((skip) => `${skip.what} skipped: ${skip.reason}`),
      ],
      skipped,
      data: { group: GROUP, sizes, rows },
    };
  },
};

async function measure(
  store: string,
  target: BenchStore,
  updates: readonly Uint8Array[],
  perCall: number,
  calls: number,
): Promise<ThroughputRow> {
  // A document of its own: every row appended belongs to one growing log, as a real document's.
  const documentId = `throughput-${perCall}`;
  await target.createDocument(documentId);
  const latencies = new Float64Array(calls);
  let payloadBytes = 0;
  const started = performance.now();
  for (let call = 0; call < calls; call++) {
    const batch = updates.slice(call * perCall, (call + 1) * perCall);
    for (const update of batch) payloadBytes += update.byteLength;
    const before = performance.now();
    await target.log.append(documentId, batch, TITLE);
    latencies[call] = performance.now() - before;
  }
  const elapsedMs = performance.now() - started;
  return {
    store,
    updatesPerCall: perCall,
    calls,
    updates: calls * perCall,
    payloadBytes,
    elapsedMs,
    updatesPerSecond: (calls * perCall * 1000) / elapsedMs,
    callMs: distribution(latencies),
  };
}

function average(values: readonly number[]): number {
  return values.reduce((sum, value) => sum + value, 0) / values.length;
}
