import { escapeIdentifier, type Pool } from 'pg';
import { StorageError } from '../storage-error';
import { inTransaction } from './pool';

/** One step of the schema; `version` is the row `schema_migrations` gains once it is applied. */
export interface Migration {
  readonly version: number;
  /** Run with `search_path` set to the store's schema, so names are unqualified. */
  readonly sql: string;
}

/** The schema's history, oldest first. Append new steps; never edit one that has shipped. */
export const migrations: readonly Migration[] = [
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
  {
    // Comments (libs/storage README, "Comments"), and the role commenter in every role CHECK. A
    // thread's anchor is a mark in the document's content; its rows are here. Activity: one row
    // per person a comment mentions or replies to, until they read it.
    version: 9,
    sql: `
      ALTER TABLE tickets DROP CONSTRAINT tickets_role_check;
      ALTER TABLE tickets ADD CONSTRAINT tickets_role_check CHECK (role IN ('owner', 'editor', 'commenter', 'viewer'));
      ALTER TABLE document_members DROP CONSTRAINT document_members_role_check;
      ALTER TABLE document_members ADD CONSTRAINT document_members_role_check CHECK (role IN ('owner', 'editor', 'commenter', 'viewer'));
      ALTER TABLE share_links DROP CONSTRAINT share_links_role_check;
      ALTER TABLE share_links ADD CONSTRAINT share_links_role_check CHECK (role IN ('editor', 'commenter', 'viewer'));
      CREATE TABLE comment_threads (
        id text COLLATE "C" PRIMARY KEY,
        -- Orders rows made within one millisecond (SQLite orders them by rowid).
        seq bigserial NOT NULL,
        document_id text COLLATE "C" NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
        quote text NOT NULL,
        created_by text COLLATE "C" NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        created_at timestamptz NOT NULL,
        resolved_at timestamptz,
        resolved_by text COLLATE "C" REFERENCES users (id) ON DELETE SET NULL
      );
      CREATE INDEX comment_threads_document ON comment_threads (document_id, created_at);
      CREATE TABLE comments (
        id text COLLATE "C" PRIMARY KEY,
        -- Orders rows made within one millisecond (SQLite orders them by rowid).
        seq bigserial NOT NULL,
        thread_id text COLLATE "C" NOT NULL REFERENCES comment_threads (id) ON DELETE CASCADE,
        author_id text COLLATE "C" NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        body text NOT NULL,
        created_at timestamptz NOT NULL,
        edited_at timestamptz
      );
      CREATE INDEX comments_thread ON comments (thread_id, created_at);
      CREATE TABLE comment_activity (
        id text COLLATE "C" PRIMARY KEY,
        -- Orders rows made within one millisecond (SQLite orders them by rowid).
        seq bigserial NOT NULL,
        user_id text COLLATE "C" NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        comment_id text COLLATE "C" NOT NULL REFERENCES comments (id) ON DELETE CASCADE,
        kind text NOT NULL CHECK (kind IN ('mention', 'reply')),
        created_at timestamptz NOT NULL,
        read_at timestamptz,
        UNIQUE (user_id, comment_id)
      );
      CREATE INDEX comment_activity_user ON comment_activity (user_id, created_at DESC);
      CREATE INDEX comment_activity_comment ON comment_activity (comment_id);
    `,
  },
  {
    // Finding and organizing (libs/storage README, "Trash", "Stars and recents", "Search"). A
    // trashed document keeps its row, and so its log, versions, members, links and files, until it
    // is restored or deleted for good. The search index: title and text per document, and their
    // tsvector (the 'simple' configuration: no stemming, no stop words, so any word typed is
    // found) with a GIN index.
    version: 10,
    sql: `
      ALTER TABLE documents ADD COLUMN deleted_at timestamptz;
      CREATE INDEX documents_deleted_at ON documents (deleted_at) WHERE deleted_at IS NOT NULL;
      CREATE TABLE document_stars (
        user_id text COLLATE "C" NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        document_id text COLLATE "C" NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
        starred_at timestamptz NOT NULL,
        PRIMARY KEY (user_id, document_id)
      );
      CREATE INDEX document_stars_document ON document_stars (document_id);
      CREATE TABLE document_opens (
        user_id text COLLATE "C" NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        document_id text COLLATE "C" NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
        opened_at timestamptz NOT NULL,
        PRIMARY KEY (user_id, document_id)
      );
      CREATE INDEX document_opens_recent ON document_opens (user_id, opened_at DESC);
      CREATE INDEX document_opens_document ON document_opens (document_id);
      CREATE TABLE search_documents (
        document_id text COLLATE "C" PRIMARY KEY REFERENCES documents (id) ON DELETE CASCADE,
        title text NOT NULL,
        body text NOT NULL,
        source_updated_at timestamptz NOT NULL,
        tsv tsvector NOT NULL GENERATED ALWAYS AS (
          setweight(to_tsvector('simple'::regconfig, title), 'A') || setweight(to_tsvector('simple'::regconfig, body), 'B')
        ) STORED
      );
      CREATE INDEX search_documents_tsv ON search_documents USING GIN (tsv);
    `,
  },
  {
    // Webhooks (libs/storage README, "Webhooks"): as in SQLite. A webhook for a document names it
    // without a foreign key (document.deleted is delivered after the document is gone).
    version: 11,
    sql: `
      CREATE TABLE webhooks (
        id text COLLATE "C" PRIMARY KEY,
        seq bigserial NOT NULL,
        owner_id text COLLATE "C" NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        url text NOT NULL,
        events text NOT NULL,
        document_id text COLLATE "C",
        secret text NOT NULL,
        created_at timestamptz NOT NULL,
        disabled_at timestamptz,
        disabled_reason text
      );
      CREATE INDEX webhooks_owner ON webhooks (owner_id, created_at);
      CREATE INDEX webhooks_document ON webhooks (document_id) WHERE document_id IS NOT NULL;
      CREATE TABLE webhook_deliveries (
        id text COLLATE "C" PRIMARY KEY,
        seq bigserial NOT NULL,
        webhook_id text COLLATE "C" NOT NULL REFERENCES webhooks (id) ON DELETE CASCADE,
        event text NOT NULL,
        body text NOT NULL,
        status text NOT NULL CHECK (status IN ('pending', 'delivered', 'failed')),
        attempts integer NOT NULL DEFAULT 0,
        created_at timestamptz NOT NULL,
        next_attempt_at timestamptz NOT NULL,
        last_attempt_at timestamptz,
        response_status integer,
        error text,
        claim text,
        lease_until timestamptz
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
        id text COLLATE "C" PRIMARY KEY,
        owner_id text COLLATE "C" NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        parent_id text COLLATE "C" REFERENCES folders (id) ON DELETE CASCADE,
        name text NOT NULL,
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL
      );
      CREATE INDEX folders_owner ON folders (owner_id);
      CREATE INDEX folders_parent ON folders (parent_id);
      CREATE TABLE folder_members (
        folder_id text COLLATE "C" NOT NULL REFERENCES folders (id) ON DELETE CASCADE,
        user_id text COLLATE "C" NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        role text NOT NULL CHECK (role IN ('editor', 'commenter', 'viewer')),
        added_at timestamptz NOT NULL,
        PRIMARY KEY (folder_id, user_id)
      );
      CREATE INDEX folder_members_user ON folder_members (user_id);
      ALTER TABLE documents ADD COLUMN folder_id text COLLATE "C" REFERENCES folders (id) ON DELETE SET NULL;
      CREATE INDEX documents_folder ON documents (folder_id);
    `,
  },
  {
    // Version-history extras (libs/storage README, "Versions"): a restore version names the version
    // it restored. No foreign key: the id stays meaningful in the list even if that version went.
    version: 13,
    sql: `
      ALTER TABLE document_versions ADD COLUMN restored_from text COLLATE "C";
    `,
  },
  {
    // People (libs/storage README, "People"): invitations of emails that have no account yet (one
    // per email and document; the token is stored as its keyed digest), disabled accounts, and the
    // sign-in page's password reset requests (one per email, the newest time kept).
    version: 14,
    sql: `
      CREATE TABLE document_invitations (
        id text COLLATE "C" PRIMARY KEY,
        document_id text COLLATE "C" NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
        email text COLLATE "C" NOT NULL,
        role text NOT NULL CHECK (role IN ('editor', 'commenter', 'viewer')),
        inviter_id text COLLATE "C" NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        token_digest text COLLATE "C" NOT NULL UNIQUE,
        created_at timestamptz NOT NULL,
        expires_at timestamptz NOT NULL,
        CONSTRAINT document_invitations_email_key UNIQUE (email, document_id)
      );
      CREATE INDEX document_invitations_document ON document_invitations (document_id);
      CREATE TABLE disabled_users (
        user_id text COLLATE "C" PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
        disabled_at timestamptz NOT NULL
      );
      CREATE TABLE password_reset_requests (
        id text COLLATE "C" PRIMARY KEY,
        email text COLLATE "C" NOT NULL UNIQUE,
        requested_at timestamptz NOT NULL
      );
    `,
  },
];

