import type Database from 'better-sqlite3';
import { documentAccess } from '../access-sql';
import { starredColumn } from '../star-sql';
import { RAISES_ROLE } from '../directory-checks';
import type {
  LinkRow,
  ListedDocumentRow,
  MemberRow,
  SessionRow,
  TicketRow,
  TokenRow,
  UserRow,
  UserWithPasswordRow,
} from '../directory-rows';

const USER = 'id, email, name, is_admin, created_at';
const TOKEN = 'id, user_id, name, created_at, last_used_at';
const TICKET = 'digest, document_id, user_id, name, role, grant_kind, grant_id, expires_at';
const LINK = 'id, document_id, role, created_by, created_at, revoked_at';

/** A new account's columns; `isAdmin` 0 or 1, `now` in milliseconds. */
export interface UserParams {
  id: string;
  email: string;
  name: string;
  passwordHash: string;
  isAdmin: number;
  now: number;
}

/** A ticket's columns, times in milliseconds. */
export interface TicketParams {
  digest: string;
  documentId: string;
  userId: string | null;
  name: string;
  role: string;
  grantKind: string;
  grantId: string;
  expiresAt: number;
}

/** A new API token's columns. */
export interface TokenParams {
  id: string;
  userId: string;
  name: string;
  digest: string;
  now: number;
}

/** A membership change: who, on which document, and when (milliseconds). */
export interface MembershipParams {
  documentId: string;
  userId: string;
  role: string;
  now: number;
}

/** A new share link's columns. */
export interface LinkParams {
  id: string;
  documentId: string;
  role: string;
  createdBy: string;
  now: number;
}

/**
 * A document as a member sees it: `@userId`'s role, and the owner's id and name. Through
 * `documentAccess`: a document shared through a folder is theirs to see as their own memberships
 * are. Given `document`, the access of that document only.
 */
const MEMBER_DOCUMENT = (document?: string) => `
  SELECT d.id, d.title, d.created_at, d.updated_at, m.role, o.user_id AS owner_id, u.name AS owner_name, ${starredColumn('', '@userId')}
  FROM ${documentAccess('', '@userId', document)} m
  JOIN documents d ON d.id = m.document_id
  LEFT JOIN document_members o ON o.document_id = d.id AND o.role = 'owner'
  LEFT JOIN users u ON u.id = o.user_id
  WHERE m.user_id = @userId AND d.deleted_at IS NULL`;

type Statement<Params extends unknown[] | object, Result = unknown> = Database.Statement<Params, Result>;

/**
 * The directory's statements on everything but the `documents` rows themselves (see
 * `document-statements.ts`), prepared once per connection. Plucked ones give the value itself.
 */
export interface DirectoryStatements {
  readonly getSetting: Statement<[key: string], string>;
  readonly setSettingIfAbsent: Statement<[key: string, value: string], string>;
  readonly deleteSetting: Statement<[key: string]>;
  readonly countUsers: Statement<[], number>;
  readonly insertUser: Statement<UserParams, UserRow>;
  /** Makes `userId` the owner of every document that has none (written before accounts existed). */
  readonly adoptOwnerless: Statement<{ userId: string; now: number }>;
  readonly getUser: Statement<[id: string], UserWithPasswordRow>;
  readonly getUserByEmail: Statement<[email: string], UserWithPasswordRow>;
  readonly listUsers: Statement<[], UserRow>;
  readonly updateUser: Statement<{ id: string; name: string | null; passwordHash: string | null }>;
  readonly insertSession: Statement<[digest: string, userId: string, expiresAt: number]>;
  readonly getSession: Statement<[digest: string, now: number], SessionRow>;
  readonly extendSession: Statement<[expiresAt: number, digest: string]>;
  readonly deleteSession: Statement<[digest: string]>;
  readonly deleteUserSessions: Statement<[userId: string, exceptDigest: string | null]>;
  readonly purgeSessions: Statement<[now: number]>;
  readonly insertToken: Statement<TokenParams, TokenRow>;
  readonly listTokens: Statement<[userId: string], TokenRow>;
  readonly useToken: Statement<[now: number, digest: string], TokenRow>;
  readonly getToken: Statement<[id: string], TokenRow>;
  readonly findToken: Statement<[digest: string], TokenRow>;
  readonly deleteToken: Statement<[id: string, userId: string]>;
  readonly insertTicket: Statement<TicketParams>;
  readonly consumeTicket: Statement<[digest: string, now: number], TicketRow>;
  readonly purgeTickets: Statement<[now: number]>;
  readonly getRole: Statement<{ documentId: string; userId: string }, string>;
  readonly getMemberDocument: Statement<{ userId: string; documentId: string }, ListedDocumentRow>;
  readonly listMemberDocuments: Statement<{ userId: string }, ListedDocumentRow>;
  readonly listMembers: Statement<[documentId: string], MemberRow>;
  readonly insertOwner: Statement<[documentId: string, userId: string, now: number]>;
  /** Adds the member or changes their role, unless they are the owner: then returns no row. */
  readonly setMember: Statement<MembershipParams, string>;
  /** Adds the member, or raises their role (viewer < commenter < editor); never lowers one. Returns the role held. */
  readonly joinAsMember: Statement<MembershipParams, string>;
  readonly removeMember: Statement<[documentId: string, userId: string]>;
  readonly insertLink: Statement<LinkParams, LinkRow>;
  readonly getLink: Statement<[id: string], LinkRow>;
  readonly listLinks: Statement<[documentId: string], LinkRow>;
  readonly revokeLink: Statement<[now: number, documentId: string, id: string]>;
}

