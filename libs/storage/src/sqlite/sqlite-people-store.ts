import type { Role, ShareRole } from '@quire/api-contract';
import type Database from 'better-sqlite3';
import { checkLinkRole, emailKey, normalizeEmail } from '../directory-checks';
import { INVITATION_LIFETIME_MS, type DeletedAccount, type InvitationDetails, type NewInvitation, type PeopleStore, type ResetRequest, type StoredInvitation } from '../people-store';
import { noSuchHeir, noSuchInvitationTarget, refusedHeir, roleAfterInvitation } from '../people-rules';

interface InvitationRow {
  id: string;
  document_id: string;
  email: string;
  role: ShareRole;
  inviter_id: string;
  created_at: number;
  expires_at: number;
  document_title?: string;
  inviter_name?: string;
}

const INVITATION_COLUMNS = 'i.id, i.document_id, i.email, i.role, i.inviter_id, i.created_at, i.expires_at';

function toInvitation(row: InvitationRow): StoredInvitation {
  return {
    id: row.id,
    documentId: row.document_id,
    email: row.email,
    role: row.role,
    inviterId: row.inviter_id,
    createdAt: new Date(row.created_at),
    expiresAt: new Date(row.expires_at),
  };
}

/** The {@link PeopleStore} of a {@link SqliteStorage}, on its connection. */
export class SqlitePeopleStore implements PeopleStore {
  /** Prepared once per connection: asked on every request and every socket's token check. */
  private readonly isDisabledStatements = new WeakMap<Database.Database, Database.Statement<[userId: string], unknown>>();

  constructor(private readonly db: () => Database.Database) {}

  async createInvitation(invitation: NewInvitation): Promise<StoredInvitation> {
    checkLinkRole(invitation.role, 'invite');
    const db = this.db();
    const email = normalizeEmail(invitation.email);
    const now = invitation.now.getTime();
    const known = db.prepare('SELECT (SELECT 1 FROM documents WHERE id = ?) AS document, (SELECT 1 FROM users WHERE id = ?) AS inviter').get(invitation.documentId, invitation.inviterId) as { document: number | null; inviter: number | null };
    if (!known.document || !known.inviter) throw noSuchInvitationTarget();
    db.prepare(
      `INSERT INTO document_invitations (id, document_id, email, role, inviter_id, token_digest, created_at, expires_at)
       VALUES (@id, @documentId, @email, @role, @inviterId, @tokenDigest, @now, @expiresAt)
       ON CONFLICT (email, document_id) DO UPDATE SET id = excluded.id, role = excluded.role, inviter_id = excluded.inviter_id,
         token_digest = excluded.token_digest, created_at = excluded.created_at, expires_at = excluded.expires_at`,
    ).run({ id: invitation.id, documentId: invitation.documentId, email, role: invitation.role, inviterId: invitation.inviterId, tokenDigest: invitation.tokenDigest, now, expiresAt: now + INVITATION_LIFETIME_MS });
    return toInvitation(db.prepare(`SELECT ${INVITATION_COLUMNS} FROM document_invitations i WHERE i.id = ?`).get(invitation.id) as InvitationRow);
  }

  async listInvitations(documentId: string, now: Date): Promise<StoredInvitation[]> {
    const rows = this.db().prepare(`SELECT ${INVITATION_COLUMNS} FROM document_invitations i WHERE i.document_id = ? AND i.expires_at > ? ORDER BY i.created_at, i.id`).all(documentId, now.getTime()) as InvitationRow[];
    return rows.map(toInvitation);
  }

  async getInvitation(tokenDigest: string, now: Date): Promise<InvitationDetails | undefined> {
    const row = this.db()
      .prepare(
        `SELECT ${INVITATION_COLUMNS}, d.title AS document_title, u.name AS inviter_name
         FROM document_invitations i JOIN documents d ON d.id = i.document_id JOIN users u ON u.id = i.inviter_id
         WHERE i.token_digest = ? AND i.expires_at > ? AND d.deleted_at IS NULL`,
      )
      .get(tokenDigest, now.getTime()) as InvitationRow | undefined;
    return row && { ...toInvitation(row), documentTitle: row.document_title ?? '', inviterName: row.inviter_name ?? '' };
  }

  async deleteInvitation(documentId: string, invitationId: string): Promise<boolean> {
    return this.db().prepare('DELETE FROM document_invitations WHERE document_id = ? AND id = ?').run(documentId, invitationId).changes > 0;
  }