/** The schema version this code writes; a schema at a higher one was written by a newer Quire. */
export const schemaVersion = migrations[migrations.length - 1].version;

/** First key of the advisory lock that migrations hold ('quir'); the second is the schema's hash. */
const MIGRATION_LOCK_CLASS = 0x71756972;

/**
 * Creates the schema if needed and brings it up to {@link schemaVersion} in one transaction, so a
 * failed step leaves the previous version intact. The transaction first takes an advisory lock on
 * the schema's name, so that servers starting at once on one database apply each step once: the
 * others wait, then (READ COMMITTED, a fresh snapshot per statement) see the steps as done.
 */
export async function migrate(pool: Pool, schema: string): Promise<void> {
  const quoted = escapeIdentifier(schema);
  await inTransaction(pool, async (client) => {
    await client.query('SELECT pg_advisory_xact_lock($1::integer, hashtext($2))', [MIGRATION_LOCK_CLASS, schema]);
    // Look before creating: CREATE ... IF NOT EXISTS still needs the privilege to create.
    const { rowCount } = await client.query('SELECT 1 FROM pg_namespace WHERE nspname = $1', [schema]);
    if (rowCount === 0) await client.query(`CREATE SCHEMA ${quoted}`);
    await client.query(`SET LOCAL search_path TO ${quoted}`);
    const { rows } = await client.query<{ known: boolean }>('SELECT to_regclass($1) IS NOT NULL AS known', [
      `${quoted}.schema_migrations`,
    ]);
    if (!rows[0].known) {
      await client.query(
        'CREATE TABLE schema_migrations (version integer PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())',
      );
    }
    const versions = await client.query<{ version: number }>(
      'SELECT coalesce(max(version), 0) AS version FROM schema_migrations',
    );
    const current = versions.rows[0].version;
    if (current > schemaVersion) {
      throw new StorageError(
        'schema-too-new',
        `PostgreSQL schema "${schema}" has schema version ${current}, ` +
          `newer than this Quire knows (${schemaVersion}): ` +
          'upgrade Quire, or restore a backup made by this version',
      );
    }
    for (const migration of migrations) {
      if (migration.version <= current) continue;
      await client.query(migration.sql);
      await client.query('INSERT INTO schema_migrations (version) VALUES ($1)', [migration.version]);
    }
  });
}