/** Prepares the directory's statements; they stay valid until the connection closes. */
export function prepareDirectoryStatements(db: Database.Database): DirectoryStatements {
  return {
    getSetting: db.prepare<[key: string], string>('SELECT value FROM settings WHERE key = ?').pluck(),
    // DO UPDATE (to the same value) rather than DO NOTHING, so that RETURNING gives the stored value
    // whether this call wrote it or found it.
    setSettingIfAbsent: db
      .prepare<[key: string, value: string], string>(
        `INSERT INTO settings (key, value) VALUES (?, ?)
         ON CONFLICT (key) DO UPDATE SET value = settings.value RETURNING value`,
      )
      .pluck(),
    deleteSetting: db.prepare<[key: string]>('DELETE FROM settings WHERE key = ?'),

    countUsers: db.prepare<[], number>('SELECT count(*) FROM users').pluck(),
    insertUser: db.prepare<UserParams, UserRow>(
      `INSERT INTO users (id, email, name, password_hash, is_admin, created_at)
       VALUES (@id, @email, @name, @passwordHash, @isAdmin, @now) RETURNING ${USER}`,
    ),
    adoptOwnerless: db.prepare<{ userId: string; now: number }>(
      `INSERT INTO document_members (document_id, user_id, role, added_at)
       SELECT d.id, @userId, 'owner', @now FROM documents d
       WHERE NOT EXISTS (SELECT 1 FROM document_members o WHERE o.document_id = d.id AND o.role = 'owner')`,
    ),
    getUser: db.prepare<[id: string], UserWithPasswordRow>(`SELECT ${USER}, password_hash FROM users WHERE id = ?`),
    getUserByEmail: db.prepare<[email: string], UserWithPasswordRow>(
      `SELECT ${USER}, password_hash FROM users WHERE email = ?`,
    ),
    // rowid breaks ties between accounts created in the same millisecond, in creation order.
    listUsers: db.prepare<[], UserRow>(`SELECT ${USER} FROM users ORDER BY created_at, rowid`),
    updateUser: db.prepare<{ id: string; name: string | null; passwordHash: string | null }>(
      `UPDATE users SET name = coalesce(@name, name), password_hash = coalesce(@passwordHash, password_hash)
       WHERE id = @id`,
    ),

    insertSession: db.prepare<[digest: string, userId: string, expiresAt: number]>(
      'INSERT INTO sessions (digest, user_id, expires_at) VALUES (?, ?, ?)',
    ),
    getSession: db.prepare<[digest: string, now: number], SessionRow>(
      'SELECT digest, user_id, expires_at FROM sessions WHERE digest = ? AND expires_at > ?',
    ),
    extendSession: db.prepare<[expiresAt: number, digest: string]>(
      'UPDATE sessions SET expires_at = ? WHERE digest = ?',
    ),
    deleteSession: db.prepare<[digest: string]>('DELETE FROM sessions WHERE digest = ?'),
    deleteUserSessions: db.prepare<[userId: string, exceptDigest: string | null]>(
      'DELETE FROM sessions WHERE user_id = ? AND digest IS NOT ?',
    ),
    purgeSessions: db.prepare<[now: number]>('DELETE FROM sessions WHERE expires_at <= ?'),

    insertToken: db.prepare<TokenParams, TokenRow>(
      `INSERT INTO api_tokens (id, user_id, name, digest, created_at)
       VALUES (@id, @userId, @name, @digest, @now) RETURNING ${TOKEN}`,
    ),
    listTokens: db.prepare<[userId: string], TokenRow>(
      `SELECT ${TOKEN} FROM api_tokens WHERE user_id = ? ORDER BY created_at, rowid`,
    ),
    useToken: db.prepare<[now: number, digest: string], TokenRow>(
      `UPDATE api_tokens SET last_used_at = ? WHERE digest = ? RETURNING ${TOKEN}`,
    ),
    getToken: db.prepare<[id: string], TokenRow>(`SELECT ${TOKEN} FROM api_tokens WHERE id = ?`),
    findToken: db.prepare<[digest: string], TokenRow>(`SELECT ${TOKEN} FROM api_tokens WHERE digest = ?`),
    deleteToken: db.prepare<[id: string, userId: string]>('DELETE FROM api_tokens WHERE id = ? AND user_id = ?'),

    insertTicket: db.prepare<TicketParams>(
      `INSERT INTO tickets (${TICKET})
       VALUES (@digest, @documentId, @userId, @name, @role, @grantKind, @grantId, @expiresAt)`,
    ),
    consumeTicket: db.prepare<[digest: string, now: number], TicketRow>(
      // A ticket for a document trashed since it was issued opens nothing.
      `DELETE FROM tickets WHERE digest = ? AND expires_at > ?
         AND EXISTS (SELECT 1 FROM documents d WHERE d.id = tickets.document_id AND d.deleted_at IS NULL)
       RETURNING ${TICKET}`,
    ),
    purgeTickets: db.prepare<[now: number]>('DELETE FROM tickets WHERE expires_at <= ?'),

    getRole: db
      .prepare<{ documentId: string; userId: string }, string>(
        // The effective role: their own membership or one of a folder above the document.
        `SELECT m.role FROM ${documentAccess('', '@userId', '@documentId')} m
         JOIN documents d ON d.id = m.document_id AND d.deleted_at IS NULL`,
      )
      .pluck(),
    getMemberDocument: db.prepare<{ userId: string; documentId: string }, ListedDocumentRow>(
      `${MEMBER_DOCUMENT('@documentId')} AND m.document_id = @documentId`,
    ),
    listMemberDocuments: db.prepare<{ userId: string }, ListedDocumentRow>(
      `${MEMBER_DOCUMENT()} ORDER BY d.updated_at DESC, d.id`,
    ),
    // The owner first (role <> 'owner' is 0 for them), then in the order members were added.
    listMembers: db.prepare<[documentId: string], MemberRow>(
      `SELECT u.id, u.email, u.name, u.is_admin, u.created_at, m.role, m.added_at
       FROM document_members m JOIN users u ON u.id = m.user_id
       WHERE m.document_id = ? ORDER BY m.role <> 'owner', m.added_at, m.rowid`,
    ),
    insertOwner: db.prepare<[documentId: string, userId: string, now: number]>(
      `INSERT INTO document_members (document_id, user_id, role, added_at) VALUES (?, ?, 'owner', ?)`,
    ),
    setMember: db.prepare<MembershipParams, string>(
      `INSERT INTO document_members AS m (document_id, user_id, role, added_at)
       VALUES (@documentId, @userId, @role, @now)
       ON CONFLICT (document_id, user_id) DO UPDATE SET role = excluded.role WHERE m.role <> 'owner'
       RETURNING role`,
    ).pluck(),
    joinAsMember: db.prepare<MembershipParams, string>(
      `INSERT INTO document_members AS m (document_id, user_id, role, added_at)
       VALUES (@documentId, @userId, @role, @now)
       ON CONFLICT (document_id, user_id) DO UPDATE
         SET role = CASE WHEN ${RAISES_ROLE} THEN excluded.role ELSE m.role END
       RETURNING role`,
    ).pluck(),
    removeMember: db.prepare<[documentId: string, userId: string]>(
      `DELETE FROM document_members WHERE document_id = ? AND user_id = ? AND role <> 'owner'`,
    ),

    insertLink: db.prepare<LinkParams, LinkRow>(
      `INSERT INTO share_links (id, document_id, role, created_by, created_at)
       VALUES (@id, @documentId, @role, @createdBy, @now) RETURNING ${LINK}`,
    ),
    // The link of a trashed document does not work (nor show) until the document is restored.
    getLink: db.prepare<[id: string], LinkRow>(
      `SELECT ${LINK} FROM share_links WHERE id = ?
         AND EXISTS (SELECT 1 FROM documents d WHERE d.id = share_links.document_id AND d.deleted_at IS NULL)`,
    ),
    listLinks: db.prepare<[documentId: string], LinkRow>(
      `SELECT ${LINK} FROM share_links WHERE document_id = ? AND revoked_at IS NULL
       ORDER BY created_at DESC, rowid DESC`,
    ),
    revokeLink: db.prepare<[now: number, documentId: string, id: string]>(
      'UPDATE share_links SET revoked_at = ? WHERE document_id = ? AND id = ? AND revoked_at IS NULL',
    ),
  };
}
