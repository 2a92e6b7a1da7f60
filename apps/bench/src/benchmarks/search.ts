import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { format, loadTrace, median, percentile } from '@quire/bench-support';
import { PROSEMIRROR_FRAGMENT } from '@quire/constants';
import { documentText } from '@quire/editor-schema';
import { PostgresStorage, SqliteStorage, type Storage } from '@quire/storage';
import * as Y from 'yjs';
import type { Benchmark, BenchmarkReport } from '../benchmark';
import type { BenchContext } from '../context';
import { analyzeDatabase } from '../postgres';

const OWNER = { id: 'search-owner', email: 'search@example.com', name: 'Searcher', passwordHash: 'not a hash', isAdmin: false };
/** The server's debounce before it indexes a changed document (apps/server SearchIndexer). */
const INDEX_DELAY_MS = 400;
/** A page of the home page's lists (apps/web's LIST_PAGE_SIZE). */
const LIST_PAGE = 50;

interface Row {
  readonly store: string;
  readonly documents: number;
  readonly seedMs: number;
  readonly oneWord: number[];
  readonly threeWords: number[];
  readonly indexing: number[];
  readonly ownLists: number[];
  readonly shared: number[];
  readonly recent: number[];
  readonly starred: number[];
}

/** A deterministic generator (mulberry32), so every run searches the same documents. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The repository's editing trace (a paper) and the Markdown fixtures: the text documents are cut from. */
function corpus(context: BenchContext): string {
  const fixtures = ['project-readme.md', 'library-readme.md'].map((name) => readFileSync(join(context.repoRoot, 'libs/content/src/fixtures', name), 'utf8'));
  return [loadTrace().endContent, ...fixtures].join('\n\n');
}

