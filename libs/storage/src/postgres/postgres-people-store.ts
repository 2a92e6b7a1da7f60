import type { Role, ShareRole } from '@quire/api-contract';
import { escapeIdentifier, type Pool, type PoolClient } from 'pg';
import { checkLinkRole, emailKey, normalizeEmail } from '../directory-checks';
import { INVITATION_LIFETIME_MS, type DeletedAccount, type InvitationDetails, type NewInvitation, type PeopleStore, type ResetRequest, type StoredInvitation } from '../people-store';
import { noSuchHeir, noSuchInvitationTarget, refusedHeir, roleAfterInvitation } from '../people-rules';
import { inTransaction } from './pool';

interface InvitationRow {
  id: string;
  document_id: string;
  email: string;
  role: ShareRole;
  inviter_id: string;
  created_at: Date;
  expires_at: Date;
  document_title?: string;
  inviter_name?: string;
}

const INVITATION_COLUMNS = 'i.id, i.document_id, i.email, i.role, i.inviter_id, i.created_at, i.expires_at';

function toInvitation(row: InvitationRow): StoredInvitation {
  return { id: row.id, documentId: row.document_id, email: row.email, role: row.role, inviterId: row.inviter_id, createdAt: row.created_at, expiresAt: row.expires_at };
}

/** The {@link PeopleStore} of a {@link PostgresStorage}, on its pool. */
export class PostgresPeopleStore implements PeopleStore {
  private readonly t: (table: string) => string;

  constructor(schema: string, private readonly pool: () => Pool) {
    const prefix = `${escapeIdentifier(schema)}.`;
    this.t = (table) => `${prefix}${table}`;
  }

  private async rows<Row>(text: string, values: unknown[], client: Pool | PoolClient = this.pool()): Promise<Row[]> {
    return (await client.query(text, values)).rows as Row[];
  }

  private async changed(text: string, values: unknown[], client: Pool | PoolClient = this.pool()): Promise<number> {
    return (await client.query(text, values)).rowCount ?? 0;
  }

  async createInvitation(invitation: NewInvitation): Promise<StoredInvitation> {
    checkLinkRole(invitation.role, 'invite');
    const email = normalizeEmail(invitation.email);
    const expiresAt = new Date(invitation.now.getTime() + INVITATION_LIFETIME_MS);
    const rows = await this.rows<InvitationRow>(
      `INSERT INTO ${this.t('document_invitations')} AS i (id, document_id, email, role, inviter_id, token_digest, created_at, expires_at)
       SELECT $1, d.id, $3, $4, u.id, $6, $7, $8 FROM ${this.t('documents')} d, ${this.t('users')} u WHERE d.id = $2 AND u.id = $5
       ON CONFLICT (email, document_id) DO UPDATE SET id = excluded.id, role = excluded.role, inviter_id = excluded.inviter_id,
         token_digest = excluded.token_digest, created_at = excluded.created_at, expires_at = excluded.expires_at
       RETURNING ${INVITATION_COLUMNS}`,
      [invitation.id, invitation.documentId, email, invitation.role, invitation.inviterId, invitation.tokenDigest, invitation.now, expiresAt],
    );
    if (rows.length === 0) throw noSuchInvitationTarget();
    return toInvitation(rows[0]);
  }

  async listInvitations(documentId: string, now: Date): Promise<StoredInvitation[]> {
    const rows = await this.rows<InvitationRow>(
      `SELECT ${INVITATION_COLUMNS} FROM ${this.t('document_invitations')} i WHERE i.document_id = $1 AND i.expires_at > $2 ORDER BY i.created_at, i.id`,
      [documentId, now],
    );
    return rows.map(toInvitation);
  }

  async getInvitation(tokenDigest: string, now: Date): Promise<InvitationDetails | undefined> {
    const [row] = await this.rows<InvitationRow>(
      `SELECT ${INVITATION_COLUMNS}, d.title AS document_title, u.name AS inviter_name
       FROM ${this.t('document_invitations')} i JOIN ${this.t('documents')} d ON d.id = i.document_id JOIN ${this.t('users')} u ON u.id = i.inviter_id
       WHERE i.token_digest = $1 AND i.expires_at > $2 AND d.deleted_at IS NULL`,
      [tokenDigest, now],
    );
    return row && { ...toInvitation(row), documentTitle: row.document_title ?? '', inviterName: row.inviter_name ?? '' };
  }

  async deleteInvitation(documentId: string, invitationId: string): Promise<boolean> {
    return (await this.changed(`DELETE FROM ${this.t('document_invitations')} WHERE document_id = $1 AND id = $2`, [documentId, invitationId])) > 0;
  }

