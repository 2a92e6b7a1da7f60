import { escapeIdentifier } from 'pg';
import { documentAccess } from '../access-sql';
import { starredColumn } from '../star-sql';
import { RAISES_ROLE } from '../directory-checks';
import { fileStatementsFor } from './file-statements';
import { securityEventStatementsFor } from './security-event-statements';

/** The directory's statements, with the tables qualified by the storage's schema (any name: it is quoted). */
export function directoryStatementsFor(schema: string) {
  const quoted = escapeIdentifier(schema);
  const [settings, users, sessions, apiTokens, tickets, members, links, documents] = [
    'settings',
    'users',
    'sessions',
    'api_tokens',
    'tickets',
    'document_members',
    'share_links',
    'documents',
  ].map((table) => `${quoted}.${table}`);
  const user = 'id, email, name, is_admin, created_at';
  const token = 'id, user_id, name, created_at, last_used_at';
  const ticket = 'digest, document_id, user_id, name, role, grant_kind, grant_id, expires_at';
  const link = 'id, document_id, role, created_by, created_at, revoked_at';
  // A document as a member sees it: `$1`'s role (through a folder too), and the owner's id and name.
  const memberDocument = (document?: string) => `
    SELECT d.id, d.title, d.created_at, d.updated_at, m.role, o.user_id AS owner_id, u.name AS owner_name, ${starredColumn(`${quoted}.`, '$1')}
    FROM ${documentAccess(`${quoted}.`, '$1', document)} m
    JOIN ${documents} d ON d.id = m.document_id
    LEFT JOIN ${members} o ON o.document_id = d.id AND o.role = 'owner'
    LEFT JOIN ${users} u ON u.id = o.user_id
    WHERE m.user_id = $1 AND d.deleted_at IS NULL`;
  return {
    /** `$1` key. */
    getSetting: `SELECT value FROM ${settings} WHERE key = $1`,
    /**
     * `$1` key, `$2` value; returns the stored `value`. DO UPDATE (to the same value), not DO NOTHING:
     * it locks and returns a row another transaction committed after this statement's snapshot.
     */
    setSettingIfAbsent: `
      INSERT INTO ${settings} AS s (key, value) VALUES ($1, $2)
      ON CONFLICT (key) DO UPDATE SET value = s.value RETURNING value`,
    deleteSetting: `DELETE FROM ${settings} WHERE key = $1`,

    countUsers: `SELECT count(*)::integer AS count FROM ${users}`,
    /** `$1` id, `$2` email, `$3` name, `$4` password hash, `$5` is admin. */
    insertUser: `
      INSERT INTO ${users} (id, email, name, password_hash, is_admin, created_at)
      VALUES ($1, $2, $3, $4, $5, now()) RETURNING ${user}`,
    /**
     * Makes inserts into users wait until the first user's transaction ends (and it wait for
     * theirs), so that "no user yet" still holds when it inserts. Reads are not blocked.
     */
    lockUsers: `LOCK TABLE ${users} IN SHARE ROW EXCLUSIVE MODE`,
    anyUser: `SELECT EXISTS (SELECT 1 FROM ${users}) AS any`,
    /** `$1` user id: the owner of every document that has none (written before accounts existed). */
    adoptOwnerless: `
      INSERT INTO ${members} (document_id, user_id, role, added_at)
      SELECT d.id, $1, 'owner', now() FROM ${documents} d
      WHERE NOT EXISTS (SELECT 1 FROM ${members} o WHERE o.document_id = d.id AND o.role = 'owner')`,
    getUser: `SELECT ${user}, password_hash FROM ${users} WHERE id = $1`,
    getUserByEmail: `SELECT ${user}, password_hash FROM ${users} WHERE email = $1`,
    listUsers: `SELECT ${user} FROM ${users} ORDER BY created_at, id`,
    /** `$1` id, `$2` name or null, `$3` password hash or null. */
    updateUser: `
      UPDATE ${users} SET name = coalesce($2, name), password_hash = coalesce($3, password_hash) WHERE id = $1`,

    /** `$1` digest, `$2` user id, `$3` expires at. */
    insertSession: `INSERT INTO ${sessions} (digest, user_id, expires_at) VALUES ($1, $2, $3)`,
    /** `$1` digest, `$2` now. */
    getSession: `SELECT digest, user_id, expires_at FROM ${sessions} WHERE digest = $1 AND expires_at > $2`,
    extendSession: `UPDATE ${sessions} SET expires_at = $2 WHERE digest = $1`,
    deleteSession: `DELETE FROM ${sessions} WHERE digest = $1`,
    /** `$1` user id, `$2` the digest to keep, or null. */
    deleteUserSessions: `DELETE FROM ${sessions} WHERE user_id = $1 AND digest IS DISTINCT FROM $2::text`,
    purgeSessions: `DELETE FROM ${sessions} WHERE expires_at <= $1`,

    /** `$1` id, `$2` user id, `$3` name, `$4` digest. */
    insertToken: `
      INSERT INTO ${apiTokens} (id, user_id, name, digest, created_at) VALUES ($1, $2, $3, $4, now())
      RETURNING ${token}`,
    listTokens: `SELECT ${token} FROM ${apiTokens} WHERE user_id = $1 ORDER BY created_at, id`,
    /** `$1` digest, `$2` now. */
    useToken: `UPDATE ${apiTokens} SET last_used_at = $2 WHERE digest = $1 RETURNING ${token}`,
    getToken: `SELECT ${token} FROM ${apiTokens} WHERE id = $1`,
    findToken: `SELECT ${token} FROM ${apiTokens} WHERE digest = $1`,
    /** `$1` user id, `$2` token id. */
    deleteToken: `DELETE FROM ${apiTokens} WHERE user_id = $1 AND id = $2`,

    /** The ticket's columns, in the order of `ticket`. */
    insertTicket: `INSERT INTO ${tickets} (${ticket}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
    /**
     * `$1` digest, `$2` now. Of two transactions deleting the row at once, the second waits for the
     * first's row lock, then finds the row gone and returns nothing: a ticket is taken once.
     */
    consumeTicket: `
      DELETE FROM ${tickets} t WHERE digest = $1 AND expires_at > $2
        AND EXISTS (SELECT 1 FROM ${documents} d WHERE d.id = t.document_id AND d.deleted_at IS NULL)
      RETURNING ${ticket}`,
    purgeTickets: `DELETE FROM ${tickets} WHERE expires_at <= $1`,

    /** `$1` id, `$2` title, `$3` explicit; returns the row, or nothing if the id is taken. */
    insertDocument: `
      INSERT INTO ${documents} (id, title, title_explicit, created_at, updated_at) VALUES ($1, $2, $3, now(), now())
      ON CONFLICT (id) DO NOTHING
      RETURNING id, title, created_at, updated_at`,
    /** `$1` id. */
    getDocument: `SELECT id, title, created_at, updated_at FROM ${documents} WHERE id = $1 AND deleted_at IS NULL`,
    /** `$1` title, `$2` id; derived titles no longer replace it. */
    renameDocument: `UPDATE ${documents} SET title = $1, title_explicit = true WHERE id = $2`,
    /** `$1` document id, `$2` owner id. */
    insertOwner: `INSERT INTO ${members} (document_id, user_id, role, added_at) VALUES ($1, $2, 'owner', now())`,
    deleteDocument: `DELETE FROM ${documents} WHERE id = $1`,
    /** `$1` document id, `$2` user id. */
    getRole: `
      SELECT m.role FROM ${documentAccess(`${quoted}.`, '$2', '$1')} m
      JOIN ${documents} d ON d.id = m.document_id AND d.deleted_at IS NULL`,
    /** `$1` user id, `$2` document id. */
    getMemberDocument: `${memberDocument('$2')} AND m.document_id = $2`,
    /** `$1` user id. */
    listMemberDocuments: `${memberDocument()} ORDER BY d.updated_at DESC, d.id`,
    /** `$1` document id; the owner first (`role <> 'owner'` is false for them), then by when added. */
    listMembers: `
      SELECT u.id, u.email, u.name, u.is_admin, u.created_at, m.role, m.added_at
      FROM ${members} m JOIN ${users} u ON u.id = m.user_id
      WHERE m.document_id = $1 ORDER BY m.role <> 'owner', m.added_at, u.id`,
    /**
     * `$1` document id, `$2` user id, `$3` role. Adds the member or changes their role, unless they
     * are the owner: then returns no row. One statement, so no check can go stale before the write.
     */
    setMember: `
      INSERT INTO ${members} AS m (document_id, user_id, role, added_at) VALUES ($1, $2, $3, now())
      ON CONFLICT (document_id, user_id) DO UPDATE SET role = excluded.role WHERE m.role <> 'owner'
      RETURNING role`,
    /** As `setMember`, but only ever raises a role (viewer < commenter < editor); returns the role held afterwards. */
    joinAsMember: `
      INSERT INTO ${members} AS m (document_id, user_id, role, added_at) VALUES ($1, $2, $3, now())
      ON CONFLICT (document_id, user_id) DO UPDATE
        SET role = CASE WHEN ${RAISES_ROLE} THEN excluded.role ELSE m.role END
      RETURNING role`,
    /** `$1` document id, `$2` user id. */
    removeMember: `DELETE FROM ${members} WHERE document_id = $1 AND user_id = $2 AND role <> 'owner'`,

    /** `$1` id, `$2` document id, `$3` role, `$4` created by. */
    insertLink: `
      INSERT INTO ${links} (id, document_id, role, created_by, created_at) VALUES ($1, $2, $3, $4, now())
      RETURNING ${link}`,
    /** A trashed document's link does not work (nor show) until the document is restored. */
    getLink: `
      SELECT ${link} FROM ${links} l WHERE id = $1
        AND EXISTS (SELECT 1 FROM ${documents} d WHERE d.id = l.document_id AND d.deleted_at IS NULL)`,
    listLinks: `
      SELECT ${link} FROM ${links} WHERE document_id = $1 AND revoked_at IS NULL ORDER BY created_at DESC, id DESC`,
    /** `$1` document id, `$2` link id. */
    revokeLink: `UPDATE ${links} SET revoked_at = now() WHERE document_id = $1 AND id = $2 AND revoked_at IS NULL`,

    ...securityEventStatementsFor(quoted),
    ...fileStatementsFor(quoted),
  };
}

/** The directory's statements of one schema. */
export type DirectoryStatements = ReturnType<typeof directoryStatementsFor>;
