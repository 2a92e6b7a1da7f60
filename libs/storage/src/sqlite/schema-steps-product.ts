import type { Migration } from './migrations';

/** Versions 9 and up: comments, trash and search, webhooks, folders, version extras, people. */
export const PRODUCT_STEPS: readonly Migration[] = [
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
