import type { Pool } from 'pg';
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
import { DocumentStoreError } from '../document-store-error';
import { accountStatementsFor } from './account-statements';
import { migrate } from './migrations';
import { PostgresAccountStore } from './postgres-account-store';
import { createPool, inTransaction } from './pool';
import { statementsFor, type DocumentRow, type Statements, type UpdateRow } from './statements';

/** Options of {@link PostgresDocumentStore}. */
export interface PostgresDocumentStoreOptions {
  /** `postgres://user:password@host:port/database`, as `DATABASE_URL` gives it. */
  readonly connectionString: string;
  readonly pool?: {
    /** Most connections open at once (default 10). */
    readonly max?: number;
    /** How long to wait for a connection, new or free, before the call rejects (default 10 000). */
    readonly connectionTimeoutMs?: number;
  };
  /** Schema holding the tables (default `'public'`); created by `open()` if missing. */
  readonly schema?: string;
  /**
   * Told when an idle pooled connection fails (PostgreSQL restarted, a proxy dropped it). Nothing
   * is lost: the pool drops it and connects again on next use. Errors of calls reject those calls.
   */
  readonly onError?: (error: Error) => void;
}

/** PostgreSQL truncates longer identifiers, so two long schema names could silently be one. */
const MAX_IDENTIFIER_BYTES = 63;

/**
 * A {@link DocumentStore} in PostgreSQL (pg, a pool of connections). Several stores, in one process
 * or many, may share a schema: a document's appends and compactions take its `documents` row lock,
 * so they run one at a time and a document's seqs are in commit order.
 */
export class PostgresDocumentStore implements DocumentStoreWithAccounts {
  private state: StoreState = 'new';
  private pool: Pool | undefined;
  private opening: Promise<void> | undefined;
  private closing: Promise<void> | undefined;
  private readonly schema: string;
  private readonly statements: Statements;

  /** Accounts, memberships and links, on this store's pool; usable while the store is open. */
  readonly accounts: AccountStore;

  constructor(private readonly options: PostgresDocumentStoreOptions) {
    this.schema = options.schema ?? 'public';
    this.statements = statementsFor(this.schema);
    this.accounts = new PostgresAccountStore(accountStatementsFor(this.schema), this.statements, () => this.use());
  }

  async open(): Promise<void> {
    if (this.state === 'open') return;
    if (this.state === 'closed') checkOpen('PostgresDocumentStore', this.state);
    this.opening ??= this.connect().finally(() => {
      this.opening = undefined;
    });
    await this.opening;
  }

  async createDocument(id: string, title?: string): Promise<DocumentInfo> {
    const { rows } = await this.use().query<DocumentRow>(this.statements.insertDocument, [
      id,
      title ?? '',
      title !== undefined,
    ]);
    if (rows.length === 0) throw documentExists(id);
    return info(rows[0]);
  }

  async getDocument(id: string): Promise<DocumentInfo | undefined> {
    const { rows } = await this.use().query<DocumentRow>(this.statements.getDocument, [id]);
    return rows.length === 0 ? undefined : info(rows[0]);
  }

  async listDocuments(): Promise<DocumentInfo[]> {
    const { rows } = await this.use().query<DocumentRow>(this.statements.listDocuments);
    return rows.map(info);
  }

  async load(id: string): Promise<StoredDocument> {
    // One statement reads one snapshot of the log, even while other connections write.
    const { rows } = await this.use().query<UpdateRow>(this.statements.loadUpdates, [id]);
    return {
      updates: rows.map(({ data }) => ownBytes(data)),
      lastSeq: rows.length === 0 ? 0 : toSeq(rows[rows.length - 1].seq_text),
      byteLength: rows.reduce((sum, { data }) => sum + data.byteLength, 0),
    };
  }

  async append(id: string, updates: readonly Uint8Array[], options: AppendOptions = {}): Promise<{ lastSeq: number }> {
    const pool = this.use();
    checkUpdates(id, updates);
    // Nothing to write: do not touch the document's dates.
    if (updates.length === 0) {
      const { rows } = await pool.query<{ last_seq: string | null }>(this.statements.lastSeq, [id]);
      return { lastSeq: toSeq(rows[0].last_seq) };
    }
    // One statement, one round trip: in autocommit it is its own transaction.
    const { rows } = await pool.query<{ last_seq: string | null }>(this.statements.appendUpdates, [id, updates, options.title ?? null]);
    // No row was locked, so nothing was inserted: the document does not exist (or was just deleted).
    if (rows[0].last_seq === null) throw noSuchDocument(id, 'append');
    // Converted here: a seq JavaScript cannot represent is an error, not a wrong number.
    return { lastSeq: toSeq(rows[0].last_seq) };
  }

