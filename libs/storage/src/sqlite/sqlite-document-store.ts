import type Database from 'better-sqlite3';
import {
  checkCompaction,
  checkOpen,
  checkThroughSeqReached,
  checkUpdates,
  documentExists,
  noSuchDocument,
  type StoreState,
} from '../checks';
import type { AccountStore, DocumentStoreWithAccounts } from '../account-store';
import type { AppendOptions, DocumentInfo, StoredDocument } from '../document-store';
import { prepareAccountConnection, type AccountConnection } from './account-connection';
import { connect, type SqliteSynchronous } from './connect';
import { SqliteAccountStore } from './sqlite-account-store';
import { prepareStatements, type DocumentRow, type Statements } from './statements';

/** Options of {@link SqliteDocumentStore}. */
export interface SqliteDocumentStoreOptions {
  /** Database file; its directory is created if missing. `':memory:'` for a throwaway database. */
  readonly path: string;
  /** `'FULL'` (default) survives power loss; `'NORMAL'` survives a process crash only. See the README. */
  readonly synchronous?: SqliteSynchronous;
}

/**
 * A {@link DocumentStore} in one SQLite file (better-sqlite3, WAL). The driver is synchronous: each
 * call holds the event loop until SQLite is done, and its errors surface as the promise's rejection.
 *
 * Appends wait for the end of the event-loop turn and commit together, each in its own savepoint:
 * one fsync per turn instead of one per document, which is what a server with many documents
 * open is limited by. Every other call commits the waiting appends first, so calls keep their order.
 */
export class SqliteDocumentStore implements DocumentStoreWithAccounts {
  private state: StoreState = 'new';
  private connection: Connection | undefined;
  private queued: QueuedAppend[] = [];
  private flushTimer: NodeJS.Immediate | undefined;

  /** Accounts, memberships and links, on this store's connection; usable while the store is open. */
  readonly accounts: AccountStore = new SqliteAccountStore(() => this.use().accounts);

  constructor(private readonly options: SqliteDocumentStoreOptions) {}

  async open(): Promise<void> {
    if (this.state === 'open') return;
    if (this.state === 'closed') checkOpen('SqliteDocumentStore', this.state);
    this.connection = prepare(connect(this.options.path, this.options.synchronous ?? 'FULL'));
    this.state = 'open';
  }

  async createDocument(id: string, title?: string): Promise<DocumentInfo> {
    const { statements } = this.use();
    const now = Date.now();
    const { changes } = statements.insertDocument.run(id, title ?? '', title === undefined ? 0 : 1, now, now);
    if (changes === 0) throw documentExists(id);
    return { id, title: title ?? '', createdAt: new Date(now), updatedAt: new Date(now) };
  }

  async getDocument(id: string): Promise<DocumentInfo | undefined> {
    const row = this.use().statements.getDocument.get(id);
    return row && info(row);
  }

  async listDocuments(): Promise<DocumentInfo[]> {
    return this.use().statements.listDocuments.all().map(info);
  }

  async load(id: string): Promise<StoredDocument> {
    // One statement reads one consistent snapshot of the WAL, even while another connection writes.
    const rows = this.use().statements.loadUpdates.all(id);
    return {
      // Plain Uint8Array views (no copy) of the Buffers the driver allocated for this result alone.
      updates: rows.map(({ data }) => new Uint8Array(data.buffer, data.byteOffset, data.byteLength)),
      lastSeq: rows.at(-1)?.seq ?? 0,
      byteLength: rows.reduce((sum, { data }) => sum + data.byteLength, 0),
    };
  }

  async append(id: string, updates: readonly Uint8Array[], options: AppendOptions = {}): Promise<{ lastSeq: number }> {
    checkOpen('SqliteDocumentStore', this.state);
    checkUpdates(id, updates);
    // Nothing to write: do not create the document nor touch its dates.
    if (updates.length === 0) return { lastSeq: this.use().statements.lastSeq.get(id) ?? 0 };
    // Copied now: the caller may reuse its buffers before the turn ends, and the store keeps its own copy.
    const copies = updates.map((update) => new Uint8Array(update));
    return new Promise((resolve, reject) => {
      this.queued.push({ id, updates: copies, title: options.title ?? null, resolve, reject });
      this.flushTimer ??= setImmediate(() => this.flush());
    });
  }

  async compact(id: string, snapshot: Uint8Array, throughSeq: number): Promise<void> {
    const connection = this.use();
    checkCompaction(id, snapshot, throughSeq);
    connection.compact(id, snapshot, throughSeq);
  }

