import type { Migration } from './migrations';

/** Versions 9 and up: comments, trash and search, webhooks, folders, version extras, people. */
export const PRODUCT_STEPS: readonly Migration[] = [
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
  {
    // Search at 10,000 documents (libs/storage README, "Search"). A document's tsvector (3.6 KB on
    // average) went to TOAST, and ranking a match read it back through the TOAST index: 80 ms for
    // a common word. MAIN keeps it in the row (the text, needed for 21 snippets, still goes out);
    // rewriting the rows moves the existing ones. The title's own index answers "does the title
    // match" without parsing every match's title again.
    version: 15,
    sql: `
      ALTER TABLE search_documents ALTER COLUMN tsv SET STORAGE MAIN;
      UPDATE search_documents SET title = title;
      CREATE INDEX search_documents_title ON search_documents USING GIN (to_tsvector('simple'::regconfig, title));
    `,
  },
];
