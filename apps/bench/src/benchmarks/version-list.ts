import { format, median, percentile } from '@quire/bench-support';
import { VersionMaker } from '@quire/collab-core';
import * as Y from 'yjs';
import type { Benchmark, BenchmarkReport } from '../benchmark';
import type { BenchContext } from '../context';
import { BENCH_USER_ID, openStore, STORE_LABELS, unavailableReason, type BenchStore, type StoreKind } from '../stores';

const STORES: readonly StoreKind[] = ['sqlite-full', 'postgres'];
const DOCUMENT = 'many-versions';

interface Row {
  readonly store: string;
  readonly makeMs: number;
  readonly listMs: number[];
}

/**
 * A document with 1,000 versions (each a few words more, by its author), listed as
 * `GET /api/documents/:id/versions` lists them: the store's list with authors, each made into the
 * API's shape, and the whole serialized to JSON. Timed 200 times (30 with `--quick`).
 */
export const versionList: Benchmark = {
  name: 'version-list',
  title: 'Version list: listing a document’s 1,000 versions',
  async run(context: BenchContext): Promise<BenchmarkReport> {
    const count = 1_000;
    const lists = context.quick ? 30 : 200;
    const rows: Row[] = [];
    const skipped: { what: string; reason: string }[] = [];
    for (const kind of STORES) {
      const store = await openStore(kind, context, 'version-list');
      if (!store) {
        skipped.push({ what: STORE_LABELS[kind], reason: unavailableReason(context) });
        continue;
      }
      try {
        const makeMs = await makeVersions(store, count);
        const listMs: number[] = [];
        for (let round = 0; round < lists; round++) {
          const started = performance.now();
          const versions = await store.versions.list(DOCUMENT);
          const body = JSON.stringify({
            versions: versions.map((version) => ({
              id: version.id,
              name: version.name,
              kind: version.kind,
              createdAt: version.createdAt.toISOString(),
              authors: version.authors.map((author) => ({ id: author.id, name: author.name ?? 'Former member' })),
            })),
          });
          listMs.push(performance.now() - started);
          if (versions.length !== count || body.length === 0) throw new Error(`LIST MISMATCH: ${versions.length} versions listed, ${count} made`);
        }
        rows.push({ store: store.label, makeMs, listMs });
      } finally {
        await store.dispose();
      }
    }
    const p95 = (values: readonly number[]) => percentile(Float64Array.from(values).sort(), 95);
    return {
      summary: [
        ['document', `${format.integer(count)} versions, each a few words more than the one before, with its author named`],
        ['listing', `the store's list, each version in the API's shape, serialized to JSON; ${lists} times; target p95 ≤ 50 ms`],
      ],
      table: {
        headers: ['store', 'making 1,000 versions', 'list p50 ms', 'list p95 ms', 'list max ms'],
        rows: rows.map((row) => [row.store, format.duration(row.makeMs), format.ms(median(row.listMs)), format.ms(p95(row.listMs)), format.ms(Math.max(...row.listMs))]),
      },
      notes: ['making: VersionMaker.record after each append, as the hub records an automatic version.', ...skipped.map((skip) => `${skip.what} skipped: ${skip.reason}`)],
      skipped,
      data: { count, lists, rows },
    };
  },
};

/** Appends a few words and records a version, `count` times; resolves with the time it took. */
async function makeVersions(store: BenchStore, count: number): Promise<number> {
  await store.createDocument(DOCUMENT);
  const maker = new VersionMaker({ log: store.log, history: store.versions });
  const doc = new Y.Doc();
  const text = doc.getText('text');
  const started = performance.now();
  for (let index = 0; index < count; index++) {
    const updates: Uint8Array[] = [];
    const listener = (update: Uint8Array) => updates.push(update);
    doc.on('update', listener);
    text.insert(text.length, `word ${index} `);
    doc.off('update', listener);
    await store.log.append(DOCUMENT, updates, { authors: updates.map(() => BENCH_USER_ID) });
    await maker.record(DOCUMENT, { kind: 'auto' });
  }
  return performance.now() - started;
}
