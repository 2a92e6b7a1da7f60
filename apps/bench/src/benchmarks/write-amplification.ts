import { DEFAULT_COMPACTION_LIMITS } from '@quire/collab-core';
import * as Y from 'yjs';
import type { Benchmark, BenchmarkReport } from '../benchmark';
import { benchHub } from '../bench-hub';
import type { BenchContext } from '../context';
import { CountingStore, type WriteCounts } from '../counting-store';
import { applyPatch, format, loadTrace, replayOnString, TRACE_CREDIT, type EditingTrace } from '@quire/bench-support';
import { SendingClient } from '../hub-clients';
import { openStore, STORE_LABELS, unavailableReason, type StoreKind } from '../stores';
import { nextTurn } from '../wait';

const STORES: readonly StoreKind[] = ['sqlite-full', 'postgres'];
const DOCUMENT = 'write-amplification';

interface AmplificationRun {
  readonly store: string;
  readonly operations: number;
  /** Bytes of the updates the client produced: what had to be stored at the least. */
  readonly payloadBytes: number;
  readonly counts: WriteCounts;
  /** (appended + compacted bytes) / payload bytes. */
  readonly amplification: number;
  readonly storedRows: number;
  readonly storedBytes: number;
  readonly diskBytes: number | undefined;
  readonly elapsedMs: number;
}

/**
 * What compaction costs in bytes: the start of a real editing trace typed through the hub, one
 * update per keystroke, over a store wrapped in a counter. Every compaction writes a snapshot of
 * the whole document, so the bytes handed to the store exceed the bytes typed; this measures by
 * how much with the default limits, and how much the store holds at the end.
 */
export const writeAmplification: Benchmark = {
  name: 'write-amplification',
  title: 'Write amplification: the editing trace typed through the hub, with default compaction',
  async run(context: BenchContext): Promise<BenchmarkReport> {
    const trace = loadTrace();
    const operations = Math.min(trace.operations.length, context.quick ? 5_000 : 20_000);
    const expected = replayOnString(trace, operations);
    const runs: AmplificationRun[] = [];
    const skipped: { what: string; reason: string }[] = [];
    for (const kind of STORES) {
      const run = await measure(kind, context, trace, operations, expected);
      if (run) runs.push(run);
      else skipped.push({ what: STORE_LABELS[kind], reason: unavailableReason(context) });
    }
    const { maxUpdates, maxBytes } = DEFAULT_COMPACTION_LIMITS;
    return {
      summary: [
        ['trace', `first ${format.integer(operations)} of ${format.integer(trace.operations.length)} operations, one update each, ${trace.path}`],
        ['compaction', `DEFAULT_COMPACTION_LIMITS: past ${maxUpdates} updates or ${format.bytes(maxBytes)} of log`],
        ['check', `stored document and client text equal the trace replayed on a string (${format.integer(expected.length)} characters)`],
        ['credit', TRACE_CREDIT],
      ],
      table: {
        headers: [
          'store',
          'payload',
          'appended',
          'appends',
          'compactions',
          'snapshots',
          'amplification',
          'stored rows',
          'stored bytes',
          'on disk',
          'time s',
        ],
        rows: runs.map((run) => [
          run.store,
          format.bytes(run.payloadBytes),
          format.bytes(run.counts.appendedBytes),
          format.integer(run.counts.appendCalls),
          format.integer(run.counts.compactCalls),
          format.bytes(run.counts.compactedBytes),
          format.ratio(run.amplification),
          format.integer(run.storedRows),
          format.bytes(run.storedBytes),
          run.diskBytes === undefined ? '–' : format.bytes(run.diskBytes),
          (run.elapsedMs / 1000).toFixed(1),
        ]),
      },
      notes: [
        'payload: bytes of the updates the client sent; appended/snapshots: logical bytes handed to append/compact.',
        'amplification = (appended + snapshots) / payload; stored rows/bytes: what load() returns at the end.',
        'on disk: the SQLite file after close; PostgreSQL tables with indexes and TOAST, dead rows included until vacuum.',
        ...skipped.map((skip) => `${skip.what} skipped: ${skip.reason}`),
      ],
      skipped,
      data: { operations, limits: DEFAULT_COMPACTION_LIMITS, runs },
    };
  },
};

async function measure(
  kind: StoreKind,
  context: BenchContext,
  trace: EditingTrace,
  operations: number,
  expected: string,
): Promise<AmplificationRun | undefined> {
  const bench = await openStore(kind, context, 'amplification');
  if (!bench) return undefined;
  // The document exists before the client connects, as the server's API makes sure: append never creates one.
  await bench.createDocument(DOCUMENT);
  const store = new CountingStore(bench.log);
  const hub = benchHub(store);
  const client = new SendingClient(hub, DOCUMENT, 'typist');
  try {
    await hub.flush(); // the document's load
    const text = client.doc.getText('text');
    const started = performance.now();
    if (trace.startContent !== '') text.insert(0, trace.startContent);
    for (let index = 0; index < operations; index++) {
      const operation = trace.operations[index];
      client.doc.transact(() => applyPatch(text, operation));
      // Each keystroke reaches the hub as a frame of its own event, as over a socket; what
      // arrives while an append is in flight is grouped into the next one, as in the server.
      await nextTurn();
    }
    await hub.flush(); // every append and the last compaction
    const elapsedMs = performance.now() - started;

    if (text.toString() !== expected) throw new Error('The client text differs from the trace replayed on a string');
    const stored = await store.load(DOCUMENT);
    const rebuilt = new Y.Doc();
    rebuilt.transact(() => {
      for (const update of stored.updates) Y.applyUpdate(rebuilt, update);
    });
    const storedText = rebuilt.getText('text').toString();
    rebuilt.destroy();
    if (storedText !== expected) throw new Error(`${bench.label}: the stored document differs from the text typed`);

    const counts = { ...store.counts };
    await hub.close();
    await bench.close();
    return {
      store: bench.label,
      operations,
      payloadBytes: client.payloadBytes,
      counts,
      amplification: (counts.appendedBytes + counts.compactedBytes) / client.payloadBytes,
      storedRows: stored.updates.length,
      storedBytes: stored.byteLength,
      diskBytes: await bench.diskBytes(),
      elapsedMs,
    };
  } finally {
    await hub.close();
    client.destroy();
    await bench.dispose();
  }
}