/** A document's text: 1–6 KB from a random place of the corpus, cut at line ends. */
function documentOf(text: string, next: () => number): { title: string; body: string } {
  const length = 1_000 + Math.floor(next() * 5_000);
  const start = text.indexOf('\n', Math.floor(next() * Math.max(1, text.length - length))) + 1;
  const body = text.slice(start, start + length);
  const title = (body.split('\n').find((line) => /[A-Za-z]{3}/.test(line)) ?? 'Untitled').replace(/[#*`\\{}]/g, '').trim().slice(0, 80);
  return { title, body };
}

const p95 = (values: readonly number[]) => percentile(Float64Array.from(values).sort(), 95);

async function timed(rounds: number, run: (round: number) => Promise<unknown>): Promise<number[]> {
  const times: number[] = [];
  for (let round = 0; round < rounds; round++) {
    const started = performance.now();
    await run(round);
    times.push(performance.now() - started);
  }
  return times;
}

/**
 * Search over 10,000 documents of realistic size (1–6 KB cut from the editing trace's paper and the
 * Markdown fixtures; 1,000 with `--quick`) that one person owns: one-word and three-word queries as
 * typed (the last word also a prefix), the time to index a changed document from its stored Y.Doc
 * (load, `documentText`, write) plus the server's 400 ms debounce, and the home page's lists.
 */
export const search: Benchmark = {
  name: 'search',
  title: 'Search: 10,000 documents of one person',
  async run(context: BenchContext): Promise<BenchmarkReport> {
    const count = context.quick ? 1_000 : 10_000;
    const rounds = context.quick ? 40 : 200;
    const text = corpus(context);
    const words = [...new Set(text.toLowerCase().match(/[a-z]{4,}/g) ?? [])];
    const rows: Row[] = [];
    const skipped: { what: string; reason: string }[] = [];
    for (const kind of ['sqlite', 'postgres'] as const) {
      const opened = await openStorage(kind, context);
      if (!opened) {
        skipped.push({ what: 'PostgreSQL', reason: context.postgres.available ? '' : context.postgres.reason });
        continue;
      }
      const { storage, label, dispose } = opened;
      try {
        await storage.directory.createUser(OWNER);
        const next = random(21);
        const seedStarted = performance.now();
        const ids: string[] = [];
        for (let batch = 0; batch < count; batch += 50) {
          await Promise.all(
            Array.from({ length: Math.min(50, count - batch) }, async (_, offset) => {
              const id = `doc-${batch + offset}`;
              const { title, body } = documentOf(text, next);
              const created = await storage.directory.createOwnedDocument(id, OWNER.id, title);
              await storage.search.write({ documentId: id, title, text: body, sourceUpdatedAt: created.updatedAt });
              ids.push(id);
            }),
          );
        }
        for (const id of ids.slice(0, 500)) await storage.directory.recordOpen(id, OWNER.id, new Date());
        for (const id of ids.slice(0, 50)) await storage.directory.starDocument(id, OWNER.id, new Date());
        await opened.settle();
        const seedMs = performance.now() - seedStarted;

        const pick = () => words[Math.floor(next() * words.length)];
        const search = (query: string) => storage.search.search(query, { userId: OWNER.id, limit: 21, offset: 0 });
        // A word of the corpus, and three words of one line (people search for words that go together).
        const lines = text.split('\n').filter((line) => (line.match(/[A-Za-z]{4,}/g) ?? []).length >= 3);
        const oneWord = await timed(rounds, () => search(pick()));
        const threeWords = await timed(rounds, () => {
          const line = (lines[Math.floor(next() * lines.length)].match(/[A-Za-z]{4,}/g) ?? []).slice(0, 3);
          return search(line.join(' '));
        });

        // A changed document indexed from its stored Y.Doc, as the server's indexer does.
        await storage.directory.createOwnedDocument('edited', OWNER.id);
        const doc = new Y.Doc();
        const fragment = doc.getXmlFragment(PROSEMIRROR_FRAGMENT);
        const paragraphs = documentOf(text, next).body.split('\n');
        const pending: Uint8Array[] = [];
        doc.on('update', (update: Uint8Array) => void pending.push(update));
        for (const line of paragraphs) {
          const paragraph = new Y.XmlElement('paragraph');
          paragraph.insert(0, [new Y.XmlText(line)]);
          fragment.push([paragraph]);
        }
        await storage.log.append('edited', pending.splice(0));
        const indexing = await timed(context.quick ? 10 : 40, async (round) => {
          const paragraph = new Y.XmlElement('paragraph');
          paragraph.insert(0, [new Y.XmlText(`quireedit${round}`)]);
          fragment.push([paragraph]);
          // Stored, as the hub stores an edit before the indexer is told of it.
          await storage.log.append('edited', pending.splice(0));
          const document = await storage.directory.getDocument('edited');
          const stored = await storage.log.load('edited');
          const copy = new Y.Doc();
          Y.transact(copy, () => stored.updates.forEach((update) => Y.applyUpdate(copy, update)));
          await storage.search.write({ documentId: 'edited', title: document?.title ?? '', text: documentText(copy), sourceUpdatedAt: document?.updatedAt ?? new Date() });
          copy.destroy();
        });
        if ((await search(`quireedit${(context.quick ? 10 : 40) - 1}`)).length === 0) throw new Error('SEARCH MISMATCH: the last edit was not found');

        const listRounds = context.quick ? 10 : 50;
        // The home page's first page of each list, as GET /api/documents/owned (and shared, recent, starred) reads it.
        const firstPage = { limit: LIST_PAGE };
        const ownLists = await timed(listRounds, () => storage.directory.listOwnedDocuments(OWNER.id, firstPage));
        const shared = await timed(listRounds, () => storage.directory.listSharedDocuments(OWNER.id, firstPage));
        const recent = await timed(listRounds, () => storage.directory.listRecentDocuments(OWNER.id, firstPage));
        const starred = await timed(listRounds, () => storage.directory.listStarredDocuments(OWNER.id, firstPage));
        rows.push({ store: label, documents: count, seedMs, oneWord, threeWords, indexing, ownLists, shared, recent, starred });
      } finally {
        await dispose();
      }
    }
    const ms = (values: readonly number[]) => `${format.ms(median(values))} / ${format.ms(p95(values))}`;
    return {
      summary: [
        ['documents', `${format.integer(count)} owned by one person, 1–6 KB each, cut from the editing trace's paper and the Markdown fixtures`],
        ['queries', `${rounds} one-word and ${rounds} three-word queries as typed (the last word also a prefix), 21 results (a page and one), targets p95 ≤ 30 ms`],
        ['catch-up', `an edit indexed from the stored Y.Doc (load, documentText, write) after the server's ${INDEX_DELAY_MS} ms debounce; target ≤ 2 s`],
      ],
      table: {
        headers: ['store', 'seeding', '1 word p50/p95 ms', '3 words p50/p95 ms', 'catch-up p95 ms', 'own p50/p95 ms', 'shared p95 ms', 'recent p95 ms', 'starred p95 ms'],
        rows: rows.map((row) => [
          row.store,
          format.duration(row.seedMs),
          ms(row.oneWord),
          ms(row.threeWords),
          format.ms(INDEX_DELAY_MS + p95(row.indexing)),
          ms(row.ownLists),
          format.ms(p95(row.shared)),
          format.ms(p95(row.recent)),
          format.ms(p95(row.starred)),
        ]),
      },
      notes: [
        'SQLite with synchronous=NORMAL for seeding speed (reads are the same with FULL); PostgreSQL in a schema of its own, its statistics gathered after seeding (ANALYZE, as autovacuum does within a minute of such a load).',
        `The home page's lists: the first page (${LIST_PAGE}) of own documents (all ${format.integer(count)} are), shared ones (none: every document reachable is walked to find that out), recent (500 opened) and starred (50); target p95 ≤ 100 ms.`,
        ...skipped.map((skip) => `${skip.what} skipped: ${skip.reason}`),
      ],
      skipped,
      data: { count, rounds, rows },
    };
  },
};

interface OpenedStorage {
  readonly storage: Storage;
  readonly label: string;
  /** After seeding: PostgreSQL's statistics gathered (`analyzeDatabase`); nothing for SQLite. */
  readonly settle: () => Promise<void>;
  readonly dispose: () => Promise<void>;
}

async function openStorage(kind: 'sqlite' | 'postgres', context: BenchContext): Promise<OpenedStorage | undefined> {
  if (kind === 'sqlite') {
    const directory = await mkdtemp(join(context.tempDir, 'search-'));
    const storage = new SqliteStorage({ path: join(directory, 'quire.db'), synchronous: 'NORMAL' });
    await storage.open();
    return {
      storage,
      label: 'SQLite',
      settle: async () => undefined,
      dispose: async () => {
        await storage.close();
        await rm(directory, { recursive: true, force: true });
      },
    };
  }
  if (!context.postgres.available) return undefined;
  const storage = new PostgresStorage({ connectionString: context.postgres.url, schema: 'bench_search' });
  await storage.open();
  const { url } = context.postgres;
  return { storage, label: 'PostgreSQL', settle: () => analyzeDatabase(url), dispose: () => storage.close() };
}
