import { storeOrigin } from '@quire/collab-core';
import * as Y from 'yjs';
import type { Benchmark, BenchmarkReport } from '../benchmark';
import type { BenchContext } from '../context';
import { applyPatch, format, heapUsedAfterGc, loadTrace, median, TRACE_CREDIT, type EditingTrace } from '@quire/bench-support';
import { openStore, STORE_LABELS, unavailableReason, type BenchStore, type StoreKind } from '../stores';

const STORES: readonly StoreKind[] = ['sqlite-full', 'postgres'];
const DOCUMENT = 'automerge-paper';

interface LoadRow {
  readonly source: string;
  /** The one `append` that stored the document, or undefined for the in-memory baseline. */
  readonly appendMs: number | undefined;
  readonly loadsMs: readonly number[];
  readonly medianMs: number;
  /** Heap retained by one loaded Y.Doc. */
  readonly heapBytes: number;
}

/**
 * A large real document: the whole trace replayed into a Y.Doc (checked against its end
 * content), stored as one update, then loaded as the server loads a document — `store.load`, then
 * every row applied to a fresh Y.Doc in one transaction — five times, keeping the median.
 */
export const traceLoad: Benchmark = {
  name: 'trace-load',
  title: 'Trace load: the whole editing trace replayed, stored, and loaded as the server loads it',
  async run(context: BenchContext): Promise<BenchmarkReport> {
    const trace = loadTrace();
    const loads = context.quick ? 3 : 5;

    const heapBefore = heapUsedAfterGc();
    const replayed = replay(trace);
    const replayHeapBytes = heapUsedAfterGc() - heapBefore;
    const encodeStarted = performance.now();
    const update = Y.encodeStateAsUpdate(replayed.doc);
    const encodeMs = performance.now() - encodeStarted;
    const v2Bytes = Y.encodeStateAsUpdateV2(replayed.doc).byteLength;
    replayed.doc.destroy();

    const rows: LoadRow[] = [];
    const skipped: { what: string; reason: string }[] = [];
    // The baseline: applying the update alone, as if the store returned it for free.
    rows.push(await measureLoads('Y.applyUpdate only (no store)', undefined, async () => ({ updates: [update] }), trace, loads));
    for (const kind of STORES) {
      const bench = await openStore(kind, context, 'trace');
      if (!bench) {
        skipped.push({ what: STORE_LABELS[kind], reason: unavailableReason(context) });
        continue;
      }
      try {
        rows.push(await storeAndLoad(bench.label, bench, update, trace, loads));
      } finally {
        await bench.dispose();
      }
    }

    return {
      summary: [
        ['trace', `${format.integer(trace.operations.length)} operations, ${trace.path}`],
        ['replay', `${format.ms(replayed.ms)} ms, one transaction per operation (${(1000 * replayed.ms / trace.operations.length).toFixed(1)} µs each)`],
        ['check', `final text equals endContent (${format.integer(trace.endContent.length)} characters)`],
        ['encoded', `${format.integer(update.byteLength)} bytes (update v1, stored); ${format.integer(v2Bytes)} bytes as v2; encoding v1 took ${format.ms(encodeMs)} ms`],
        ['heap', `${format.bytes(replayHeapBytes)} retained by the replayed Y.Doc (after GC)`],
        ['credit', TRACE_CREDIT],
      ],
      table: {
        headers: ['source', 'append ms', 'load median ms', 'load min ms', 'load max ms', 'loaded heap'],
        rows: rows.map((row) => [
          row.source,
          row.appendMs === undefined ? '–' : format.ms(row.appendMs),
          format.ms(row.medianMs),
          format.ms(Math.min(...row.loadsMs)),
          format.ms(Math.max(...row.loadsMs)),
          format.bytes(row.heapBytes),
        ]),
      },
      notes: [
        `load = store.load + Y.applyUpdate of every row into a fresh Y.Doc in one transaction; median of ${loads}.`,
        'loaded heap: retained by one Y.Doc built from what the store returned (after GC); compare the replayed Y.Doc above.',
        ...skipped.map((skip) => `${skip.what} skipped: ${skip.reason}`),
      ],
      skipped,
      data: {
        operations: trace.operations.length,
        endContentLength: trace.endContent.length,
        replayMs: replayed.ms,
        encodeMs,
        v1Bytes: update.byteLength,
        v2Bytes,
        replayHeapBytes,
        loads: rows,
      },
    };
  },
};

/** Replays every operation into a fresh Y.Doc, one transaction each; fails loudly on a wrong result. */
function replay(trace: EditingTrace): { doc: Y.Doc; ms: number } {
  const doc = new Y.Doc();
  const text = doc.getText('text');
  const started = performance.now();
  if (trace.startContent !== '') text.insert(0, trace.startContent);
  for (const operation of trace.operations) doc.transact(() => applyPatch(text, operation));
  const ms = performance.now() - started;
  checkText(text.toString(), trace, 'replaying the trace into a Y.Doc');
  return { doc, ms };
}

async function storeAndLoad(
  source: string,
  store: BenchStore,
  update: Uint8Array,
  trace: EditingTrace,
  loads: number,
): Promise<LoadRow> {
  // append never creates a document: it exists first, as the server's API makes sure (not timed).
  await store.createDocument(DOCUMENT);
  const started = performance.now();
  await store.log.append(DOCUMENT, [update]);
  const appendMs = performance.now() - started;
  return measureLoads(source, appendMs, () => store.log.load(DOCUMENT), trace, loads);
}

async function measureLoads(
  source: string,
  appendMs: number | undefined,
  load: () => Promise<{ readonly updates: readonly Uint8Array[] }>,
  trace: EditingTrace,
  loads: number,
): Promise<LoadRow> {
  const loadsMs: number[] = [];
  let heapBytes = 0;
  for (let attempt = 0; attempt < loads; attempt++) {
    const heapBefore = attempt === 0 ? heapUsedAfterGc() : 0;
    const started = performance.now();
    const stored = await load();
    const doc = new Y.Doc();
    // As LoadedDocument.load does it: one transaction, the store's origin.
    doc.transact(() => {
      for (const update of stored.updates) Y.applyUpdate(doc, update, storeOrigin);
    }, storeOrigin);
    loadsMs.push(performance.now() - started);
    if (attempt === 0) heapBytes = heapUsedAfterGc() - heapBefore;
    checkText(doc.getText('text').toString(), trace, `loading it from ${source}`);
    doc.destroy();
  }
  return { source, appendMs, loadsMs, medianMs: median(loadsMs), heapBytes };
}

function checkText(actual: string, trace: EditingTrace, what: string): void {
  if (actual === trace.endContent) return;
  let index = 0;
  while (index < actual.length && actual[index] === trace.endContent[index]) index++;
  throw new Error(
    `TRACE MISMATCH after ${what}: the text (${actual.length} characters) differs from endContent ` +
      `(${trace.endContent.length} characters) from index ${index}`,
  );
}