  async compact(id: string, snapshot: Uint8Array, throughSeq: number): Promise<void> {
    const pool = this.use();
    checkCompaction(id, snapshot, throughSeq);
    await inTransaction(pool, async (client) => {
      // Waits for an append in progress; the statements after it see every row committed before.
      const locked = await client.query(this.statements.lockDocument, [id]);
      if (locked.rowCount === 0) throw noSuchDocument(id, 'compact');
      const { rows } = await client.query<{ last_seq: string | null; newest_covered: string | null }>(
        this.statements.logBounds,
        [id, throughSeq],
      );
      checkThroughSeqReached(id, throughSeq, toSeq(rows[0].last_seq));
      // Nothing left to replace: a newer compaction already covers these rows, and this snapshot is stale.
      if (rows[0].newest_covered === null) return;
      await client.query(this.statements.deleteThrough, [id, throughSeq]);
      // The snapshot takes the slot of the newest row it replaces, so it stays before every row it did not.
      await client.query(this.statements.insertSnapshot, [rows[0].newest_covered, id, snapshot]);
    });
  }

  async setTitle(id: string, title: string): Promise<void> {
    const { rowCount } = await this.use().query(this.statements.setTitle, [title, id]);
    if (rowCount === 0) throw noSuchDocument(id, 'set the title');
  }

  async close(): Promise<void> {
    if (this.state !== 'closed') {
      const pool = this.pool;
      this.state = 'closed';
      this.pool = undefined;
      // Waits for the calls in flight to give their connections back, then closes them all.
      this.closing = pool?.end();
    }
    await this.closing;
  }

  private use(): Pool {
    checkOpen('PostgresDocumentStore', this.state);
    return this.pool as Pool;
  }

  /** Connects and migrates; on failure closes what it opened and rejects with a clear error. */
  private async connect(): Promise<void> {
    checkOptions(this.options, this.schema);
    const pool = createPool({
      connectionString: this.options.connectionString,
      max: this.options.pool?.max ?? 10,
      connectionTimeoutMs: this.options.pool?.connectionTimeoutMs ?? 10_000,
      onError: this.options.onError,
    });
    try {
      await migrate(pool, this.schema);
    } catch (error) {
      // Already failing: the pool holds no connection worth reporting about.
      await pool.end().catch(() => undefined);
      if (error instanceof DocumentStoreError) throw error;
      throw new DocumentStoreError(
        'open-failed',
        `Cannot open PostgreSQL database ${describeTarget(this.options.connectionString)} ` +
          `(schema "${this.schema}"): ${describeError(error)}. ` +
          'Check that PostgreSQL runs there and accepts this user, and that DATABASE_URL names it',
        { cause: error },
      );
    }
    if (this.state === 'closed') {
      // close() was called while opening: leave nothing open behind it.
      await pool.end();
      checkOpen('PostgresDocumentStore', this.state);
    }
    this.pool = pool;
    this.state = 'open';
  }
}

function checkOptions(options: PostgresDocumentStoreOptions, schema: string): void {
  if (typeof options.connectionString !== 'string' || options.connectionString === '') {
    throw new DocumentStoreError(
      'invalid-argument',
      'PostgreSQL connectionString is empty: pass postgres://user@host:port/database',
    );
  }
  if (schema === '' || schema.includes('\0') || Buffer.byteLength(schema) > MAX_IDENTIFIER_BYTES) {
    throw new DocumentStoreError(
      'invalid-argument',
      `PostgreSQL schema ${JSON.stringify(schema)} is not a usable name: give 1 to ${MAX_IDENTIFIER_BYTES} bytes`,
    );
  }
  for (const [name, value] of Object.entries(options.pool ?? {})) {
    if (value !== undefined && !(Number.isSafeInteger(value) && value > 0)) {
      throw new DocumentStoreError(
        'invalid-argument',
        `PostgreSQL pool.${name} must be a positive integer, not ${value}`,
      );
    }
  }
}

/** A `seq` as pg gives a bigint (text), as a number; refuses what a number cannot hold exactly. */
function toSeq(text: string | null): number {
  if (text === null) return 0;
  const seq = Number(text);
  if (!Number.isSafeInteger(seq)) {
    throw new RangeError(
      `Sequence number ${text} is beyond Number.MAX_SAFE_INTEGER: the document_updates sequence has run too far`,
    );
  }
  return seq;
}

/**
 * The bytes as a plain Uint8Array the caller owns. pg decodes small values into Node's shared
 * Buffer pool: those are copied, so that no caller holds a view over other rows' memory.
 */
function ownBytes(buffer: Buffer): Uint8Array {
  if (buffer.byteOffset === 0 && buffer.byteLength === buffer.buffer.byteLength) {
    return new Uint8Array(buffer.buffer, 0, buffer.byteLength);
  }
  return new Uint8Array(buffer);
}

function info(row: DocumentRow): DocumentInfo {
  return { id: row.id, title: row.title, createdAt: row.created_at, updatedAt: row.updated_at };
}

/** The connection string without its password, for messages. */
function describeTarget(connectionString: string): string {
  try {
    const url = new URL(connectionString);
    if (url.password) url.password = '***';
    return url.toString();
  } catch {
    return 'at the configured connection string';
  }
}

/** A driver error's message; a refused `localhost` fails once per address, with an empty message. */
function describeError(error: unknown): string {
  if (error instanceof AggregateError && error.message === '') {
    return error.errors.map(describeError).join('; ');
  }
  if (error instanceof Error) return error.message || error.name;
  return String(error);
}
