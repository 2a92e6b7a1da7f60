import { statSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { PostgresStorage, SqliteStorage, type CommitTiming, type Storage, type UpdateLog, type VersionHistory } from '@quire/storage';
import { MemoryStorage } from '@quire/storage/memory';
import type { BenchContext } from './context';
import { schemaBytes } from './postgres';

/** The stores a benchmark can run over. */
export type StoreKind = 'memory' | 'sqlite-full' | 'sqlite-full-inline' | 'sqlite-normal' | 'postgres';

export const STORE_LABELS: Record<StoreKind, string> = {
  memory: 'memory (no durable write)',
  'sqlite-full': 'SQLite synchronous=FULL',
  'sqlite-full-inline': 'SQLite synchronous=FULL, commit on the event loop',
  'sqlite-normal': 'SQLite synchronous=NORMAL',
  postgres: 'PostgreSQL',
};

/** An open store made for one measurement, and how to get rid of it. */
export interface BenchStore {
  readonly kind: StoreKind;
  readonly label: string;
  /** What the hub writes to, and what the benchmarks measure. */
  readonly log: UpdateLog;
  /** The documents' versions, beside the log. */
  readonly versions: VersionHistory;
  /** Creates an empty document, as the server's API does before anyone writes to it: append never creates one. */
  createDocument(id: string): Promise<void>;
  close(): Promise<void>;
  /** Bytes the store occupies on disk; call after `close()` (SQLite folds its WAL in on close). */
  diskBytes(): Promise<number | undefined>;
  /** Closes the store and removes its files (the PostgreSQL schema goes with the run's database). */
  dispose(): Promise<void>;
  /** Every commit of appends so far, as the storage's `onCommit` told it (none for memory). */
  readonly commits: CommitTiming[];
}

/** The account that owns the benchmarks' documents in the SQL stores: every document has an owner. */
const OWNER = { id: 'bench-owner', email: 'bench@example.com', name: 'Bench', passwordHash: 'not a hash', isAdmin: false };

/** The user id of the benchmarks' documents' owner, an account in the SQL stores: the author to name. */
export const BENCH_USER_ID = OWNER.id;

let made = 0;

/**
 * Opens a fresh, empty store of `kind`: a new SQLite file in its own directory, or a new schema in
 * the run's PostgreSQL database, so no measurement sees another's rows. Returns `undefined` for
 * PostgreSQL when the run has no database (the caller reports why).
 */
export async function openStore(kind: StoreKind, context: BenchContext, purpose: string): Promise<BenchStore | undefined> {
  made += 1;
  const label = STORE_LABELS[kind];
  switch (kind) {
    case 'memory': {
      const storage = new MemoryStorage();
      await storage.open();
      return {
        kind,
        label,
        log: storage.log,
        versions: storage.versions,
        createDocument: async (id) => void (await storage.documents.create(id)),
        close: () => storage.close(),
        diskBytes: async () => undefined,
        dispose: () => storage.close(),
        commits: [],
      };
    }
    case 'sqlite-full':
    case 'sqlite-full-inline':
    case 'sqlite-normal': {
      const directory = await mkdtemp(join(context.tempDir, `${purpose}-${kind}-`));
      const path = join(directory, 'quire.db');
      const commits: CommitTiming[] = [];
      // The inline kind is the writer before issue 24 (item 3): commits hold the event loop.
      const storage = new SqliteStorage({
        path,
        synchronous: kind === 'sqlite-normal' ? 'NORMAL' : 'FULL',
        logWriter: kind === 'sqlite-full-inline' ? 'inline' : 'thread',
        onCommit: (timing) => commits.push(timing),
      });
      return {
        ...(await openSql(kind, label, storage)),
        commits,
        diskBytes: async () => fileBytes(path) + fileBytes(`${path}-wal`),
        dispose: async () => {
          await storage.close();
          await rm(directory, { recursive: true, force: true });
        },
      };
    }
    case 'postgres': {
      const database = context.postgres;
      if (!database.available) return undefined;
      const schema = `bench_${purpose.replace(/[^a-z0-9]/g, '_')}_${made}`;
      const commits: CommitTiming[] = [];
      const storage = new PostgresStorage({ connectionString: database.url, schema, onCommit: (timing) => commits.push(timing) });
      return {
        ...(await openSql(kind, label, storage)),
        commits,
        diskBytes: () => schemaBytes(database.url, schema),
        dispose: () => storage.close(),
      };
    }
  }
}

/** Opens SQL storage with the owner of its documents; the caller adds how to measure and remove it. */
async function openSql(kind: StoreKind, label: string, storage: Storage): Promise<Omit<BenchStore, 'diskBytes' | 'dispose' | 'commits'>> {
  await storage.open();
  await storage.directory.createUser(OWNER);
  return {
    kind,
    label,
    log: storage.log,
    versions: storage.versions,
    createDocument: async (id) => void (await storage.directory.createOwnedDocument(id, OWNER.id)),
    close: () => storage.close(),
  };
}

function fileBytes(path: string): number {
  try {
    return statSync(path).size;
  } catch {
    return 0;
  }
}

/** Why {@link openStore} gave no PostgreSQL store, for the line that says a row was skipped. */
export function unavailableReason(context: BenchContext): string {
  return context.postgres.available ? 'not available' : context.postgres.reason;
}