  async acceptInvitations(email: string, userId: string, now: Date): Promise<{ documentId: string; role: Role }[]> {
    const db = this.db();
    const key = emailKey(email);
    return db.transaction(() => {
      const invitations = db.prepare(`SELECT ${INVITATION_COLUMNS} FROM document_invitations i WHERE i.email = ? AND i.expires_at > ?`).all(key, now.getTime()) as InvitationRow[];
      const accepted: { documentId: string; role: Role }[] = [];
      for (const invitation of invitations) {
        const current = db.prepare('SELECT role FROM document_members WHERE document_id = ? AND user_id = ?').pluck().get(invitation.document_id, userId) as Role | undefined;
        const role = roleAfterInvitation(current, invitation.role);
        if (role !== current) {
          db.prepare(
            `INSERT INTO document_members (document_id, user_id, role, added_at) VALUES (?, ?, ?, ?)
             ON CONFLICT (document_id, user_id) DO UPDATE SET role = excluded.role`,
          ).run(invitation.document_id, userId, role, now.getTime());
        }
        accepted.push({ documentId: invitation.document_id, role });
      }
      db.prepare('DELETE FROM document_invitations WHERE email = ?').run(key);
      return accepted;
    }).immediate();
  }

  async disableUser(userId: string, now: Date): Promise<boolean> {
    const changes = this.db().prepare('INSERT INTO disabled_users (user_id, disabled_at) SELECT id, ? FROM users WHERE id = ? ON CONFLICT (user_id) DO NOTHING').run(now.getTime(), userId).changes;
    return changes > 0;
  }

  async enableUser(userId: string): Promise<boolean> {
    return this.db().prepare('DELETE FROM disabled_users WHERE user_id = ?').run(userId).changes > 0;
  }

  async isDisabled(userId: string): Promise<boolean> {
    const db = this.db();
    let statement = this.isDisabledStatements.get(db);
    if (!statement) {
      statement = db.prepare<[userId: string]>('SELECT 1 FROM disabled_users WHERE user_id = ?');
      this.isDisabledStatements.set(db, statement);
    }
    return statement.get(userId) !== undefined;
  }

  async listDisabledUsers(): Promise<string[]> {
    return this.db().prepare('SELECT user_id FROM disabled_users ORDER BY user_id').pluck().all() as string[];
  }

  async deleteUser(userId: string, heirId: string | null): Promise<DeletedAccount | undefined> {
    refusedHeir(userId, heirId);
    const db = this.db();
    return db.transaction((): DeletedAccount | undefined => {
      if (!db.prepare('SELECT 1 FROM users WHERE id = ?').get(userId)) return undefined;
      if (heirId !== null && !db.prepare('SELECT 1 FROM users WHERE id = ?').get(heirId)) throw noSuchHeir();
      const owned = db.prepare("SELECT document_id FROM document_members WHERE user_id = ? AND role = 'owner' ORDER BY document_id").pluck().all(userId) as string[];
      for (const documentId of owned) {
        if (heirId === null) {
          db.prepare('DELETE FROM documents WHERE id = ?').run(documentId);
        } else {
          db.prepare('DELETE FROM document_members WHERE document_id = ? AND user_id = ?').run(documentId, heirId);
          db.prepare("UPDATE document_members SET user_id = ? WHERE document_id = ? AND role = 'owner'").run(heirId, documentId);
          // The document leaves the old owner's folders, which go with the account.
          db.prepare('UPDATE documents SET folder_id = NULL WHERE id = ?').run(documentId);
        }
      }
      db.prepare('DELETE FROM users WHERE id = ?').run(userId);
      return heirId === null ? { handedOver: [], deleted: owned } : { handedOver: owned, deleted: [] };
    }).immediate();
  }

  async recordResetRequest(request: { readonly id: string; readonly email: string; readonly now: Date }, keep: number): Promise<void> {
    const db = this.db();
    db.transaction(() => {
      db.prepare(
        `INSERT INTO password_reset_requests (id, email, requested_at) VALUES (?, ?, ?)
         ON CONFLICT (email) DO UPDATE SET requested_at = excluded.requested_at`,
      ).run(request.id, emailKey(request.email), request.now.getTime());
      db.prepare('DELETE FROM password_reset_requests WHERE id NOT IN (SELECT id FROM password_reset_requests ORDER BY requested_at DESC, id LIMIT ?)').run(keep);
    }).immediate();
  }

  async listResetRequests(): Promise<ResetRequest[]> {
    const rows = this.db().prepare('SELECT id, email, requested_at FROM password_reset_requests ORDER BY requested_at DESC, id').all() as { id: string; email: string; requested_at: number }[];
    return rows.map((row) => ({ id: row.id, email: row.email, requestedAt: new Date(row.requested_at) }));
  }

  async deleteResetRequest(id: string): Promise<boolean> {
    return this.db().prepare('DELETE FROM password_reset_requests WHERE id = ?').run(id).changes > 0;
  }
}
