import type { Migration } from './migrations';

/** Versions 1–8: documents and their log, accounts, sharing, tickets, security events, files, versions. */
export const CORE_STEPS: readonly Migration[] = [
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
];
