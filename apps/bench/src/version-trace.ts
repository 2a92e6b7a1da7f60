import type { EditingTrace } from '@quire/bench-support';
import { VersionMaker } from '@quire/collab-core';
import { HistoryPool } from '@quire/history/pool';
import type { VersionInfo } from '@quire/storage';
import * as Y from 'yjs';
import { LineReplay } from './line-replay';
import { longestStall } from './loop-stall';
import { BENCH_USER_ID, type BenchStore } from './stores';

/** Updates appended per call while replaying: about what group commit makes of fast typing. */
const APPEND_BATCH = 200;

/** What storing the trace with versions gave. */
export interface VersionedTrace {
  readonly versions: VersionInfo[];
  /** How long each `VersionMaker.record` took: load the log, rebuild, compare, encode, store. */
  readonly recordMs: number[];
  /**
   * The longest the event loop was held during each recording (a 1 ms timer's longest gap), and
   * whether that version was computed on the history worker thread (every other one) or in this
   * thread, as before the worker: what a relay waiting on this loop would have waited.
   */
  readonly recordLoop: { readonly maxMs: number; readonly threaded: boolean }[];
  /** The final document as one update (a compacted log holds this). */
  readonly snapshotBytes: number;
  /** The replay, in paragraphs, for the diffs that follow. */
  readonly replay: LineReplay;
  /** What other ways of storing the same versions would have taken, when asked for. */
  readonly alternatives?: Alternatives;
}

/** Bytes of the same history stored otherwise. */
export interface Alternatives {
  /** Changes as `Y.encodeStateAsUpdate(doc, previousStateVector)`: the whole delete set every time. */
  readonly wholeDeleteSets: number;
  /** A whole snapshot per version. */
  readonly snapshots: number;
  /** Yjs garbage collection off: the live document's extra bytes, plus a Yjs snapshot (delete set and state vector) per version. */
  readonly gcOffDocumentExtra: number;
  readonly gcOffSnapshots: number;
}

/**
 * Replays the trace into `store` as the hub stores a document — each operation's update appended
 * (in batches), the log compacted after each version as it grows — with an automatic version
 * recorded by `VersionMaker` every `every` operations and after the last.
 */
export async function storeTraceWithVersions(
  store: BenchStore,
  documentId: string,
  trace: EditingTrace,
  options: { operations: number; every: number; alternatives: boolean },
): Promise<VersionedTrace> {
  await store.createDocument(documentId);
  const pool = new HistoryPool((error) => console.error('history worker failed:', error));
  if (!pool.threaded) throw new Error('The history worker is not built: run the benchmark from its build (npm run bench)');
  const makers = [
    new VersionMaker({ log: store.log, history: store.versions }),
    new VersionMaker({ log: store.log, history: store.versions, compute: (input) => pool.computeVersion(input), refold: (input) => pool.refoldVersion(input) }),
  ];
  const replay = new LineReplay(trace.startContent);
  // The empty first paragraph the replay starts from, then every operation's update.
  const pending: Uint8Array[] = [Y.encodeStateAsUpdate(replay.doc)];
  replay.doc.on('update', (update: Uint8Array) => pending.push(update));
  const gcOff = options.alternatives ? new Y.Doc({ gc: false }) : undefined;
  if (gcOff) {
    Y.applyUpdate(gcOff, pending[0]);
    replay.doc.on('update', (update: Uint8Array) => Y.applyUpdate(gcOff, update));
  }
  const alternatives = { wholeDeleteSets: 0, snapshots: 0, gcOffDocumentExtra: 0, gcOffSnapshots: 0 };
  let previousVector: Uint8Array | undefined;
  const recordMs: number[] = [];
  const recordLoop: { maxMs: number; threaded: boolean }[] = [];

  let lastSeq = 0;
  const flush = async (): Promise<number> => {
    while (pending.length > 0) {
      const batch = pending.splice(0, APPEND_BATCH);
      ({ lastSeq } = await store.log.append(documentId, batch, { authors: batch.map(() => BENCH_USER_ID) }));
    }
    return lastSeq;
  };
  const version = async () => {
    await flush();
    const threaded = recordMs.length % 2 === 1;
    const started = performance.now();
    const { stallMs } = await longestStall(() => makers[threaded ? 1 : 0].record(documentId, { kind: 'auto' }));
    recordMs.push(performance.now() - started);
    recordLoop.push({ maxMs: stallMs, threaded });
    // The hub compacts as the log grows; here, once per version.
    await store.log.compact(documentId, Y.encodeStateAsUpdate(replay.doc), lastSeq);
    if (gcOff) {
      const whole = Y.encodeStateAsUpdate(replay.doc);
      alternatives.snapshots += whole.byteLength;
      alternatives.wholeDeleteSets += previousVector ? Y.encodeStateAsUpdate(replay.doc, previousVector).byteLength : whole.byteLength;
      alternatives.gcOffSnapshots += Y.encodeSnapshot(Y.snapshot(gcOff)).byteLength;
      previousVector = Y.encodeStateVector(replay.doc);
    }
  };

  for (let index = 0; index < options.operations; index++) {
    replay.apply(trace.operations[index]);
    if (pending.length >= APPEND_BATCH) await flush();
    if ((index + 1) % options.every === 0) await version();
  }
  if (options.operations % options.every !== 0) await version();
  const snapshotBytes = Y.encodeStateAsUpdate(replay.doc).byteLength;
  if (gcOff) alternatives.gcOffDocumentExtra = Y.encodeStateAsUpdate(gcOff).byteLength - snapshotBytes;
  gcOff?.destroy();
  await pool.close();
  return {
    versions: (await store.versions.list(documentId)).reverse(),
    recordMs,
    recordLoop,
    snapshotBytes,
    replay,
    ...(options.alternatives ? { alternatives } : {}),
  };
}
