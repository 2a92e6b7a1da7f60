import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach } from 'vitest';
import { SqliteStorage, type SqliteStorageOptions } from '../sqlite/sqlite-storage';

/** What {@link useScratchDatabase} gives a spec: a database path of its own per test. */
export interface ScratchDatabase {
  /** A fresh directory per test, removed after it. */
  readonly directory: string;
  /** `quire.db` in {@link directory}, unless a test points it elsewhere (reset for each test). */
  path: string;
  /** Opened storage on {@link path} (or `options.path`), closed after the test. */
  openStorage(options?: Partial<SqliteStorageOptions>): Promise<SqliteStorage>;
  /** A second, plain connection to look at the file as SQLite sees it, closed after the test. */
  inspect(): Database.Database;
  /** Closes `handle` after the test. */
  track<T extends { close(): unknown }>(handle: T): T;
  /**
   * Makes SQLite refuse every 3-byte update row, by `RAISE(ABORT)` (the statement fails, its
   * transaction goes on) or `RAISE(ROLLBACK)` (the whole transaction is rolled back).
   */
  refuseThreeByteRows(how: 'ABORT' | 'ROLLBACK'): void;
}

/** For SQLite specs: a scratch directory and database per test, and everything opened in it closed after. */
export function useScratchDatabase(prefix: string): ScratchDatabase {
  let directory = '';
  let path = '';
  const opened: { close(): unknown }[] = [];
  beforeEach(async () => {
    directory = await mkdtemp(join(tmpdir(), `quire-${prefix}-`));
    path = join(directory, 'quire.db');
  });
  afterEach(async () => {
    for (const handle of opened.splice(0)) await handle.close();
    await rm(directory, { recursive: true, force: true });
  });
  return {
    get directory() {
      return directory;
    },
    get path() {
      return path;
    },
    set path(value: string) {
      path = value;
    },
    async openStorage(options = {}) {
      const storage = this.track(new SqliteStorage({ path, ...options }));
      await storage.open();
      return storage;
    },
    inspect() {
      return this.track(new Database(path));
    },
    track(handle) {
      opened.push(handle);
      return handle;
    },
    refuseThreeByteRows(how) {
      this.inspect().exec(`
        CREATE TRIGGER refuse_three_bytes BEFORE INSERT ON document_updates WHEN length(NEW.data) = 3
        BEGIN SELECT RAISE(${how}, 'refused by test trigger'); END;
      `);
    },
  };
}
