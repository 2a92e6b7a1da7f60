import type { Migration } from './migrations';

/** Versions 1–8: documents and their log, accounts, sharing, tickets, security events, files, versions. */
export const CORE_STEPS: readonly Migration[] = [
  {
    version: 1,
    sql: `
      -- COLLATE "C": ids compare byte by byte, as in SQLite and the memory store (listDocuments ties).
      CREATE TABLE documents (
        id text COLLATE "C" PRIMARY KEY,
        title text NOT NULL DEFAULT '',
        title_explicit boolean NOT NULL DEFAULT false,
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL
      );
      CREATE INDEX documents_updated_at ON documents (updated_at DESC, id);
      -- One sequence for all documents; a seq is never reused. Keep its CACHE at 1: with a larger
      -- cache each connection hands out its own block, and a later append could get a lower seq
      -- than a snapshot already stored, which would then load after it.
      CREATE TABLE document_updates (
        seq bigserial PRIMARY KEY,
        document_id text COLLATE "C" NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
        data bytea NOT NULL,
        is_snapshot boolean NOT NULL DEFAULT false
      );
      CREATE INDEX document_updates_document_seq ON document_updates (document_id, seq);
    `,
  },
  {
    // Accounts, beside the documents so that foreign keys hold them together: deleting a document
    // deletes its members, links and tickets. The adapter maps the constraint names below to
    // StorageError codes (postgres/directory-errors.ts): rename one there too.
    version: 2,
    sql: `
      CREATE TABLE settings (
        key text COLLATE "C" PRIMARY KEY,
        value text NOT NULL
      );
      -- The store trims and lower-cases every email before writing or looking it up (in JavaScript,
      -- as SQLite's does: lower() here would depend on the database's locale), so UNIQUE makes one
      -- address one account whatever its case.
      CREATE TABLE users (
        id text COLLATE "C" PRIMARY KEY,
        email text COLLATE "C" NOT NULL CONSTRAINT users_email_key UNIQUE,
        name text NOT NULL,
        password_hash text NOT NULL,
        is_admin boolean NOT NULL DEFAULT false,
        created_at timestamptz NOT NULL
      );
      -- Secrets are stored as their keyed digests only; a digest identifies its row.
      CREATE TABLE sessions (
        digest text COLLATE "C" PRIMARY KEY,
        user_id text COLLATE "C" NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        expires_at timestamptz NOT NULL
      );
      CREATE INDEX sessions_user ON sessions (user_id);
      CREATE TABLE api_tokens (
        id text COLLATE "C" PRIMARY KEY,
        user_id text COLLATE "C" NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        name text NOT NULL,
        digest text COLLATE "C" NOT NULL CONSTRAINT api_tokens_digest_key UNIQUE,
        created_at timestamptz NOT NULL,
        last_used_at timestamptz
      );
      CREATE INDEX api_tokens_user ON api_tokens (user_id, created_at);
      CREATE TABLE tickets (
        digest text COLLATE "C" PRIMARY KEY,
        document_id text COLLATE "C" NOT NULL
          CONSTRAINT tickets_document_id_fkey REFERENCES documents (id) ON DELETE CASCADE,
        user_id text COLLATE "C" CONSTRAINT tickets_user_id_fkey REFERENCES users (id) ON DELETE CASCADE,
        name text NOT NULL,
        role text NOT NULL CHECK (role IN ('owner', 'editor', 'viewer')),
        grant_kind text NOT NULL CHECK (grant_kind IN ('user', 'link', 'token')),
        grant_id text NOT NULL,
        expires_at timestamptz NOT NULL
      );
      -- For the cascade when a document is deleted, and for purging.
      CREATE INDEX tickets_document ON tickets (document_id);
      CREATE INDEX tickets_expires_at ON tickets (expires_at);
      CREATE TABLE document_members (
        document_id text COLLATE "C" NOT NULL
          CONSTRAINT document_members_document_id_fkey REFERENCES documents (id) ON DELETE CASCADE,
        user_id text COLLATE "C" NOT NULL
          CONSTRAINT document_members_user_id_fkey REFERENCES users (id) ON DELETE CASCADE,
        role text NOT NULL CHECK (role IN ('owner', 'editor', 'viewer')),
        added_at timestamptz NOT NULL,
        PRIMARY KEY (document_id, user_id)
      );
      -- At most one owner per document, whatever the code above it does; also finds the owner.
      CREATE UNIQUE INDEX document_members_one_owner ON document_members (document_id) WHERE role = 'owner';
      CREATE INDEX document_members_user ON document_members (user_id);
      CREATE TABLE share_links (
        id text COLLATE "C" PRIMARY KEY,
        document_id text COLLATE "C" NOT NULL
          CONSTRAINT share_links_document_id_fkey REFERENCES documents (id) ON DELETE CASCADE,
        role text NOT NULL CHECK (role IN ('editor', 'viewer')),
        created_by text COLLATE "C" NOT NULL
          CONSTRAINT share_links_created_by_fkey REFERENCES users (id) ON DELETE CASCADE,
        created_at timestamptz NOT NULL,
        revoked_at timestamptz
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
    // signing out voids them and closes the sockets they opened.
    version: 4,
    sql: `
      ALTER TABLE tickets DROP CONSTRAINT tickets_grant_kind_check;
      ALTER TABLE tickets ADD CONSTRAINT tickets_grant_kind_check CHECK (grant_kind IN ('user', 'session', 'link', 'token'));
    `,
  },
  {
    // The administrator's list of security events (sign-ins, password changes, tokens, sharing).
    // No foreign keys: an event outlives the account, document or token it names. Listed and
    // purged by id, newest first, so the primary key is the only index it needs.
    version: 5,
    sql: `
      CREATE TABLE security_events (
        id bigserial PRIMARY KEY,
        at timestamptz NOT NULL,
        type text NOT NULL,
        actor_id text COLLATE "C",
        address text,
        document_id text COLLATE "C",
        subject_id text,
        details text
      );
    `,
  },
  {
    // Uploaded files' records (their bytes are in the server's blob store under the same id). A
    // file belongs to one document; deleting the document sets document_id to NULL rather than
    // deleting the row, so that the server still knows which bytes to remove: it removes them,
    // then the row. The index serves both that cascade and the search for unreferenced files.
    // The constraint names are mapped in postgres/directory-errors.ts.
    version: 6,
    sql: `
      CREATE TABLE files (
        id text COLLATE "C" CONSTRAINT files_pkey PRIMARY KEY,
        document_id text COLLATE "C"
          CONSTRAINT files_document_id_fkey REFERENCES documents (id) ON DELETE SET NULL,
        uploader_id text COLLATE "C" CONSTRAINT files_uploader_id_fkey REFERENCES users (id) ON DELETE SET NULL,
        name text NOT NULL,
        content_type text NOT NULL,
        bytes bigint NOT NULL,
        created_at timestamptz NOT NULL
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
        id text COLLATE "C" PRIMARY KEY,
        document_id text COLLATE "C" NOT NULL
          CONSTRAINT document_versions_document_id_fkey REFERENCES documents (id) ON DELETE CASCADE,
        number integer NOT NULL,
        kind text NOT NULL CHECK (kind IN ('auto', 'named', 'restore', 'before-restore')),
        name text,
        created_at timestamptz NOT NULL,
        created_by text COLLATE "C",
        through_seq bigint NOT NULL,
        keyframe boolean NOT NULL,
        byte_length integer NOT NULL,
        chain_bytes bigint NOT NULL,
        data bytea NOT NULL,
        head_state bytea,
        -- The compare-and-set: two instances making version n + 1 of one document cannot both succeed.
        CONSTRAINT document_versions_number_key UNIQUE (document_id, number)
      );
      CREATE TABLE document_version_authors (
        version_id text COLLATE "C" NOT NULL REFERENCES document_versions (id) ON DELETE CASCADE,
        user_id text COLLATE "C" NOT NULL,
        PRIMARY KEY (version_id, user_id)
      );
      -- Who appended updates since the last version, and the seqs of their first and last one.
      CREATE TABLE document_edit_authors (
        document_id text COLLATE "C" NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
        user_id text COLLATE "C" NOT NULL,
        first_seq bigint NOT NULL,
        last_seq bigint NOT NULL,
        PRIMARY KEY (document_id, user_id)
      );
      -- Which user each Yjs client id that wrote to a document belongs to.
      CREATE TABLE document_clients (
        document_id text COLLATE "C" NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
        client_id bigint NOT NULL,
        user_id text COLLATE "C" NOT NULL,
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
      ALTER TABLE document_updates ADD COLUMN author text COLLATE "C";
    `,
  },
];
