import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { StorageError } from '../storage-error';
import { schemaVersion } from './migrations';
import { useScratchDatabase } from '../testing/scratch-database';
import { SqliteStorage, type SqliteStorageOptions } from './sqlite-storage';
import { createOwnedDocuments } from '../testing/test-documents';

describe('SqliteStorage', () => {
  const scratch = useScratchDatabase('sqlite');
  const openStorage = (options?: Partial<SqliteStorageOptions>) => scratch.openStorage(options);
  const inspect = () => scratch.inspect();

  async function openError(storage: SqliteStorage): Promise<StorageError> {
    const error = await storage.open().then(
      () => undefined,
      (reason: unknown) => reason,
    );
    expect(error).toBeInstanceOf(StorageError);
    return error as StorageError;
  }

  it('puts the file in WAL mode', async () => {
    await openStorage();
    expect(inspect().pragma('journal_mode', { simple: true })).toBe('wal');
  });

  it('applies the migrations once and leaves data alone on every later open', async () => {
    const first = await openStorage();
    await createOwnedDocuments(first.directory, 'doc');
    await first.log.append('doc', [Uint8Array.of(1)], { title: 'Kept' });
    await first.close();
    await (await openStorage()).close();
    const third = await openStorage();

    expect(inspect().pragma('user_version', { simple: true })).toBe(schemaVersion);
    expect((await third.log.load('doc')).updates).toEqual([Uint8Array.of(1)]);
    expect((await third.directory.getDocument('doc'))?.title).toBe('Kept');
  });

  it('creates missing parent directories', async () => {
    scratch.path = join(scratch.directory, 'a', 'b', 'quire.db');
    const storage = await openStorage();
    await createOwnedDocuments(storage.directory, 'doc');
    await storage.log.append('doc', [Uint8Array.of(1)]);
    expect((await storage.log.load('doc')).lastSeq).toBe(1);
  });

  it('works in memory', async () => {
    const storage = await openStorage({ path: ':memory:' });
    await createOwnedDocuments(storage.directory, 'doc');
    await storage.log.append('doc', [Uint8Array.of(1), Uint8Array.of(2)]);
    expect((await storage.log.load('doc')).updates).toEqual([Uint8Array.of(1), Uint8Array.of(2)]);
  });

  it('stores the snapshot at seq throughSeq, marked, before the rows it did not replace', async () => {
    const storage = await openStorage();
    await createOwnedDocuments(storage.directory, 'doc');
    await storage.log.append('doc', [Uint8Array.of(1), Uint8Array.of(2), Uint8Array.of(3)]);
    await storage.log.append('doc', [Uint8Array.of(4)]);
    await storage.log.compact('doc', Uint8Array.of(9), 3);

    const rows = inspect().prepare('SELECT seq, is_snapshot FROM document_updates ORDER BY seq').all();
    expect(rows).toEqual([
      { seq: 3, is_snapshot: 1 },
      { seq: 4, is_snapshot: 0 },
    ]);
  });

  it('writes a batch in one transaction: a failing row leaves nothing behind', async () => {
    const storage = await openStorage();
    await createOwnedDocuments(storage.directory, 'doc');
    const created = await storage.directory.getDocument('doc');
    scratch.refuseThreeByteRows('ABORT');

    await expect(storage.log.append('doc', [Uint8Array.of(1), Uint8Array.of(1, 2, 3)], { title: 'T' })).rejects.toThrow(
      'refused by test trigger',
    );
    expect(await storage.log.load('doc')).toEqual({ updates: [], lastSeq: 0, byteLength: 0 });
    // Neither the derived title nor the date of the refused batch was kept.
    expect(await storage.directory.getDocument('doc')).toEqual(created);
  });

  it('shares one file between two instances, as two processes would', async () => {
    const a = await openStorage();
    const b = await openStorage();
    await createOwnedDocuments(a.directory, 'doc');
    await a.log.append('doc', [Uint8Array.of(1)]);
    const seen = await a.log.load('doc');
    await b.log.append('doc', [Uint8Array.of(2)]);
    await a.log.compact('doc', Uint8Array.of(10), seen.lastSeq);

    expect((await b.log.load('doc')).updates).toEqual([Uint8Array.of(10), Uint8Array.of(2)]);
  });

  it('refuses a file that is not a database, naming the path', async () => {
    await writeFile(scratch.path, Buffer.alloc(4096, 'not a database '));
    const error = await openError(new SqliteStorage({ path: scratch.path }));
    expect(error.code).toBe('open-failed');
    expect(error.message).toContain(scratch.path);
    expect(error.message).toMatch(/not a database/);
  });

  it('refuses a path it cannot create', async () => {
    await writeFile(join(scratch.directory, 'file'), 'a file, not a directory');
    scratch.path = join(scratch.directory, 'file', 'quire.db');
    const error = await openError(new SqliteStorage({ path: scratch.path }));
    expect(error.code).toBe('open-failed');
    expect(error.message).toContain(scratch.path);
  });

  it('refuses a directory as the database file', async () => {
    await mkdir(scratch.path);
    const error = await openError(new SqliteStorage({ path: scratch.path }));
    expect(error.code).toBe('open-failed');
  });

  it('refuses a database written by a newer schema', async () => {
    const db = inspect();
    db.pragma('user_version = 999');
    db.close();
    const error = await openError(new SqliteStorage({ path: scratch.path }));
    expect(error.code).toBe('schema-too-new');
    expect(error.message).toContain('999');
  });

  it('refuses an unknown synchronous setting', async () => {
    const storage = new SqliteStorage({ path: scratch.path, synchronous: 'OFF' as 'FULL' });
    expect((await openError(storage)).code).toBe('invalid-argument');
  });

  it('can be opened once the cause of a failed open is fixed', async () => {
    await mkdir(scratch.path);
    const storage = new SqliteStorage({ path: scratch.path });
    scratch.track(storage);
    await openError(storage);
    await rm(scratch.path, { recursive: true });
    await storage.open();
    await createOwnedDocuments(storage.directory, 'doc');
    await storage.log.append('doc', [Uint8Array.of(1)]);
    expect((await storage.log.load('doc')).lastSeq).toBe(1);
  });
});