  async setTitle(id: string, title: string): Promise<void> {
    const { changes } = this.use().statements.setTitle.run(title, id);
    if (changes === 0) throw noSuchDocument(id, 'set the title');
  }

  async close(): Promise<void> {
    // Accepted appends are stored (or rejected with their error), never dropped.
    this.flush();
    const connection = this.connection;
    this.state = 'closed';
    this.connection = undefined;
    connection?.db.close();
  }

  /** The connection, once the appends made before this call are committed, so that calls keep their order. */
  private use(): Connection {
    checkOpen('SqliteDocumentStore', this.state);
    this.flush();
    return this.connection as Connection;
  }

  /** Commits the queued appends in one transaction, then settles their promises: resolved means durable. */
  private flush(): void {
    if (this.flushTimer) clearImmediate(this.flushTimer);
    this.flushTimer = undefined;
    const batch = this.queued;
    if (batch.length === 0) return;
    this.queued = [];
    let outcomes: AppendOutcome[];
    try {
      outcomes = (this.connection as Connection).appendAll(batch);
    } catch (error) {
      // The transaction itself failed (lock, I/O, a rollback of the whole): none of the batch is stored.
      for (const append of batch) append.reject(error);
      return;
    }
    batch.forEach((append, index) => {
      const outcome = outcomes[index];
      if ('error' in outcome) append.reject(outcome.error);
      else append.resolve(outcome);
    });
  }
}

/** An accepted append, waiting for the end of the turn. */
interface QueuedAppend {
  readonly id: string;
  readonly updates: readonly Uint8Array[];
  readonly title: string | null;
  readonly resolve: (result: { lastSeq: number }) => void;
  readonly reject: (error: unknown) => void;
}

type AppendOutcome = { lastSeq: number } | { error: unknown };

/** An open database with its statements and transactions, prepared once. */
interface Connection {
  readonly db: Database.Database;
  readonly statements: Statements;
  /** One outcome per append, in order; throws when the transaction as a whole fails. */
  readonly appendAll: (batch: readonly QueuedAppend[]) => AppendOutcome[];
  readonly compact: (id: string, snapshot: Uint8Array, throughSeq: number) => void;
  readonly accounts: AccountConnection;
}

// Write transactions are IMMEDIATE: they take the write lock before their first read, so another
// process writing meanwhile makes them wait (busy_timeout) instead of fail with SQLITE_BUSY.
function prepare(db: Database.Database): Connection {
  const statements = prepareStatements(db);
  // Run inside appendAll, this is a savepoint: a refused append undoes its own rows only.
  const appendOne = db.transaction(({ id, updates, title }: QueuedAppend) => {
    if (statements.touchDocument.run({ id, title, now: Date.now() }).changes === 0) throw noSuchDocument(id, 'append');
    let lastSeq = 0;
    for (const update of updates) lastSeq = Number(statements.insertUpdate.run(id, update).lastInsertRowid);
    return lastSeq;
  });
  const appendAll = db.transaction((batch: readonly QueuedAppend[]) =>
    batch.map((append): AppendOutcome => {
      try {
        return { lastSeq: appendOne(append) };
      } catch (error) {
        // SQLite rolled back the whole transaction (I/O error, full disk, RAISE(ROLLBACK)): the appends
        // before this one are gone too, and those after it must not commit on their own.
        if (!db.inTransaction) throw error;
        return { error };
      }
    }),
  );
  const compact = db.transaction((id: string, snapshot: Uint8Array, throughSeq: number) => {
    if (!statements.getDocument.get(id)) throw noSuchDocument(id, 'compact');
    checkThroughSeqReached(id, throughSeq, statements.lastSeq.get(id) ?? 0);
    const newestCovered = statements.lastSeqThrough.get(id, throughSeq);
    // Nothing left to replace: a newer compaction already covers these rows, and this snapshot is stale.
    if (newestCovered === null || newestCovered === undefined) return;
    statements.deleteThrough.run(id, throughSeq);
    // The snapshot takes the slot of the newest row it replaces, so it stays before every row it did not.
    statements.insertSnapshot.run(newestCovered, id, snapshot);
  });
  return {
    db,
    statements,
    appendAll: appendAll.immediate,
    compact: compact.immediate,
    accounts: prepareAccountConnection(db, statements),
  };
}

function info(row: DocumentRow): DocumentInfo {
  return {
    id: row.id,
    title: row.title,
    createdAt: new Date(row.created_at),
    updatedAt: new Date(row.updated_at),
  };
}
