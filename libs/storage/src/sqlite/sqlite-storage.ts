import type Database from 'better-sqlite3';
import { checkOpen, type StoreState } from '../checks';
import type { CommentStore } from '../comment-store';
import type { Directory } from '../directory';
import type { Storage } from '../storage';
import type { UpdateLog } from '../update-log';
import type { VersionHistory } from '../version-history';
import { connect, type SqliteSynchronous } from './connect';
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

/** Options of {@link SqliteStorage}. */
export interface SqliteStorageOptions {
  /** Database file; its directory is created if missing. `':memory:'` for a throwaway database. */
  readonly path: string;
  /** `'FULL'` (default) survives power loss; `'NORMAL'` survives a process crash only. See the README. */
  readonly synchronous?: SqliteSynchronous;
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
  private readonly appends = new SqliteUpdateLog(() => this.connected().log);

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
    const db = connect(this.options.path, this.options.synchronous ?? 'FULL');
    this.connection = { db, log: prepareLogConnection(db), directory: prepareDirectoryConnection(db), versions: prepareVersionConnection(db), comments: prepareCommentConnection(db), search: prepareSearchConnection(db), webhooks: prepareWebhookConnection(db), folders: prepareFolderConnection(db) };
    this.state = 'open';
  }

  async close(): Promise<void> {
    // Accepted appends are stored (or rejected with their error), never dropped.
    if (this.state === 'open') this.appends.flush();
    const connection = this.connection;
    this.state = 'closed';
    this.connection = undefined;
    connection?.db.close();
  }

  /** The connection; refuses calls before `open()` and after `close()`. */
  private connected(): Connection {
    checkOpen('SqliteStorage', this.state);
    return this.connection as Connection;
  }
}
