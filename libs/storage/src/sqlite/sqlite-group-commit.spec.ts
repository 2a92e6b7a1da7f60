import { statSync } from 'node:fs';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { expectRefused } from '../testing/helpers';
import { useScratchDatabase } from '../testing/scratch-database';
import type { SqliteStorage, SqliteStorageOptions } from './sqlite-storage';
import { createOwnedDocuments, DOCUMENT_OWNER } from '../testing/test-documents';
import { compiledLogWriter } from '../testing/compiled-log-writer';

const WRITERS: [string, Partial<SqliteStorageOptions>][] = [
  ['on the writer thread', { logWriterFile: compiledLogWriter() }],
  ['on the calling thread', { logWriter: 'inline' }],
];

// Appends made in one event-loop turn share one transaction (one fsync), each in its own savepoint.
describe.each(WRITERS)('SqliteStorage group commit, %s', (_, writer) => {
  const scratch = useScratchDatabase('sqlite-group');
  const openStorage = (options?: Partial<SqliteStorageOptions>) => scratch.openStorage({ ...writer, ...options });
  const inspect = () => scratch.inspect();

  /** Rows as another connection sees them, by document. */
  function storedRows(db: Database.Database): Map<string, { seq: number; data: number[] }[]> {
    const rows = db
      .prepare<[], { document_id: string; seq: number; data: Buffer }>(
        'SELECT document_id, seq, data FROM document_updates ORDER BY seq',
      )
      .all();
    const byDocument = new Map<string, { seq: number; data: number[] }[]>();
    for (const row of rows) {
      const list = byDocument.get(row.document_id) ?? [];
      list.push({ seq: row.seq, data: [...row.data] });
      byDocument.set(row.document_id, list);
    }
    return byDocument;
  }

  /**
   * Frames written to the WAL so far. Every commit appends at least one frame (the one that marks
   * it committed), so fewer new frames than appends means fewer commits than appends. Nothing here
   * writes the 1,000 frames that would trigger a checkpoint and a restart of the WAL: createAndCheckpoint
   * empties it before what a test measures.
   */
  function walFrames(pageSize: number): number {
    const size = statSync(`${scratch.path}-wal`, { throwIfNoEntry: false })?.size ?? 0;
    return Math.max(0, (size - 32) / (24 + pageSize));
  }

  const ids = Array.from({ length: 100 }, (_, index) => `doc-${index}`);

  /**
   * Creates the documents (append never creates one), then empties the WAL: creating 100 documents
   * writes hundreds of frames, which would bring the appends measured after it near the 1,000.
   */
  async function createAndCheckpoint(storage: SqliteStorage, documentIds: readonly string[]): Promise<void> {
    await createOwnedDocuments(storage.directory, ...documentIds);
    const db = inspect();
    const [checkpoint] = db.pragma('wal_checkpoint(TRUNCATE)') as { busy: number }[];
    expect(checkpoint.busy, 'the WAL checkpoint was blocked').toBe(0);
    expect(walFrames(db.pragma('page_size', { simple: true }) as number), 'frames left after the checkpoint').toBe(0);
  }

  it('commits 100 appends to 100 documents of one turn in one transaction', async () => {
    const storage = await openStorage();
    await createAndCheckpoint(storage, ids);
    const db = inspect();
    const pageSize = db.pragma('page_size', { simple: true }) as number;
    const before = walFrames(pageSize);

    const appended = Promise.all(ids.map((id, index) => storage.log.append(id, [Uint8Array.of(index + 1)], { title: id })));
    expect(storedRows(db).size, 'nothing is written before the turn ends').toBe(0);
    const results = await appended;

    const rows = storedRows(db);
    ids.forEach((id, index) => {
      expect(rows.get(id)).toEqual([{ seq: results[index].lastSeq, data: [index + 1] }]);
    });
    expect(new Set(results.map(({ lastSeq }) => lastSeq)).size).toBe(ids.length);
    const written = walFrames(pageSize) - before;
    expect(written).toBeGreaterThan(0);
    expect(written, 'WAL frames for 100 appends').toBeLessThan(ids.length);
  });

  it('counts commits honestly: the same appends awaited one by one write a frame or more each', async () => {
    const storage = await openStorage({ synchronous: 'NORMAL' });
    await createAndCheckpoint(storage, ids);
    const pageSize = inspect().pragma('page_size', { simple: true }) as number;
    const before = walFrames(pageSize);

    for (const [index, id] of ids.entries()) await storage.log.append(id, [Uint8Array.of(index + 1)]);

    expect(walFrames(pageSize) - before).toBeGreaterThanOrEqual(ids.length);
  });

  it('keeps the order of appends to one document within a turn', async () => {
    const storage = await openStorage();
    await createOwnedDocuments(storage.directory, 'doc');
    const first = storage.log.append('doc', [Uint8Array.of(1), Uint8Array.of(2)]);
    const second = storage.log.append('doc', [Uint8Array.of(3)]);

    const [a, b] = await Promise.all([first, second]);
    expect(b.lastSeq).toBe(a.lastSeq + 1);
    expect(await storage.log.load('doc')).toMatchObject({
      updates: [Uint8Array.of(1), Uint8Array.of(2), Uint8Array.of(3)],
      lastSeq: b.lastSeq,
    });
  });

  it('rejects only the refused append of a turn; the others are stored', async () => {
    const storage = await openStorage();
    await createOwnedDocuments(storage.directory, 'a', 'b', 'c');
    const createdB = await storage.directory.getDocument('b');
    scratch.refuseThreeByteRows('ABORT');

    const a = storage.log.append('a', [Uint8Array.of(1)]);
    // Its first row is written before the second is refused: the savepoint undoes both.
    const b = storage.log.append('b', [Uint8Array.of(2), Uint8Array.of(1, 2, 3)], { title: 'B' });
    const c = storage.log.append('c', [Uint8Array.of(3)]);

    await expect(b).rejects.toThrow('refused by test trigger');
    const [{ lastSeq: seqA }, { lastSeq: seqC }] = await Promise.all([a, c]);
    const rows = storedRows(inspect());
    expect(rows.get('a')).toEqual([{ seq: seqA, data: [1] }]);
    expect(rows.get('c')).toEqual([{ seq: seqC, data: [3] }]);
    expect(rows.has('b')).toBe(false);
    // The savepoint undid b's title and date too.
    expect(await storage.directory.getDocument('b')).toEqual(createdB);
    expect((await storage.directory.listMemberDocuments(DOCUMENT_OWNER.id)).map(({ id }) => id).sort()).toEqual(['a', 'b', 'c']);
  });

  it('rejects alone an append of a turn to a document that does not exist; the others are stored', async () => {
    const storage = await openStorage();
    await createOwnedDocuments(storage.directory, 'a', 'c');

    const a = storage.log.append('a', [Uint8Array.of(1)]);
    const missing = storage.log.append('missing', [Uint8Array.of(2), Uint8Array.of(4)], { title: 'Missing' });
    const c = storage.log.append('c', [Uint8Array.of(3)]);

    await expectRefused(missing, 'no-such-document');
    const [{ lastSeq: seqA }, { lastSeq: seqC }] = await Promise.all([a, c]);
    const rows = storedRows(inspect());
    expect(rows.get('a')).toEqual([{ seq: seqA, data: [1] }]);
    expect(rows.get('c')).toEqual([{ seq: seqC, data: [3] }]);
    expect(rows.has('missing')).toBe(false);
    expect(await storage.directory.getDocument('missing')).toBeUndefined();
    expect((await storage.directory.listMemberDocuments(DOCUMENT_OWNER.id)).map(({ id }) => id).sort()).toEqual(['a', 'c']);
  });

  it('rejects every append of a turn, and stores none, when the transaction as a whole fails', async () => {
    const storage = await openStorage();
    await createOwnedDocuments(storage.directory, 'a', 'b', 'c');
    const listed = await storage.directory.listMemberDocuments(DOCUMENT_OWNER.id);
    const db = inspect();
    scratch.refuseThreeByteRows('ROLLBACK');

    const results = await Promise.allSettled([
      storage.log.append('a', [Uint8Array.of(1)]),
      storage.log.append('b', [Uint8Array.of(1, 2, 3)]),
      storage.log.append('c', [Uint8Array.of(3)]),
    ]);

    for (const result of results) {
      expect(result.status).toBe('rejected');
      expect((result as PromiseRejectedResult).reason).toMatchObject({ message: 'refused by test trigger' });
    }
    expect(storedRows(db).size).toBe(0);
    expect(await storage.directory.listMemberDocuments(DOCUMENT_OWNER.id)).toEqual(listed);
    // The storage is still usable for the next turn.
    expect(await storage.log.append('a', [Uint8Array.of(1)])).toMatchObject({ lastSeq: expect.any(Number) });
    expect(storedRows(db).get('a')).toHaveLength(1);
  });

  it('lets a read made in the same turn see the appended rows', async () => {
    const storage = await openStorage();
    await createOwnedDocuments(storage.directory, 'doc');
    const appended = storage.log.append('doc', [Uint8Array.of(1)], { title: 'Title' });
    const loaded = storage.log.load('doc');
    const info = storage.directory.getDocument('doc');
    const empty = storage.log.append('doc', []);

    const { lastSeq } = await appended;
    expect(await loaded).toEqual({ updates: [Uint8Array.of(1)], lastSeq, byteLength: 1 });
    expect(await info).toMatchObject({ id: 'doc', title: 'Title' });
    expect(await empty).toEqual({ lastSeq });
  });

  it('never re-creates a document deleted after an append of the same turn', async () => {
    const storage = await openStorage();
    await createOwnedDocuments(storage.directory, 'doc');
    await storage.log.append('doc', [Uint8Array.of(1)]);

    const appended = storage.log.append('doc', [Uint8Array.of(2)]);
    const deleted = storage.directory.deleteDocument('doc');
    // Queued after the delete: refused, not stored under a re-created document.
    const late = storage.log.append('doc', [Uint8Array.of(3)], { title: 'Late' });

    await appended;
    expect(await deleted).toBe(true);
    await expectRefused(late, 'no-such-document');
    expect(await storage.directory.getDocument('doc')).toBeUndefined();
    expect(await storage.directory.listMemberDocuments(DOCUMENT_OWNER.id)).toEqual([]);
    expect(storedRows(inspect()).size).toBe(0);
  });

  it('stores the bytes given, even if the caller changes its buffer before the turn ends', async () => {
    const storage = await openStorage();
    const buffer = Uint8Array.of(1, 2, 3);
    await createOwnedDocuments(storage.directory, 'doc');
    const appended = storage.log.append('doc', [buffer]);
    buffer.fill(9);

    await appended;
    expect((await storage.log.load('doc')).updates).toEqual([Uint8Array.of(1, 2, 3)]);
  });

  it('stores the appends still waiting when it closes', async () => {
    const storage = await openStorage();
    await createOwnedDocuments(storage.directory, ...ids.slice(0, 3));
    const appended = ids.slice(0, 3).map((id, index) => storage.log.append(id, [Uint8Array.of(index + 1)]));

    await storage.close();

    const results = await Promise.all(appended);
    const rows = storedRows(inspect());
    results.forEach(({ lastSeq }, index) => {
      expect(rows.get(ids[index])).toEqual([{ seq: lastSeq, data: [index + 1] }]);
    });
    await expect(storage.log.append('doc', [Uint8Array.of(1)])).rejects.toMatchObject({ code: 'closed' });
  });
});
