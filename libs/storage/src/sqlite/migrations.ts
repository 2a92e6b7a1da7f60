import type Database from 'better-sqlite3';
import { StorageError } from '../storage-error';

/** One step of the schema; `version` is what `PRAGMA user_version` holds once it is applied. */
export interface Migration {
  readonly version: number;
  readonly sql: string;
}

/** The schema's history, oldest first. Append new steps; never edit one that has shipped. */
export const migrations: readonly Migration[] = [
  {
    version: 1,
    sql: `
      CREATE TABLE documents (
        id TEXT PRIMARY KEY,
        title TEXT NOT NULL DEFAULT '',
        title_explicit INTEGER NOT NULL DEFAULT 0,
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL
      );
      CREATE INDEX documents_updated_at ON documents (updated_at DESC, id);
      -- AUTOINCREMENT: a seq is never reused, even after the newest rows are compacted away.
      CREATE TABLE document_updates (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        document_id TEXT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
        data BLOB NOT NULL,
        is_snapshot INTEGER NOT NULL DEFAULT 0
      );
      CREATE INDEX document_updates_document_seq ON document_updates (document_id, seq);
    `,
  },
  {
    // Accounts, beside the documents so that foreign keys hold them together: deleting a document
    // deletes its members, links and tickets. Times are milliseconds since the epoch, as in version 1.
    version: 2,
    sql: `
      CREATE TABLE settings (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL
      );
      -- The store trims and lower-cases every email before writing or looking it up, so UNIQUE
      -- makes one address one account whatever its case.
      CREATE TABLE users (
        id TEXT PRIMARY KEY,
        email TEXT NOT NULL UNIQUE,
        name TEXT NOT NULL,
        password_hash TEXT NOT NULL,
        is_admin INTEGER NOT NULL DEFAULT 0,
        created_at INTEGER NOT NULL
      );
      -- Secrets are stored as their keyed digests only; a digest identifies its row.
      CREATE TABLE sessions (
        digest TEXT PRIMARY KEY,
        user_id TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        expires_at INTEGER NOT NULL
      );
      CREATE INDEX sessions_user ON sessions (user_id);
      CREATE TABLE api_tokens (
        id TEXT PRIMARY KEY,
        user_id TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        name TEXT NOT NULL,
        digest TEXT NOT NULL UNIQUE,
        created_at INTEGER NOT NULL,
        last_used_at INTEGER
      );
      CREATE INDEX api_tokens_user ON api_tokens (user_id, created_at);
      CREATE TABLE tickets (
        digest TEXT PRIMARY KEY,
        document_id TEXT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
        user_id TEXT REFERENCES users (id) ON DELETE CASCADE,
        name TEXT NOT NULL,
        role TEXT NOT NULL CHECK (role IN ('owner', 'editor', 'viewer')),
        grant_kind TEXT NOT NULL CHECK (grant_kind IN ('user', 'link', 'token')),
        grant_id TEXT NOT NULL,
        expires_at INTEGER NOT NULL
      );
      -- For the cascade when a document is deleted, and for purging.
      CREATE INDEX tickets_document ON tickets (document_id);
      CREATE INDEX tickets_expires_at ON tickets (expires_at);
      CREATE TABLE document_members (
        document_id TEXT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
        user_id TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        role TEXT NOT NULL CHECK (role IN ('owner', 'editor', 'viewer')),
        added_at INTEGER NOT NULL,
        PRIMARY KEY (document_id, user_id)
      );
      -- At most one owner per document, whatever the code above it does; also finds the owner.
      CREATE UNIQUE INDEX document_members_one_owner ON document_members (document_id) WHERE role = 'owner';
      CREATE INDEX document_members_user ON document_members (user_id);
      CREATE TABLE share_links (
        id TEXT PRIMARY KEY,
        document_id TEXT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
        role TEXT NOT NULL CHECK (role IN ('editor', 'viewer')),
        created_by TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        created_at INTEGER NOT NULL,
        revoked_at INTEGER
      );
      CREATE INDEX share_links_document ON share_links (document_id, created_at);
    `,
  },
  {
    // For purging expired sessions, as tickets_expires_at is for tickets: the server purges every
    // minute, and without it each purge reads the whole table.
    version: 3,
    sql: `
      CREATE INDEX sessions_expires_at ON sessions (expires_at);
    `,
  },
  {
    // Tickets remember the browser session they were issued to (grant kind 'session'), so that
    // signing out voids them and closes the sockets they opened. A CHECK cannot be altered in
    // SQLite: the table is made anew. Tickets live 60 s, so the ones dropped here are few.
    version: 4,
    sql: `
      DROP TABLE tickets;
      CREATE TABLE tickets (
        digest TEXT PRIMARY KEY,
        document_id TEXT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
        user_id TEXT REFERENCES users (id) ON DELETE CASCADE,
        name TEXT NOT NULL,
        role TEXT NOT NULL CHECK (role IN ('owner', 'editor', 'viewer')),
        grant_kind TEXT NOT NULL CHECK (grant_kind IN ('user', 'session', 'link', 'token')),
        grant_id TEXT NOT NULL,
        expires_at INTEGER NOT NULL
      );
      CREATE INDEX tickets_document ON tickets (document_id);
      CREATE INDEX tickets_expires_at ON tickets (expires_at);
    `,
  },
  {
    // The administrator's list of security events (sign-ins, password changes, tokens, sharing).
    // No foreign keys: an event outlives the account, document or token it names. Listed and
    // purged by id, newest first, so the primary key is the only index it needs.
    version: 5,
    sql: `
      CREATE TABLE security_events (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        at INTEGER NOT NULL,
        type TEXT NOT NULL,
        actor_id TEXT,
        address TEXT,
        document_id TEXT,
        subject_id TEXT,
        details TEXT
      );
    `,
  },
  {
    // Uploaded files' records (their bytes are in the server's blob store under the same id). A
    // file belongs to one document; deleting the document sets document_id to NULL rather than
    // deleting the row, so that the server still knows which bytes to remove: it removes them,
    // then the row. The index serves both that cascade and the search for unreferenced files.
    version: 6,
    sql: `
      CREATE TABLE files (
        id TEXT PRIMARY KEY,
        document_id TEXT REFERENCES documents (id) ON DELETE SET NULL,
        uploader_id TEXT REFERENCES users (id) ON DELETE SET NULL,
        name TEXT NOT NULL,
        content_type TEXT NOT NULL,
        bytes INTEGER NOT NULL,
        created_at INTEGER NOT NULL
      );
      CREATE INDEX files_document ON files (document_id);
    `,
  },
  {
    // Version history (libs/storage README, "Versions"). A version is its own data, never a place
    // in the log, so compacting the log cannot take anything a version needs. Author ids carry no
    // foreign key: a version keeps naming someone whose account is gone.
    version: 7,
    sql: `
      CREATE TABLE document_versions (
        id TEXT PRIMARY KEY,
        document_id TEXT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
        number INTEGER NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ('auto', 'named', 'restore', 'before-restore')),
        name TEXT,
        created_at INTEGER NOT NULL,
        created_by TEXT,
        through_seq INTEGER NOT NULL,
        keyframe INTEGER NOT NULL,
        byte_length INTEGER NOT NULL,
        chain_bytes INTEGER NOT NULL,
        data BLOB NOT NULL,
        head_state BLOB
      );
      -- The compare-and-set: two instances making version n + 1 of one document cannot both succeed.
      CREATE UNIQUE INDEX document_versions_number ON document_versions (document_id, number);
      CREATE TABLE document_version_authors (
        version_id TEXT NOT NULL REFERENCES document_versions (id) ON DELETE CASCADE,
        user_id TEXT NOT NULL,
        PRIMARY KEY (version_id, user_id)
      );
      -- Who appended updates since the last version, and the seqs of their first and last one.
      CREATE TABLE document_edit_authors (
        document_id TEXT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
        user_id TEXT NOT NULL,
        first_seq INTEGER NOT NULL,
        last_seq INTEGER NOT NULL,
        PRIMARY KEY (document_id, user_id)
      );
      -- Which user each Yjs client id that wrote to a document belongs to.
      CREATE TABLE document_clients (
        document_id TEXT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
        client_id INTEGER NOT NULL,
        user_id TEXT NOT NULL,
        PRIMARY KEY (document_id, client_id, user_id)
      );
    `,
  },
  {
    // Whose each stored update is, in its own row: written with the row, so that naming authors
    // costs an append nothing more (libs/storage README, "Versions"). Compaction moves the authors
    // of rows no version holds yet into document_edit_authors before it folds them away.
    version: 8,
    sql: `
      ALTER TABLE document_updates ADD COLUMN author TEXT;
    `,
  },
  {
    // Comments (libs/storage README, "Comments"), and the role commenter. A thread's anchor is a
    // mark in the document's content; its rows are here. Activity: one row per person a comment
    // mentions or replies to, until they read it. A CHECK cannot be altered in SQLite, so the three
    // tables with a role are made anew: tickets (they live 60 s) dropped, members and links copied.
    version: 9,
    sql: `
      DROP TABLE tickets;
      CREATE TABLE tickets (
        digest TEXT PRIMARY KEY,
        document_id TEXT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
        user_id TEXT REFERENCES users (id) ON DELETE CASCADE,
        name TEXT NOT NULL,
        role TEXT NOT NULL CHECK (role IN ('owner', 'editor', 'commenter', 'viewer')),
        grant_kind TEXT NOT NULL CHECK (grant_kind IN ('user', 'session', 'link', 'token')),
        grant_id TEXT NOT NULL,
        expires_at INTEGER NOT NULL
      );
      CREATE INDEX tickets_document ON tickets (document_id);
      CREATE INDEX tickets_expires_at ON tickets (expires_at);
      CREATE TABLE document_members_9 (
        document_id TEXT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
        user_id TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        role TEXT NOT NULL CHECK (role IN ('owner', 'editor', 'commenter', 'viewer')),
        added_at INTEGER NOT NULL,
        PRIMARY KEY (document_id, user_id)
      );
      INSERT INTO document_members_9 SELECT document_id, user_id, role, added_at FROM document_members;
      DROP TABLE document_members;
      ALTER TABLE document_members_9 RENAME TO document_members;
      CREATE UNIQUE INDEX document_members_one_owner ON document_members (document_id) WHERE role = 'owner';
      CREATE INDEX document_members_user ON document_members (user_id);
      CREATE TABLE share_links_9 (
        id TEXT PRIMARY KEY,
        document_id TEXT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
        role TEXT NOT NULL CHECK (role IN ('editor', 'commenter', 'viewer')),
        created_by TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        created_at INTEGER NOT NULL,
        revoked_at INTEGER
      );
      INSERT INTO share_links_9 SELECT id, document_id, role, created_by, created_at, revoked_at FROM share_links;
      DROP TABLE share_links;
      ALTER TABLE share_links_9 RENAME TO share_links;
      CREATE INDEX share_links_document ON share_links (document_id, created_at);
      CREATE TABLE comment_threads (
        id TEXT PRIMARY KEY,
        document_id TEXT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
        quote TEXT NOT NULL,
        created_by TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        created_at INTEGER NOT NULL,
        resolved_at INTEGER,
        resolved_by TEXT REFERENCES users (id) ON DELETE SET NULL
      );
      CREATE INDEX comment_threads_document ON comment_threads (document_id, created_at);
      CREATE TABLE comments (
        id TEXT PRIMARY KEY,
        thread_id TEXT NOT NULL REFERENCES comment_threads (id) ON DELETE CASCADE,
        author_id TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        body TEXT NOT NULL,
        created_at INTEGER NOT NULL,
        edited_at INTEGER
      );
      CREATE INDEX comments_thread ON comments (thread_id, created_at);
      CREATE TABLE comment_activity (
        id TEXT PRIMARY KEY,
        user_id TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        comment_id TEXT NOT NULL REFERENCES comments (id) ON DELETE CASCADE,
        kind TEXT NOT NULL CHECK (kind IN ('mention', 'reply')),
        created_at INTEGER NOT NULL,
        read_at INTEGER,
        UNIQUE (user_id, comment_id)
      );
      CREATE INDEX comment_activity_user ON comment_activity (user_id, created_at DESC);
      CREATE INDEX comment_activity_comment ON comment_activity (comment_id);
    `,
  },
  {
    // Finding and organizing (libs/storage README, "Trash", "Stars and recents", "Search"). A
    // trashed document keeps its row, and so its log, versions, members, links and files, until it
    // is restored or deleted for good. The search index: one row per document in search_documents
    // (its id is the FTS5 rowid; the foreign key's cascade and the trigger take the text with the
    // document), the title and text in the FTS5 table search_text.
    version: 10,
    sql: `
      ALTER TABLE documents ADD COLUMN deleted_at INTEGER;
      CREATE INDEX documents_deleted_at ON documents (deleted_at) WHERE deleted_at IS NOT NULL;
      CREATE TABLE document_stars (
        user_id TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        document_id TEXT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
        starred_at INTEGER NOT NULL,
        PRIMARY KEY (user_id, document_id)
      );
      CREATE INDEX document_stars_document ON document_stars (document_id);
      CREATE TABLE document_opens (
        user_id TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        document_id TEXT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
        opened_at INTEGER NOT NULL,
        PRIMARY KEY (user_id, document_id)
      );
      CREATE INDEX document_opens_recent ON document_opens (user_id, opened_at DESC);
      CREATE INDEX document_opens_document ON document_opens (document_id);
      CREATE TABLE search_documents (
        id INTEGER PRIMARY KEY,
        document_id TEXT NOT NULL UNIQUE REFERENCES documents (id) ON DELETE CASCADE,
        title TEXT NOT NULL,
        source_updated_at INTEGER NOT NULL
      );
      CREATE VIRTUAL TABLE search_text USING fts5 (title, body, tokenize = 'unicode61 remove_diacritics 2');
      CREATE TRIGGER search_documents_deleted AFTER DELETE ON search_documents BEGIN
        DELETE FROM search_text WHERE rowid = old.id;
      END;
    `,
  },
  {
    // Webhooks (libs/storage README, "Webhooks"): a webhook belongs to its owner's account; one for
    // a document names it without a foreign key, since document.deleted is delivered after the
    // document is gone. Deliveries are stored before they are sent; a worker claims due ones with a
    // token and a lease, and finishes only the ones it still holds.
    version: 11,
    sql: `
      CREATE TABLE webhooks (
        id TEXT PRIMARY KEY,
        owner_id TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        url TEXT NOT NULL,
        events TEXT NOT NULL,
        document_id TEXT,
        secret TEXT NOT NULL,
        created_at INTEGER NOT NULL,
        disabled_at INTEGER,
        disabled_reason TEXT
      );
      CREATE INDEX webhooks_owner ON webhooks (owner_id, created_at);
      CREATE INDEX webhooks_document ON webhooks (document_id) WHERE document_id IS NOT NULL;
      CREATE TABLE webhook_deliveries (
        id TEXT PRIMARY KEY,
        webhook_id TEXT NOT NULL REFERENCES webhooks (id) ON DELETE CASCADE,
        event TEXT NOT NULL,
        body TEXT NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('pending', 'delivered', 'failed')),
        attempts INTEGER NOT NULL DEFAULT 0,
        created_at INTEGER NOT NULL,
        next_attempt_at INTEGER NOT NULL,
        last_attempt_at INTEGER,
        response_status INTEGER,
        error TEXT,
        claim TEXT,
        lease_until INTEGER
      );
      CREATE INDEX webhook_deliveries_due ON webhook_deliveries (next_attempt_at) WHERE status = 'pending';
      CREATE INDEX webhook_deliveries_webhook ON webhook_deliveries (webhook_id, created_at);
    `,
  },
  {
    // Folders (libs/storage README, "Folders"): a folder belongs to its owner, nests under a parent
    // (deleting one deletes the folders under it, and their documents go back to the top level), and
    // shares everything under it with its members: a person's role on a document is the highest of
    // their own membership and their memberships of every folder above it (access-sql.ts, a
    // recursive CTE seeded by the person in each query). Invitations and account
    // disabling (also version 12) add their statements to this same entry: a second entry with
    // version 12 would be skipped.
    version: 12,
    sql: `
      CREATE TABLE folders (
        id TEXT PRIMARY KEY,
        owner_id TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        parent_id TEXT REFERENCES folders (id) ON DELETE CASCADE,
        name TEXT NOT NULL,
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL
      );
      CREATE INDEX folders_owner ON folders (owner_id);
      CREATE INDEX folders_parent ON folders (parent_id);
      CREATE TABLE folder_members (
        folder_id TEXT NOT NULL REFERENCES folders (id) ON DELETE CASCADE,
        user_id TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        role TEXT NOT NULL CHECK (role IN ('editor', 'commenter', 'viewer')),
        added_at INTEGER NOT NULL,
        PRIMARY KEY (folder_id, user_id)
      );
      CREATE INDEX folder_members_user ON folder_members (user_id);
      ALTER TABLE documents ADD COLUMN folder_id TEXT REFERENCES folders (id) ON DELETE SET NULL;
      CREATE INDEX documents_folder ON documents (folder_id);
    `,
  },
  {
    // Version-history extras (libs/storage README, "Versions"): a restore version names the version
    // it restored. No foreign key: the id stays meaningful in the list even if that version went.
    version: 13,
    sql: `
      ALTER TABLE document_versions ADD COLUMN restored_from TEXT;
    `,
  },
  {
    // People (libs/storage README, "People"): invitations of emails that have no account yet (one
    // per email and document; the token is stored as its keyed digest), disabled accounts, and the
    // sign-in page's password reset requests (one per email, the newest time kept).
    version: 14,
    sql: `
      CREATE TABLE document_invitations (
        id TEXT PRIMARY KEY,
        document_id TEXT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
        email TEXT NOT NULL,
        role TEXT NOT NULL CHECK (role IN ('editor', 'commenter', 'viewer')),
        inviter_id TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        token_digest TEXT NOT NULL UNIQUE,
        created_at INTEGER NOT NULL,
        expires_at INTEGER NOT NULL
      );
      CREATE UNIQUE INDEX document_invitations_email ON document_invitations (email, document_id);
      CREATE INDEX document_invitations_document ON document_invitations (document_id);
      CREATE TABLE disabled_users (
        user_id TEXT PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
        disabled_at INTEGER NOT NULL
      );
      CREATE TABLE password_reset_requests (
        id TEXT PRIMARY KEY,
        email TEXT NOT NULL UNIQUE,
        requested_at INTEGER NOT NULL
      );
    `,
  },
];

/** The schema version this code writes; a database at a higher one was written by a newer Quire. */
export const schemaVersion = migrations[migrations.length - 1].version;

/**
 * Brings the schema up to {@link schemaVersion} in one transaction, so a failed step leaves the
 * previous version intact. IMMEDIATE takes the write lock before reading the version, so two
 * processes opening the same file at once cannot both apply a step.
 */
export function migrate(db: Database.Database, path: string): void {
  db.transaction(() => {
    const current = db.pragma('user_version', { simple: true }) as number;
    if (current > schemaVersion) {
      throw new StorageError(
        'schema-too-new',
        `SQLite database ${path} has schema version ${current}, newer than this Quire knows (${schemaVersion}): ` +
          'upgrade Quire, or restore a backup made by this version',
      );
    }
    for (const migration of migrations) {
      if (migration.version <= current) continue;
      db.exec(migration.sql);
      // PRAGMA cannot take a bound parameter; the version is a number from the list above.
      db.pragma(`user_version = ${migration.version}`);
    }
  }).immediate();
}
