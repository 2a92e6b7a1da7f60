import { format, loadTrace, median, percentile, TRACE_CREDIT } from '@quire/bench-support';
import type { Benchmark, BenchmarkReport } from '../benchmark';
import type { BenchContext } from '../context';
import { openStore, STORE_LABELS, unavailableReason, type StoreKind } from '../stores';
import { checkNewest, timeDiffs, type DiffTimings } from '../version-diffs';
import { storeTraceWithVersions, type Alternatives } from '../version-trace';

const STORES: readonly StoreKind[] = ['sqlite-full', 'postgres'];
const DOCUMENT = 'automerge-paper';
/** The figure: an automatic version every 5,000 operations of the trace. */
const EVERY = 5_000;

interface Row {
  readonly store: string;
  readonly versions: number;
  readonly keyframes: number;
  readonly historyBytes: number;
  readonly snapshotBytes: number;
  readonly versionBytes: number[];
  readonly recordMs: number[];
  readonly recordLoop: { readonly maxMs: number; readonly threaded: boolean }[];
  readonly diffs: DiffTimings;
}

/** The event loop's longest stall per recording, versions computed in this thread against those on the worker. */
function loopHeld(row: Row): string {
  const of = (threaded: boolean) => row.recordLoop.filter((entry) => entry.threaded === threaded).map((entry) => entry.maxMs);
  const describe = (values: number[]) => `p50 ${format.ms(median(values))}, max ${format.ms(Math.max(...values))} ms`;
  return `while recording (${row.store}): computed in the relay's thread ${describe(of(false))}; on the history worker ${describe(of(true))} (every other version; the rest is the store's own synchronous calls)`;
}

const sorted = (values: readonly number[]) => Float64Array.from(values).sort();
const p95 = (values: readonly number[]) => percentile(sorted(values), 95);

/**
 * The repository's editing trace replayed into paragraphs and stored as the hub stores it, with an
 * automatic version every 5,000 operations: what the history costs in bytes (against the final
 * document's snapshot, and against other ways to store it), how long recording a version takes,
 * and how long a diff between neighbouring versions takes, from the store and from memory.
 */
export const versionHistory: Benchmark = {
  name: 'version-history',
  title: 'Version history: the editing trace with a version every 5,000 operations (bytes, recording, diffs)',
  async run(context: BenchContext): Promise<BenchmarkReport> {
    const trace = loadTrace();
    const operations = context.quick ? 40_000 : trace.operations.length;
    const [pairs, rounds] = context.quick ? [4, 2] : [20, 3];
    const rows: Row[] = [];
    const skipped: { what: string; reason: string }[] = [];
    let alternatives: Alternatives | undefined;
    for (const kind of STORES) {
      const store = await openStore(kind, context, 'versions');
      if (!store) {
        skipped.push({ what: STORE_LABELS[kind], reason: unavailableReason(context) });
        continue;
      }
      try {
        const stored = await storeTraceWithVersions(store, DOCUMENT, trace, { operations, every: EVERY, alternatives: alternatives === undefined });
        alternatives ??= stored.alternatives;
        const expected = `${stored.replay.text()}\n`;
        if (operations === trace.operations.length && stored.replay.text() !== trace.endContent) throw new Error('TRACE MISMATCH: the paragraphs do not hold the trace’s end content');
        await checkNewest(store.versions, DOCUMENT, stored.versions[stored.versions.length - 1], expected);
        const diffs = await timeDiffs(store.versions, DOCUMENT, stored.versions, pairs, rounds);
        stored.replay.doc.destroy();
        rows.push({
          store: store.label,
          versions: stored.versions.length,
          keyframes: stored.versions.filter((version) => version.keyframe).length,
          historyBytes: stored.versions.reduce((sum, version) => sum + version.byteLength, 0),
          snapshotBytes: stored.snapshotBytes,
          versionBytes: stored.versions.map((version) => version.byteLength),
          recordMs: stored.recordMs,
          recordLoop: stored.recordLoop,
          diffs,
        });
      } finally {
        await store.dispose();
      }
    }
    const first = rows[0];
    const ratioTo = (bytes: number) => (first ? bytes / first.snapshotBytes : Number.NaN);
    return {
      summary: [
        ['trace', `${format.integer(operations)} operations replayed into paragraphs (one per line), a version every ${format.integer(EVERY)} and after the last`],
        ['check', 'the newest version holds the replay’s text; with the whole trace, the trace’s end content'],
        ...(first
          ? ([
              ['history', `${format.bytes(first.historyBytes)} for ${first.versions} versions = ${format.ratio(ratioTo(first.historyBytes))} the final snapshot (${format.bytes(first.snapshotBytes)}); target ≤ 2×`],
              ['per version', `median ${format.bytes(median(first.versionBytes))}, largest ${format.bytes(Math.max(...first.versionBytes))} (${first.keyframes} keyframe${first.keyframes === 1 ? '' : 's'})`],
              ['loop held', loopHeld(first)],
              ['diff', `p95 ${format.ms(p95(first.diffs.cold))} ms from the store, ${format.ms(p95(first.diffs.warm))} ms with both versions open (${first.store}); target ≤ 200 ms`],
            ] as const)
          : []),
        ...(alternatives
          ? ([
              ['whole delete sets', `${format.bytes(alternatives.wholeDeleteSets)} (${format.ratio(ratioTo(alternatives.wholeDeleteSets))}) if each change carried Yjs's whole delete set`],
              ['snapshots', `${format.bytes(alternatives.snapshots)} (${format.ratio(ratioTo(alternatives.snapshots))}) if each version were a whole snapshot`],
              [
                'gc off',
                `${format.bytes(alternatives.gcOffDocumentExtra + alternatives.gcOffSnapshots)} (${format.ratio(ratioTo(alternatives.gcOffDocumentExtra + alternatives.gcOffSnapshots))}) with Yjs GC off: ${format.bytes(alternatives.gcOffDocumentExtra)} more in the live document, whose every load replays it, and ${format.bytes(alternatives.gcOffSnapshots)} of Yjs snapshots`,
              ],
            ] as const)
          : []),
        ['credit', TRACE_CREDIT],
      ],
      table: {
        headers: ['store', 'versions', 'history', '× snapshot', 'per version p50', 'record p50 ms', 'record p95 ms', 'diff p50 ms', 'diff p95 ms', 'open diff p95 ms', 'changes p50'],
        rows: rows.map((row) => [
          row.store,
          format.integer(row.versions),
          format.bytes(row.historyBytes),
          format.ratio(row.historyBytes / row.snapshotBytes),
          format.bytes(median(row.versionBytes)),
          format.ms(median(row.recordMs)),
          format.ms(p95(row.recordMs)),
          format.ms(median(row.diffs.cold)),
          format.ms(p95(row.diffs.cold)),
          format.ms(p95(row.diffs.warm)),
          format.integer(median(row.diffs.changes)),
        ]),
      },
      notes: [
        'history: the bytes of every version’s data (keyframes whole, the others as the change from the version before, new deletions only).',
        'record: VersionMaker.record as the hub runs it — read the log, rebuild the document, compare with the newest version, encode, store.',
        `diff: between neighbouring versions (${pairs} pairs × ${rounds}); "from the store" reads and rebuilds both and builds their ProseMirror documents; "open" is the diff alone.`,
        ...skipped.map((skip) => `${skip.what} skipped: ${skip.reason}`),
      ],
      skipped,
      data: { operations, every: EVERY, rows, alternatives },
    };
  },
};
