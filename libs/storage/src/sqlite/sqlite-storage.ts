import type Database from 'better-sqlite3';
import { checkOpen, type StoreState } from '../checks';
import type { CommentStore } from '../comment-store';
import type { Directory } from '../directory';
import type { Storage } from '../storage';
import type { UpdateLog } from '../update-log';
import type { VersionHistory } from '../version-history';
import { connect, isInMemory, type SqliteSynchronous } from './connect';
import { prepareDirectoryConnection, type DirectoryConnection } from './directory-connection';
import { prepareLogConnection, type LogConnection } from './log-connection';
import type { SearchIndex } from '../search-index';
import { prepareSearchConnection, SqliteSearchIndex, type SearchConnection } from './sqlite-search-index';
import { prepareCommentConnection, SqliteCommentStore, type CommentConnection } from './sqlite-comment-store';
import { SqliteDirectory } from './sqlite-directory';
import { SqliteUpdateLog } from './sqlite-update-log';
import { SqliteVersionHistory } from './sqlite-version-history';
import type { WebhookStore } from '../webhook-store';
import { prepareWebhookConnection, SqliteWebhookStore, type WebhookConnection } from './sqlite-webhook-store';
import { prepareVersionConnection, type VersionConnection } from './version-connection';
import type { FolderStore } from '../folder-store';
import { prepareFolderConnection, SqliteFolderStore, type FolderConnection } from './sqlite-folder-store';
import type { PeopleStore } from '../people-store';
import { SqlitePeopleStore } from './sqlite-people-store';
import type { CommitObserver } from '../commit-timing';
import { InlineLogWriter, type LogWriter } from './log-writer';
import { LOG_WRITER_FILE } from './log-writer-file';
import { ThreadLogWriter } from './thread-log-writer';

/**
 * Where the update log's appends and compactions commit: `'thread'`, a worker thread with its own
 * connection, so that the event loop relays on while SQLite waits for the disk; `'inline'`, the
 * storage's own connection on the calling thread (the event loop waits for each commit).
 */
export type SqliteLogWriter = 'thread' | 'inline';

/** Options of {@link SqliteStorage}. */
export interface SqliteStorageOptions {
  /** Database file; its directory is created if missing. `':memory:'` for a throwaway database. */
  readonly path: string;
  /** `'FULL'` (default) survives power loss; `'NORMAL'` survives a process crash only. See the README. */
  readonly synchronous?: SqliteSynchronous;
  /**
   * `'thread'` (default) for a file: the compiled writer thread beside this library, or
   * {@link logWriterFile}; with neither (running the sources) and for `':memory:'`, `'inline'`.
   */
  readonly logWriter?: SqliteLogWriter;
  /** The compiled writer thread (`log-writer-worker.js`), for tests that run the sources. */
  readonly logWriterFile?: string;
  /** Told of every commit of appends: its latency, and how long the event loop was blocked by it. */
  readonly onCommit?: CommitObserver;
}

/** An open database with the statements and transactions of both halves, prepared once. */
interface Connection {
  readonly db: Database.Database;
  readonly log: LogConnection;
  readonly directory: DirectoryConnection;
  readonly versions: VersionConnection;
  readonly comments: CommentConnection;
  readonly search: SearchConnection;
  readonly webhooks: WebhookConnection;
  readonly folders: FolderConnection;
}

/**
 * {@link Storage} in one SQLite file (better-sqlite3, WAL), on one connection that the update log,
 * the directory and the version history share: the foreign keys from a document's log, members and links to the
 * document hold even for `':memory:'`, and a directory call sees every append made before it.
 */
export class SqliteStorage implements Storage {
  private state: StoreState = 'new';
  private connection: Connection | undefined;
  private writer: LogWriter | undefined;
  private readonly appends = new SqliteUpdateLog(
    () => this.connected().log,
    () => {
      this.connected();
      return this.writer as LogWriter;
    },
  );

  readonly log: UpdateLog = this.appends;
  readonly directory: Directory = new SqliteDirectory(() => {
    const { directory } = this.connected();
    // Appends made before this call commit first, so that calls keep their order.
    this.appends.flush();
    return directory;
  });
  readonly versions: VersionHistory = new SqliteVersionHistory(() => {
    const { versions } = this.connected();
    // As for the directory: a version sees every append made before the call.
    this.appends.flush();
    return versions;
  });

  readonly search: SearchIndex = new SqliteSearchIndex(() => {
    const { search } = this.connected();
    this.appends.flush();
    return search;
  });

  readonly comments: CommentStore = new SqliteCommentStore(() => {
    const { comments } = this.connected();
    this.appends.flush();
    return comments;
  });

  readonly webhooks: WebhookStore = new SqliteWebhookStore(() => {
    const { webhooks } = this.connected();
    this.appends.flush();
    return webhooks;
  });

  readonly folders: FolderStore = new SqliteFolderStore(() => {
    const { folders } = this.connected();
    this.appends.flush();
    return folders;
  });

  readonly people: PeopleStore = new SqlitePeopleStore(() => {
    const { db } = this.connected();
    this.appends.flush();
    return db;
  });

  constructor(private readonly options: SqliteStorageOptions) {}

  async open(): Promise<void> {
    if (this.state === 'open') return;
    if (this.state === 'closed') checkOpen('SqliteStorage', this.state);
    const { path, onCommit } = this.options;
    const synchronous = this.options.synchronous ?? 'FULL';
    const db = connect(path, synchronous);
    const connection: Connection = { db, log: prepareLogConnection(db), directory: prepareDirectoryConnection(db), versions: prepareVersionConnection(db), comments: prepareCommentConnection(db), search: prepareSearchConnection(db), webhooks: prepareWebhookConnection(db), folders: prepareFolderConnection(db) };
    const file = this.writerFile();
    try {
      this.writer = file
        ? await ThreadLogWriter.start({ file, path, synchronous, observe: onCommit })
        : new InlineLogWriter(() => this.connected().log, onCommit);
    } catch (error) {
      db.close();
      throw error;
    }
    this.connection = connection;
    this.state = 'open';
  }

  async close(): Promise<void> {
    // Accepted appends are stored (or rejected with their error), never dropped.
    if (this.state === 'open') this.appends.handOver();
    const { connection, writer } = this;
    this.state = 'closed';
    this.connection = undefined;
    this.writer = undefined;
    try {
      // The writer's connection closes first, so that the last one to close checkpoints the WAL.
      await writer?.close();
    } finally {
      connection?.db.close();
    }
  }

  /** The compiled writer thread, when the log is to write on one. */
  private writerFile(): string | undefined {
    const { path, logWriter = 'thread', logWriterFile = LOG_WRITER_FILE } = this.options;
    // A memory database is this connection's alone: no other thread can open it.
    if (logWriter === 'inline' || isInMemory(path)) return undefined;
    return logWriterFile;
  }

  /** The connection; refuses calls before `open()` and after `close()`. */
  private connected(): Connection {
    checkOpen('SqliteStorage', this.state);
    return this.connection as Connection;
  }
}
