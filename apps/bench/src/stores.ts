import { statSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { MemoryDocumentStore, PostgresDocumentStore, SqliteDocumentStore, type DocumentStore } from '@quire/storage';
import type { BenchContext } from './context';
import { schemaBytes } from './postgres';

/** The stores a benchmark can run over. */
export type StoreKind = 'memory' | 'sqlite-full' | 'sqlite-normal' | 'postgres';

export const STORE_LABELS: Record<StoreKind, string> = {
  memory: 'memory (no durable write)',
  'sqlite-full': 'SQLite synchronous=FULL',
  'sqlite-normal': 'SQLite synchronous=NORMAL',
  postgres: 'PostgreSQL',
};

/** An open store made for one measurement, and how to get rid of it. */
export interface BenchStore {
  readonly kind: StoreKind;
  readonly label: string;
  readonly store: DocumentStore;
  /** Bytes the store occupies on disk; call after `close()` (SQLite folds its WAL in on close). */
  diskBytes(): Promise<number | undefined>;
  /** Closes the store and removes its files (the PostgreSQL schema goes with the run's database). */
  dispose(): Promise<void>;
}

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
      const store = new MemoryDocumentStore();
      await store.open();
      return { kind, label, store, diskBytes: async () => undefined, dispose: () => store.close() };
    }
    case 'sqlite-full':
    case 'sqlite-normal': {
      const directory = await mkdtemp(join(context.tempDir, `${purpose}-${kind}-`));
      const path = join(directory, 'quire.db');
      const store = new SqliteDocumentStore({ path, synchronous: kind === 'sqlite-full' ? 'FULL' : 'NORMAL' });
      await store.open();
      return {
        kind,
        label,
        store,
        diskBytes: async () => fileBytes(path) + fileBytes(`${path}-wal`),
        dispose: async () => {
          await store.close();
          await rm(directory, { recursive: true, force: true });
        },
      };
    }
    case 'postgres': {
      const database = context.postgres;
      if (!database.available) return undefined;
      const schema = `bench_${purpose.replace(/[^a-z0-9]/g, '_')}_${made}`;
      const store = new PostgresDocumentStore({ connectionString: database.url, schema });
      await store.open();
      return {
        kind,
        label,
        store,
        diskBytes: () => schemaBytes(database.url, schema),
        dispose: () => store.close(),
      };
    }
  }
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
