import type { Pool } from 'pg';
import { checkOpen, type StoreState } from '../checks';
import type { CommentStore } from '../comment-store';
import type { Directory } from '../directory';
import type { Storage } from '../storage';
import { StorageError } from '../storage-error';
import type { UpdateLog } from '../update-log';
import type { VersionHistory } from '../version-history';
import { directoryStatementsFor } from './directory-statements';
import { logStatementsFor } from './log-statements';
import { migrate } from './migrations';
import { createPool } from './pool';
import { PostgresCommentStore } from './postgres-comment-store';
import { PostgresDirectory } from './postgres-directory';
import type { SearchIndex } from '../search-index';
import { PostgresSearchIndex } from './postgres-search-index';
import type { WebhookStore } from '../webhook-store';
import { PostgresWebhookStore } from './postgres-webhook-store';
import type { FolderStore } from '../folder-store';
import { PostgresFolderStore } from './postgres-folder-store';
import type { PeopleStore } from '../people-store';
import { PostgresPeopleStore } from './postgres-people-store';
import { PostgresUpdateLog } from './postgres-update-log';
import type { CommitObserver } from '../commit-timing';
import { PostgresVersionHistory } from './postgres-version-history';
import { versionStatementsFor } from './version-statements';

/** Options of {@link PostgresStorage}. */
export interface PostgresStorageOptions {
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
  /**
   * Told of every append's commit (each is its own transaction, one statement): its latency, and
   * the event-loop time it took (sending the query; the wait for PostgreSQL holds nothing).
   */
  readonly onCommit?: CommitObserver;
}

/** PostgreSQL truncates longer identifiers, so two long schema names could silently be one. */
const MAX_IDENTIFIER_BYTES = 63;

/**
 * {@link Storage} in PostgreSQL (pg), on one pool of connections that the update log, the
 * directory and the version history share. Several storages, in one process or many, may share a schema.
 */
export class PostgresStorage implements Storage {
  private state: StoreState = 'new';
  private pool: Pool | undefined;
  private opening: Promise<void> | undefined;
  private closing: Promise<void> | undefined;
  private readonly schema: string;

  readonly log: UpdateLog;
  readonly directory: Directory;
  readonly versions: VersionHistory;
  readonly comments: CommentStore;
  readonly search: SearchIndex;
  readonly webhooks: WebhookStore;
  readonly folders: FolderStore;
  readonly people: PeopleStore;

  constructor(private readonly options: PostgresStorageOptions) {
    this.schema = options.schema ?? 'public';
    this.log = new PostgresUpdateLog(logStatementsFor(this.schema), () => this.use(), options.onCommit);
    this.directory = new PostgresDirectory(directoryStatementsFor(this.schema), () => this.use(), this.schema);
    this.search = new PostgresSearchIndex(this.schema, () => this.use());
    this.versions = new PostgresVersionHistory(versionStatementsFor(this.schema), () => this.use());
    this.comments = new PostgresCommentStore(this.schema, () => this.use());
    this.webhooks = new PostgresWebhookStore(this.schema, () => this.use());
    this.folders = new PostgresFolderStore(this.schema, () => this.use());
    this.people = new PostgresPeopleStore(this.schema, () => this.use());
  }

  async open(): Promise<void> {
    if (this.state === 'open') return;
    if (this.state === 'closed') checkOpen('PostgresStorage', this.state);
    this.opening ??= this.connect().finally(() => {
      this.opening = undefined;
    });
    await this.opening;
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
    checkOpen('PostgresStorage', this.state);
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
      if (error instanceof StorageError) throw error;
      throw new StorageError(
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
      checkOpen('PostgresStorage', this.state);
    }
    this.pool = pool;
    this.state = 'open';
  }
}

function checkOptions(options: PostgresStorageOptions, schema: string): void {
  if (typeof options.connectionString !== 'string' || options.connectionString === '') {
    throw new StorageError(
      'invalid-argument',
      'PostgreSQL connectionString is empty: pass postgres://user@host:port/database',
    );
  }
  if (schema === '' || schema.includes('\0') || Buffer.byteLength(schema) > MAX_IDENTIFIER_BYTES) {
    throw new StorageError(
      'invalid-argument',
      `PostgreSQL schema ${JSON.stringify(schema)} is not a usable name: give 1 to ${MAX_IDENTIFIER_BYTES} bytes`,
    );
  }
  for (const [name, value] of Object.entries(options.pool ?? {})) {
    if (value !== undefined && !(Number.isSafeInteger(value) && value > 0)) {
      throw new StorageError(
        'invalid-argument',
        `PostgreSQL pool.${name} must be a positive integer, not ${value}`,
      );
    }
  }
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