  async acceptInvitations(email: string, userId: string, now: Date): Promise<{ documentId: string; role: Role }[]> {
    const key = emailKey(email);
    return inTransaction(this.pool(), async (client) => {
      // Deleting first claims them: a second sign-up racing this one finds none.
      const invitations = await this.rows<InvitationRow>(
        `DELETE FROM ${this.t('document_invitations')} i WHERE i.email = $1 RETURNING ${INVITATION_COLUMNS}`,
        [key],
        client,
      );
      const accepted: { documentId: string; role: Role }[] = [];
      for (const invitation of invitations.filter((row) => row.expires_at.getTime() > now.getTime())) {
        const [current] = await this.rows<{ role: Role }>(
          `SELECT role FROM ${this.t('document_members')} WHERE document_id = $1 AND user_id = $2 FOR UPDATE`,
          [invitation.document_id, userId],
          client,
        );
        const role = roleAfterInvitation(current?.role, invitation.role);
        if (role !== current?.role) {
          await client.query(
            `INSERT INTO ${this.t('document_members')} (document_id, user_id, role, added_at) VALUES ($1, $2, $3, $4)
             ON CONFLICT (document_id, user_id) DO UPDATE SET role = excluded.role`,
            [invitation.document_id, userId, role, now],
          );
        }
        accepted.push({ documentId: invitation.document_id, role });
      }
      return accepted;
    });
  }

  async disableUser(userId: string, now: Date): Promise<boolean> {
    const changes = await this.changed(
      `INSERT INTO ${this.t('disabled_users')} (user_id, disabled_at) SELECT id, $2 FROM ${this.t('users')} WHERE id = $1 ON CONFLICT (user_id) DO NOTHING`,
      [userId, now],
    );
    return changes > 0;
  }

  async enableUser(userId: string): Promise<boolean> {
    return (await this.changed(`DELETE FROM ${this.t('disabled_users')} WHERE user_id = $1`, [userId])) > 0;
  }

  async isDisabled(userId: string): Promise<boolean> {
    return (await this.rows(`SELECT 1 FROM ${this.t('disabled_users')} WHERE user_id = $1`, [userId])).length > 0;
  }

  async listDisabledUsers(): Promise<string[]> {
    return (await this.rows<{ user_id: string }>(`SELECT user_id FROM ${this.t('disabled_users')} ORDER BY user_id`, [])).map((row) => row.user_id);
  }

  async deleteUser(userId: string, heirId: string | null): Promise<DeletedAccount | undefined> {
    refusedHeir(userId, heirId);
    return inTransaction(this.pool(), async (client) => {
      if ((await this.rows(`SELECT 1 FROM ${this.t('users')} WHERE id = $1 FOR UPDATE`, [userId], client)).length === 0) return undefined;
      if (heirId !== null && (await this.rows(`SELECT 1 FROM ${this.t('users')} WHERE id = $1 FOR SHARE`, [heirId], client)).length === 0) throw noSuchHeir();
      const owned = (
        await this.rows<{ document_id: string }>(
          `SELECT document_id FROM ${this.t('document_members')} WHERE user_id = $1 AND role = 'owner' ORDER BY document_id FOR UPDATE`,
          [userId],
          client,
        )
      ).map((row) => row.document_id);
      if (heirId === null) {
        await client.query(`DELETE FROM ${this.t('documents')} WHERE id = ANY($1::text[])`, [owned]);
      } else {
        await client.query(`DELETE FROM ${this.t('document_members')} WHERE document_id = ANY($1::text[]) AND user_id = $2`, [owned, heirId]);
        await client.query(`UPDATE ${this.t('document_members')} SET user_id = $2 WHERE document_id = ANY($1::text[]) AND role = 'owner'`, [owned, heirId]);
        // The documents leave the old owner's folders, which go with the account.
        await client.query(`UPDATE ${this.t('documents')} SET folder_id = NULL WHERE id = ANY($1::text[])`, [owned]);
      }
      await client.query(`DELETE FROM ${this.t('users')} WHERE id = $1`, [userId]);
      return heirId === null ? { handedOver: [], deleted: owned } : { handedOver: owned, deleted: [] };
    });
  }

  async recordResetRequest(request: { readonly id: string; readonly email: string; readonly now: Date }, keep: number): Promise<void> {
    await inTransaction(this.pool(), async (client) => {
      await client.query(
        `INSERT INTO ${this.t('password_reset_requests')} (id, email, requested_at) VALUES ($1, $2, $3)
         ON CONFLICT (email) DO UPDATE SET requested_at = excluded.requested_at`,
        [request.id, emailKey(request.email), request.now],
      );
      await client.query(
        `DELETE FROM ${this.t('password_reset_requests')} WHERE id NOT IN (SELECT id FROM ${this.t('password_reset_requests')} ORDER BY requested_at DESC, id LIMIT $1)`,
        [keep],
      );
    });
  }

  async listResetRequests(): Promise<ResetRequest[]> {
    const rows = await this.rows<{ id: string; email: string; requested_at: Date }>(`SELECT id, email, requested_at FROM ${this.t('password_reset_requests')} ORDER BY requested_at DESC, id`, []);
    return rows.map((row) => ({ id: row.id, email: row.email, requestedAt: row.requested_at }));
  }

  async deleteResetRequest(id: string): Promise<boolean> {
    return (await this.changed(`DELETE FROM ${this.t('password_reset_requests')} WHERE id = $1`, [id])) > 0;
  }
}
