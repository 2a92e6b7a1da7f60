import { createServer } from 'node:net';
import { escapeIdentifier } from 'pg';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { StorageError } from '../storage-error';
import { findTestDatabase } from '../testing';
import { migrations } from './migrations';
import { PostgresStorage, type PostgresStorageOptions } from './postgres-storage';
import { createOwnedDocuments, DOCUMENT_OWNER } from '../testing/test-documents';

// Runs under CI=true (and fails there if PostgreSQL is unreachable); elsewhere skips, saying why.
const database = await findTestDatabase('PostgresStorage');

describe.skipIf(!database)('PostgresStorage', () => {
  let schema: string;
  const opened: PostgresStorage[] = [];
  const admin = () => database!.schemas.pool();
  const table = (name: string) => `${escapeIdentifier(schema)}.${name}`;

  beforeEach(() => {
    schema = database!.schemas.next();
  });

  afterEach(async () => {
    await Promise.all(opened.splice(0).map((storage) => storage.close()));
    await database!.schemas.drop(schema);
  });

  afterAll(() => database!.schemas.dropAll());

  /** Every step, each applied once. */
  const allVersions = migrations.map(({ version }) => version);

  function makeStorage(options: Partial<PostgresStorageOptions> = {}): PostgresStorage {
    const storage = new PostgresStorage({ connectionString: database!.url, schema, ...options });
    opened.push(storage);
    return storage;
  }

  async function openStorage(options: Partial<PostgresStorageOptions> = {}): Promise<PostgresStorage> {
    const storage = makeStorage(options);
    await storage.open();
    return storage;
  }

  async function openError(storage: PostgresStorage): Promise<StorageError> {
    const error = await storage.open().then(
      () => undefined,
      (reason: unknown) => reason,
    );
    expect(error).toBeInstanceOf(StorageError);
    return error as StorageError;
  }

  async function appliedVersions(): Promise<number[]> {
    const { rows } = await admin().query<{ version: number }>(
      `SELECT version FROM ${table('schema_migrations')} ORDER BY version`,
    );
    return rows.map(({ version }) => version);
  }

  it('creates the schema and its tables on open, with the types of the design', async () => {
    await openStorage();
    const { rows } = await admin().query<{ table_name: string; column_name: string; data_type: string }>(
      `SELECT table_name, column_name, data_type FROM information_schema.columns
       WHERE table_schema = $1 AND table_name IN ('documents', 'document_updates')
       ORDER BY table_name, ordinal_position`,
      [schema],
    );
    expect(rows.map((row) => `${row.table_name}.${row.column_name} ${row.data_type}`)).toEqual([
      'document_updates.seq bigint',
      'document_updates.document_id text',
      'document_updates.data bytea',
      'document_updates.is_snapshot boolean',
      'document_updates.author text',
      'documents.id text',
      'documents.title text',
      'documents.title_explicit boolean',
      'documents.created_at timestamp with time zone',
      'documents.updated_at timestamp with time zone',
      'documents.deleted_at timestamp with time zone',
      'documents.folder_id text',
    ]);
    const indexes = await admin().query<{ indexdef: string }>(
      "SELECT indexdef FROM pg_indexes WHERE schemaname = $1 AND indexname = 'document_updates_document_seq'",
      [schema],
    );
    expect(indexes.rows[0]?.indexdef).toMatch(/\(document_id, seq\)$/);
    const foreignKeys = await admin().query<{ delete_rule: string }>(
      `SELECT delete_rule FROM information_schema.referential_constraints
       WHERE constraint_schema = $1 AND constraint_name = 'document_updates_document_id_fkey'`,
      [schema],
    );
    expect(foreignKeys.rows).toEqual([{ delete_rule: 'CASCADE' }]);
    expect(await appliedVersions()).toEqual(allVersions);
  });

  it('applies the migrations once and leaves data alone on every later open', async () => {
    const first = await openStorage();
    await createOwnedDocuments(first.directory, 'doc');
    await first.log.append('doc', [Uint8Array.of(1)], { title: 'Kept' });
    await first.close();
    await (await openStorage()).close();
    const third = await openStorage();

    expect(await appliedVersions()).toEqual(allVersions);
    expect((await third.log.load('doc')).updates).toEqual([Uint8Array.of(1)]);
    expect((await third.directory.getDocument('doc'))?.title).toBe('Kept');
  });

  it('migrates once when several storages open a new schema at the same moment', async () => {
    const storages = Array.from({ length: 6 }, () => makeStorage());
    await Promise.all(storages.map((storage) => storage.open()));

    expect(await appliedVersions()).toEqual(allVersions);
    await Promise.all(storages.map((storage, index) => createOwnedDocuments(storage.directory, `doc-${index}`)));
    await Promise.all(storages.map((storage, index) => storage.log.append(`doc-${index}`, [Uint8Array.of(index + 1)])));
    expect(await storages[0].directory.listMemberDocuments(DOCUMENT_OWNER.id)).toHaveLength(storages.length);
  });

  it('refuses a schema written by a newer Quire', async () => {
    await (await openStorage()).close();
    await admin().query(`INSERT INTO ${table('schema_migrations')} (version) VALUES (999)`);

    const error = await openError(makeStorage());
    expect(error.code).toBe('schema-too-new');
    expect(error.message).toContain('999');
    expect(error.message).toContain(schema);
  });

  it('stores the snapshot at seq throughSeq, marked, before the rows it did not replace', async () => {
    const storage = await openStorage();
    await createOwnedDocuments(storage.directory, 'doc');
    const first = await storage.log.append('doc', [Uint8Array.of(1), Uint8Array.of(2), Uint8Array.of(3)]);
    const later = await storage.log.append('doc', [Uint8Array.of(4)]);
    await storage.log.compact('doc', Uint8Array.of(9), first.lastSeq);

    const { rows } = await admin().query(`SELECT seq::int, is_snapshot FROM ${table('document_updates')} ORDER BY seq`);
    expect(rows).toEqual([
      { seq: first.lastSeq, is_snapshot: true },
      { seq: later.lastSeq, is_snapshot: false },
    ]);
  });

  it('keeps a large batch in the order given', async () => {
    const storage = await openStorage();
    const updates = Array.from({ length: 300 }, (_, index) => Uint8Array.of(index >> 8, index & 0xff));
    await createOwnedDocuments(storage.directory, 'doc');
    const { lastSeq } = await storage.log.append('doc', updates);

    const loaded = await storage.log.load('doc');
    expect(loaded.updates).toEqual(updates);
    expect(loaded.lastSeq).toBe(lastSeq);
  });

  it('writes a batch in one transaction: a failing row leaves nothing behind', async () => {
    const storage = await openStorage();
    await createOwnedDocuments(storage.directory, 'doc');
    const created = await storage.directory.getDocument('doc');
    await admin().query(`
      CREATE FUNCTION ${table('refuse_three_bytes')}() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN RAISE EXCEPTION 'refused by test trigger'; END $$;
      CREATE TRIGGER refuse_three_bytes BEFORE INSERT ON ${table('document_updates')}
        FOR EACH ROW WHEN (length(NEW.data) = 3) EXECUTE FUNCTION ${table('refuse_three_bytes')}();
    `);

    await expect(storage.log.append('doc', [Uint8Array.of(1), Uint8Array.of(1, 2, 3)], { title: 'T' })).rejects.toThrow(
      'refused by test trigger',
    );
    expect(await storage.log.load('doc')).toEqual({ updates: [], lastSeq: 0, byteLength: 0 });
    // Neither the derived title nor the date of the refused batch was kept.
    expect(await storage.directory.getDocument('doc')).toEqual(created);
  });

  it('refuses a seq beyond what a JavaScript number holds, and writes nothing', async () => {
    const storage = await openStorage();
    await createOwnedDocuments(storage.directory, 'doc');
    await storage.log.append('doc', [Uint8Array.of(1)]);
    await admin().query(`ALTER SEQUENCE ${table('document_updates_seq_seq')} RESTART WITH 9007199254740993`);

    await expect(storage.log.append('doc', [Uint8Array.of(2)])).rejects.toThrow(/beyond Number.MAX_SAFE_INTEGER/);
    expect((await storage.log.load('doc')).updates).toEqual([Uint8Array.of(1)]);
  });

  it('quotes the schema name, whatever it holds', async () => {
    schema = `${database!.schemas.next()} "Odd"; Name`;
    const storage = await openStorage();
    await createOwnedDocuments(storage.directory, 'doc');
    await storage.log.append('doc', [Uint8Array.of(1), Uint8Array.of(2)]);
    await storage.log.compact('doc', Uint8Array.of(12), (await storage.log.load('doc')).lastSeq);
    await storage.log.append('doc', [Uint8Array.of(3)]);

    expect((await storage.log.load('doc')).updates).toEqual([Uint8Array.of(12), Uint8Array.of(3)]);
    expect(await appliedVersions()).toEqual(allVersions);
  });

  it('keeps schemas apart on one database', async () => {
    const first = await openStorage();
    const firstSchema = schema;
    schema = database!.schemas.next();
    const second = await openStorage();
    await createOwnedDocuments(first.directory, 'doc');
    await first.log.append('doc', [Uint8Array.of(1)]);

    expect(await second.log.load('doc')).toEqual({ updates: [], lastSeq: 0, byteLength: 0 });
    await database!.schemas.drop(firstSchema);
  });

  it('rejects open() on a closed port with an error that names the server, without the password', async () => {
    const port = await closedPort();
    for (const host of ['127.0.0.1', 'localhost']) {
      const connectionString = `postgres://quire:secret-password@${host}:${port}/quire`;
      const error = await openError(makeStorage({ connectionString }));

      expect(error.code).toBe('open-failed');
      expect(error.message).toContain(`${host}:${port}`);
      expect(error.message).toContain('ECONNREFUSED');
      expect(error.message).not.toContain('secret-password');
      expect(error.cause).toBeInstanceOf(Error);
    }
  });

  it('refuses calls before open() succeeds, and after a failed open()', async () => {
    const storage = makeStorage({ connectionString: `postgres://postgres@127.0.0.1:${await closedPort()}/test` });
    await openError(storage);
    await expect(storage.log.load('doc')).rejects.toMatchObject({ code: 'not-open' });
  });

  it('refuses a bad schema name or pool size from open()', async () => {
    expect((await openError(makeStorage({ schema: '' }))).code).toBe('invalid-argument');
    expect((await openError(makeStorage({ schema: 'x'.repeat(64) }))).code).toBe('invalid-argument');
    expect((await openError(makeStorage({ pool: { max: 0 } }))).code).toBe('invalid-argument');
    expect((await openError(makeStorage({ connectionString: '' }))).code).toBe('invalid-argument');
  });

  it('can be closed while open() is still running, leaving nothing open', async () => {
    const storage = makeStorage();
    const opening = storage.open();
    await storage.close();

    await expect(opening).rejects.toMatchObject({ code: 'closed' });
    await expect(storage.log.load('doc')).rejects.toMatchObject({ code: 'closed' });
  });
});

/** A TCP port nothing listens on: one the OS just gave out and took back. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise((resolve) => server.close(resolve));
  if (address === null || typeof address === 'string') throw new Error('No TCP port was assigned');
  return address.port;
}
