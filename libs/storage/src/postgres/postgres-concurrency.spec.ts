import { randomInt } from 'node:crypto';
import { escapeIdentifier, type PoolClient } from 'pg';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { findTestDatabase, uniqueName, withApplicationName } from '../testing';
import { EditedDoc, snapshotOf, textOf } from '../testing/helpers';
import { createOwnedDocuments } from '../testing/test-documents';
import { PostgresStorage, type PostgresStorageOptions } from './postgres-storage';

// Runs under CI=true (and fails there if PostgreSQL is unreachable); elsewhere skips, saying why.
const database = await findTestDatabase('PostgresStorage concurrency');

/** Several instances on one schema, connections that die: what a single process never shows. */
describe.skipIf(!database)('PostgresStorage with other instances and failing connections', () => {
  let schema: string;
  const opened: PostgresStorage[] = [];
  const held: PoolClient[] = [];
  const admin = () => database!.schemas.pool();
  const table = (name: string) => `${escapeIdentifier(schema)}.${name}`;

  beforeEach(() => {
    schema = database!.schemas.next();
  });

  afterEach(async () => {
    for (const client of held.splice(0)) client.release(true);
    await Promise.all(opened.splice(0).map((storage) => storage.close()));
    await database!.schemas.drop(schema);
  });

  afterAll(() => database!.schemas.dropAll());

  /** An opened storage whose connections carry `name` as application_name, to be found in pg_stat_activity. */
  async function openStorage(name = uniqueName('quire_store'), options: Partial<PostgresStorageOptions> = {}) {
    const storage = new PostgresStorage({
      connectionString: withApplicationName(database!.url, name),
      schema,
      ...options,
    });
    opened.push(storage);
    await storage.open();
    return storage;
  }

  /** A connection of the test's own, held until the test ends (for locks that outlive one query). */
  async function holdConnection(): Promise<PoolClient> {
    const client = await admin().connect();
    held.push(client);
    return client;
  }

  /** Whether some connection of `name` waits for a lock of this kind ('advisory', 'transactionid', …). */
  async function isWaitingForLock(name: string, kinds: string[]): Promise<boolean> {
    const { rowCount } = await admin().query(
      `SELECT 1 FROM pg_stat_activity
       WHERE application_name = $1 AND wait_event_type = 'Lock' AND wait_event = ANY($2)`,
      [name, kinds],
    );
    return (rowCount ?? 0) > 0;
  }

  async function waitForLockWait(name: string, kinds: string[]): Promise<void> {
    await waitUntil(`a connection of ${name} to wait for a lock (${kinds.join(', ')})`, () =>
      isWaitingForLock(name, kinds),
    );
  }

  /**
   * Makes an insert of exactly `update` stop inside its transaction, after its seq is drawn, until
   * `release()`: the slow append whose seq is lower than those of appends that start after it.
   */
  async function holdInsertOf(update: Uint8Array): Promise<{ release: () => Promise<void> }> {
    const key = randomInt(1, 2 ** 47);
    await admin().query(`
      CREATE FUNCTION ${table('hold_insert')}() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN PERFORM pg_advisory_xact_lock(${key}); RETURN NEW; END $$;
      CREATE TRIGGER hold_insert BEFORE INSERT ON ${table('document_updates')} FOR EACH ROW
        WHEN (NEW.data = decode('${Buffer.from(update).toString('hex')}', 'hex'))
        EXECUTE FUNCTION ${table('hold_insert')}();
    `);
    const holder = await holdConnection();
    await holder.query('SELECT pg_advisory_lock($1)', [key]);
    return { release: async () => void (await holder.query('SELECT pg_advisory_unlock($1)', [key])) };
  }

  it('loses nothing when two instances append to one document while two others compact it', async () => {
    const [first, second, ...compactors] = await Promise.all([openStorage(), openStorage(), openStorage(), openStorage()]);
    const writers = [
      { storage: first, edited: new EditedDoc(), sent: [] as Uint8Array[] },
      { storage: second, edited: new EditedDoc(), sent: [] as Uint8Array[] },
    ];
    let writing = true;
    let compactions = 0;
    await createOwnedDocuments(first.directory, 'doc');

    // Each compactor snapshots what it loaded, as a server does; their compactions overlap too.
    const compacting = compactors.map(async (compactor) => {
      while (writing) {
        const loaded = await compactor.log.load('doc');
        if (loaded.updates.length < 2) continue;
        await compactor.log.compact('doc', snapshotOf(loaded.updates), loaded.lastSeq);
        compactions += 1;
      }
    });
    await Promise.all(
      writers.map(async ({ storage, edited, sent }, writer) => {
        for (let round = 0; round < 40; round += 1) {
          // Two updates per call, as a group commit stores what arrived together.
          const batch = [edited.type(`${writer}:${round} `), edited.type(`${writer}.${round} `)];
          sent.push(...batch);
          await storage.log.append('doc', batch);
        }
      }),
    ).finally(() => {
      writing = false;
    });
    await Promise.all(compacting);

    const after = await first.log.load('doc');
    expect(compactions).toBeGreaterThan(0);
    // textOf rebuilds a fresh Y.Doc and fails if any update waits for a row that is missing.
    expect(textOf(after.updates)).toBe(textOf(writers.flatMap(({ sent }) => sent)));
    for (const { edited } of writers) expect(textOf(after.updates)).toContain(edited.text);
    const snapshots = await admin().query<{ seq: string }>(
      `SELECT seq FROM ${table('document_updates')} WHERE is_snapshot ORDER BY seq`,
    );
    expect(snapshots.rowCount).toBe(1);
  });

  it('commits a document’s appends in seq order, so a compaction never drops a row its load missed', async () => {
    const slowName = uniqueName('quire_slow');
    const fastName = uniqueName('quire_fast');
    const [slow, fast, compactor] = await Promise.all([openStorage(slowName), openStorage(fastName), openStorage()]);
    const edited = new EditedDoc();
    await createOwnedDocuments(slow.directory, 'doc');
    await slow.log.append('doc', [edited.type('start ')]);
    const early = edited.type('early ');
    const late = edited.type('late');
    const gate = await holdInsertOf(early);

    // The slow append locks the document and draws its seq, then stops before committing.
    const slowAppend = slow.log.append('doc', [early]);
    await waitForLockWait(slowName, ['advisory']);
    // Without the row lock, this append would draw a higher seq and commit first; a load between
    // the two commits would then see `late` without `early`, and a compaction through its lastSeq
    // would delete `early` (lower seq) unseen. Instead it waits for the slow append to commit.
    const fastAppend = fast.log.append('doc', [late]);
    let fastSettled = false;
    void fastAppend.finally(() => (fastSettled = true)).catch(() => undefined);
    await waitUntil('the later append to wait for the earlier one (or to end)', async () => {
      return fastSettled || (await isWaitingForLock(fastName, ['transactionid', 'tuple']));
    });
    expect(fastSettled, 'the append that started later committed first').toBe(false);
    const during = await compactor.log.load('doc');
    expect(textOf(during.updates)).toBe('start ');
    // A compaction through what that load saw also waits, then replaces only what it saw.
    const compaction = compactor.log.compact('doc', snapshotOf(during.updates), during.lastSeq);

    await gate.release();
    const [earlyAppended, lateAppended] = await Promise.all([slowAppend, fastAppend, compaction]);
    expect(lateAppended.lastSeq).toBeGreaterThan(earlyAppended.lastSeq);
    const after = await compactor.log.load('doc');
    expect(after.lastSeq).toBe(lateAppended.lastSeq);
    expect(textOf(after.updates)).toBe('start early late');
  });

  it('does not make appends to other documents wait', async () => {
    const slowName = uniqueName('quire_slow');
    const [slow, other] = await Promise.all([openStorage(slowName), openStorage()]);
    const update = Uint8Array.of(42, 42);
    await createOwnedDocuments(slow.directory, 'doc');
    await createOwnedDocuments(other.directory, 'other');
    const gate = await holdInsertOf(update);

    const slowAppend = slow.log.append('doc', [update]);
    await waitForLockWait(slowName, ['advisory']);
    await other.log.append('other', [Uint8Array.of(1)]);
    await other.log.compact('other', Uint8Array.of(2), (await other.log.load('other')).lastSeq);
    expect((await other.log.load('other')).updates).toEqual([Uint8Array.of(2)]);

    await gate.release();
    await slowAppend;
    expect((await other.log.load('doc')).updates).toEqual([update]);
  });

  it('survives its idle connections dying: onError is told, and the next call connects again', async () => {
    const name = uniqueName('quire_idle');
    const errors: Error[] = [];
    const storage = await openStorage(name, { onError: (error) => errors.push(error) });
    await createOwnedDocuments(storage.directory, 'doc');
    await storage.log.append('doc', [Uint8Array.of(1)]);

    // What a PostgreSQL restart does to every connection the pool keeps open.
    const { rowCount } = await admin().query(
      'SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = $1',
      [name],
    );
    expect(rowCount).toBeGreaterThan(0);
    await waitUntil('onError to be called', async () => errors.length > 0);

    expect(errors[0].message).toMatch(/terminat/);
    await storage.log.append('doc', [Uint8Array.of(2)]);
    expect((await storage.log.load('doc')).updates).toEqual([Uint8Array.of(1), Uint8Array.of(2)]);
  });

  it('rejects a call whose connection dies inside its transaction, and keeps working', async () => {
    const name = uniqueName('quire_killed');
    const storage = await openStorage(name);
    await createOwnedDocuments(storage.directory, 'doc');
    await storage.log.append('doc', [Uint8Array.of(1)]);
    const locker = await holdConnection();
    await locker.query('BEGIN');
    await locker.query(`SELECT 1 FROM ${table('documents')} WHERE id = 'doc' FOR UPDATE`);

    const append = storage.log.append('doc', [Uint8Array.of(2)]);
    const outcome = append.then(
      () => undefined,
      (error: unknown) => error,
    );
    await waitForLockWait(name, ['transactionid', 'tuple']);
    await admin().query('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = $1', [name]);

    expect(await outcome).toMatchObject({ message: expect.stringMatching(/terminat/) });
    await locker.query('ROLLBACK');
    await storage.log.append('doc', [Uint8Array.of(3)]);
    expect((await storage.log.load('doc')).updates).toEqual([Uint8Array.of(1), Uint8Array.of(3)]);
  });
});

/** Polls `check` until it holds; fails naming `what` after 5 s (within the test's 10 s). */
async function waitUntil(what: string, check: () => Promise<boolean>): Promise<void> {
  const deadline = Date.now() + 5_000;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
