import { closeSync, mkdirSync, openSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { StorageError } from '../storage-error';
import { migrate } from './migrations';

/** SQLite's `synchronous` setting; see the README for what each survives. */
export type SqliteSynchronous = 'NORMAL' | 'FULL';

/** How long a write waits for another connection's lock before failing with SQLITE_BUSY. */
const BUSY_TIMEOUT_MS = 5_000;

/**
 * Opens the database file (creating its directory), sets the pragmas Quire relies on and migrates
 * the schema. Any failure closes the connection and throws one error that names the path. A new
 * directory is made owner-only (0700) and a new file owner-only (0600): the database holds the
 * documents, password hashes and the digests of every session and token. SQLite gives its -wal and
 * -shm files the database file's permissions, so they are 0600 too. Existing files keep theirs.
 * A second connection to a database already opened (the log's writer thread) passes
 * `migrateSchema: false`: the first one migrated it.
 */
export function connect(path: string, synchronous: SqliteSynchronous, migrateSchema = true): Database.Database {
  if (synchronous !== 'NORMAL' && synchronous !== 'FULL') {
    throw new StorageError(
      'invalid-argument',
      `SQLite synchronous must be 'NORMAL' or 'FULL', not ${JSON.stringify(synchronous)}`,
    );
  }
  let db: Database.Database | undefined;
  try {
    if (!isInMemory(path)) {
      mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
      createOwnerOnly(path);
    }
    db = new Database(path, { timeout: BUSY_TIMEOUT_MS });
    // journal_mode first: it cannot change inside a transaction, and it reads the file header, so a
    // file that is not a database fails here with a clear cause.
    const journalMode = db.pragma('journal_mode = WAL', { simple: true });
    if (!isInMemory(path) && journalMode !== 'wal') {
      throw new Error(`SQLite kept journal_mode "${String(journalMode)}" instead of WAL`);
    }
    db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
    db.pragma(`synchronous = ${synchronous}`);
    db.pragma('foreign_keys = ON');
    if (migrateSchema) migrate(db, path);
    return db;
  } catch (error) {
    db?.close();
    if (error instanceof StorageError) throw error;
    throw new StorageError(
      'open-failed',
      `Cannot open SQLite database ${path}: ${error instanceof Error ? error.message : String(error)}. ` +
        'Check that the path is a writable file in a writable directory, and that the file is a Quire database',
      { cause: error },
    );
  }
}

/** Creates an empty file readable by its owner only, unless the path exists (an empty file is an empty database). */
function createOwnerOnly(path: string): void {
  try {
    closeSync(openSync(path, 'wx', 0o600));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
}

export function isInMemory(path: string): boolean {
  return path === ':memory:' || path === '';
}
