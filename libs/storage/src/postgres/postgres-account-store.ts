import type { Pool } from 'pg';
import { checkLinkRole, emailKey, noSuchUser, normalizeEmail, ownerUnchangeable, timeOf } from '../account-checks';
import {
  toLink,
  toMember,
  toMemberDocument,
  toSession,
  toTicket,
  toToken,
  toUser,
  toUserWithPassword,
  type LinkRow,
  type MemberDocumentRow,
  type MemberRow,
  type SessionRow,
  type TicketRow,
  type TokenRow,
  type UserRow,
  type UserWithPasswordRow,
} from '../account-rows';
import type {
  AccountStore,
  ApiTokenInfo,
  LinkRole,
  Member,
  MemberDocument,
  NewApiToken,
  NewShareLink,
  NewUser,
  Role,
  ShareLink,
  StoredSession,
  Ticket,
  User,
  UserWithPassword,
} from '../account-store';
import { LAST_USE_RESOLUTION_MS } from '../account-store';
import { documentExists, noSuchDocument } from '../checks';
import type { AccountStatements } from './account-statements';
import { refusingConstraints } from './account-errors';
import { inTransaction } from './pool';
import {
  checkCount,
  securityEventParams,
  toSecurityEvent,
  type NewSecurityEvent,
  type SecurityEvent,
  type SecurityEventRow,
} from '../security-events';
import type { DocumentRow, Statements } from './statements';

/**
 * The {@link AccountStore} of a {@link PostgresDocumentStore}, on its pool. `pool` refuses calls
 * while the store is not open. Single statements run in autocommit; the few calls that need
 * several run in one READ COMMITTED transaction.
 */
export class PostgresAccountStore implements AccountStore {
  constructor(
    private readonly statements: AccountStatements,
    private readonly documents: Statements,
    private readonly pool: () => Pool,
  ) {}

  async getSetting(key: string): Promise<string | undefined> {
    const { rows } = await this.pool().query<{ value: string }>(this.statements.getSetting, [key]);
    return rows[0]?.value;
  }

  async setSettingIfAbsent(key: string, value: string): Promise<string> {
    const { rows } = await this.pool().query<{ value: string }>(this.statements.setSettingIfAbsent, [key, value]);
    return rows[0].value;
  }

  async deleteSetting(key: string): Promise<void> {
    await this.pool().query(this.statements.deleteSetting, [key]);
  }

  async countUsers(): Promise<number> {
    const { rows } = await this.pool().query<{ count: number }>(this.statements.countUsers);
    return rows[0].count;
  }

  async createUser(user: NewUser): Promise<User> {
    const pool = this.pool();
    const { rows } = await refusingConstraints('create the account', undefined, () =>
      pool.query<UserRow>(this.statements.insertUser, userValues(user)),
    );
    return toUser(rows[0]);
  }

  async createFirstUser(user: NewUser): Promise<User | undefined> {
    const pool = this.pool();
    const values = userValues(user);
    return inTransaction(pool, async (client) => {
      // Waits for another first user (or any account) being created; then sees it committed.
      await client.query(this.statements.lockUsers);
      const { rows: found } = await client.query<{ any: boolean }>(this.statements.anyUser);
      if (found[0].any) return undefined;
      const { rows } = await client.query<UserRow>(this.statements.insertUser, values);
      await client.query(this.statements.adoptOwnerless, [user.id]);
      return toUser(rows[0]);
    });
  }

  async getUser(id: string): Promise<UserWithPassword | undefined> {
    const { rows } = await this.pool().query<UserWithPasswordRow>(this.statements.getUser, [id]);
    return rows[0] && toUserWithPassword(rows[0]);
  }

  async getUserByEmail(email: string): Promise<UserWithPassword | undefined> {
    const pool = this.pool();
    const { rows } = await pool.query<UserWithPasswordRow>(this.statements.getUserByEmail, [emailKey(email)]);
    return rows[0] && toUserWithPassword(rows[0]);
  }

  async listUsers(): Promise<User[]> {
    const { rows } = await this.pool().query<UserRow>(this.statements.listUsers);
    return rows.map(toUser);
  }

  async updateUser(id: string, change: { readonly name?: string; readonly passwordHash?: string }): Promise<void> {
    const values = [id, change.name ?? null, change.passwordHash ?? null];
    const { rowCount } = await this.pool().query(this.statements.updateUser, values);
    if (rowCount === 0) throw noSuchUser('update the account');
  }

  async createSession(session: StoredSession): Promise<void> {
    const pool = this.pool();
    const values = [session.digest, session.userId, dateOf(session.expiresAt, 'Session expiresAt')];
    await refusingConstraints('create a session', undefined, () => pool.query(this.statements.insertSession, values));
  }

  async getSession(digest: string, now: Date): Promise<StoredSession | undefined> {
    const pool = this.pool();
    const { rows } = await pool.query<SessionRow>(this.statements.getSession, [digest, dateOf(now, 'now')]);
    return rows[0] && toSession(rows[0]);
  }

  async extendSession(digest: string, expiresAt: Date): Promise<void> {
    const pool = this.pool();
    await pool.query(this.statements.extendSession, [digest, dateOf(expiresAt, 'Session expiresAt')]);
  }

  async deleteSession(digest: string): Promise<void> {
    await this.pool().query(this.statements.deleteSession, [digest]);
  }

  async deleteUserSessions(userId: string, exceptDigest?: string): Promise<void> {
    await this.pool().query(this.statements.deleteUserSessions, [userId, exceptDigest ?? null]);
  }

  async purgeExpiredSessions(now: Date): Promise<number> {
    const { rowCount } = await this.pool().query(this.statements.purgeSessions, [dateOf(now, 'now')]);
    return rowCount ?? 0;
  }

  async createApiToken(token: NewApiToken): Promise<ApiTokenInfo> {
    const pool = this.pool();
    const values = [token.id, token.userId, token.name, token.digest];
    const { rows } = await refusingConstraints('create an API token', undefined, () =>
      pool.query<TokenRow>(this.statements.insertToken, values),
    );
    return toToken(rows[0]);
  }

  async listApiTokens(userId: string): Promise<ApiTokenInfo[]> {
    const { rows } = await this.pool().query<TokenRow>(this.statements.listTokens, [userId]);
    return rows.map(toToken);
  }

  async useApiToken(digest: string, now: Date): Promise<ApiTokenInfo | undefined> {
    const pool = this.pool();
    const at = dateOf(now, 'now');
    const found = (await pool.query<TokenRow>(this.statements.findToken, [digest])).rows[0];
    if (!found || (found.last_used_at !== null && at.getTime() - new Date(found.last_used_at).getTime() < LAST_USE_RESOLUTION_MS)) {
      return found && toToken(found);
    }
    const { rows } = await pool.query<TokenRow>(this.statements.useToken, [digest, at]);
    return rows[0] && toToken(rows[0]);
  }

  async getApiToken(id: string): Promise<ApiTokenInfo | undefined> {
    const { rows } = await this.pool().query<TokenRow>(this.statements.getToken, [id]);
    return rows[0] && toToken(rows[0]);
  }

  async deleteApiToken(userId: string, id: string): Promise<boolean> {
    const { rowCount } = await this.pool().query(this.statements.deleteToken, [userId, id]);
    return (rowCount ?? 0) > 0;
  }

  async createTicket(ticket: Ticket): Promise<void> {
    const pool = this.pool();
    const values = [
      ticket.digest,
      ticket.documentId,
      ticket.userId,
      ticket.name,
      ticket.role,
      ticket.grantKind,
      ticket.grantId,
      dateOf(ticket.expiresAt, 'Ticket expiresAt'),
    ];
    await refusingConstraints('create a ticket', ticket.documentId, () =>
      pool.query(this.statements.insertTicket, values),
    );
  }

  async consumeTicket(digest: string, now: Date): Promise<Ticket | undefined> {
    const pool = this.pool();
    const { rows } = await pool.query<TicketRow>(this.statements.consumeTicket, [digest, dateOf(now, 'now')]);
    return rows[0] && toTicket(rows[0]);
  }

  async purgeExpiredTickets(now: Date): Promise<number> {
    const { rowCount } = await this.pool().query(this.statements.purgeTickets, [dateOf(now, 'now')]);
    return rowCount ?? 0;
  }

  async createOwnedDocument(id: string, ownerId: string, title?: string): Promise<MemberDocument> {
    const pool = this.pool();
    return inTransaction(pool, async (client) => {
      const { rows: owners } = await client.query<UserRow>(this.statements.getUser, [ownerId]);
      if (owners.length === 0) throw noSuchUser('create a document');
      const explicit = title !== undefined;
      const { rows } = await client.query<DocumentRow>(this.documents.insertDocument, [id, title ?? '', explicit]);
      if (rows.length === 0) throw documentExists(id);
      await client.query(this.statements.insertOwner, [id, ownerId]);
      return toMemberDocument({ ...rows[0], role: 'owner', owner_id: ownerId, owner_name: owners[0].name });
    });
  }

  async getRole(documentId: string, userId: string): Promise<Role | undefined> {
    const { rows } = await this.pool().query<{ role: Role }>(this.statements.getRole, [documentId, userId]);
    return rows[0]?.role;
  }

  async getMemberDocument(documentId: string, userId: string): Promise<MemberDocument | undefined> {
    const pool = this.pool();
    const { rows } = await pool.query<MemberDocumentRow>(this.statements.getMemberDocument, [userId, documentId]);
    return rows[0] && toMemberDocument(rows[0]);
  }

  async listMemberDocuments(userId: string): Promise<MemberDocument[]> {
    const { rows } = await this.pool().query<MemberDocumentRow>(this.statements.listMemberDocuments, [userId]);
    return rows.map(toMemberDocument);
  }

  async listMembers(documentId: string): Promise<Member[]> {
    const { rows } = await this.pool().query<MemberRow>(this.statements.listMembers, [documentId]);
    return rows.map(toMember);
  }

  async setMember(documentId: string, userId: string, role: LinkRole): Promise<void> {
    const pool = this.pool();
    checkLinkRole(role, 'set a member');
    const { rows } = await refusingConstraints('set a member', documentId, () =>
      pool.query(this.statements.setMember, [documentId, userId, role]),
    );
    // No row: the upsert's WHERE kept the owner's row as it was.
    if (rows.length === 0) throw ownerUnchangeable(documentId, `make them ${role}`);
  }

  async joinAsMember(documentId: string, userId: string, role: LinkRole): Promise<Role> {
    const pool = this.pool();
    checkLinkRole(role, 'join');
    const { rows } = await refusingConstraints('join', documentId, () =>
      pool.query<{ role: Role }>(this.statements.joinAsMember, [documentId, userId, role]),
    );
    return rows[0].role;
  }

  async removeMember(documentId: string, userId: string): Promise<boolean> {
    const pool = this.pool();
    const { rowCount } = await pool.query(this.statements.removeMember, [documentId, userId]);
    if ((rowCount ?? 0) > 0) return true;
    // The owner's row is the only one the DELETE skips; an owner never stops being one.
    if ((await this.getRole(documentId, userId)) === 'owner') throw ownerUnchangeable(documentId, 'remove them');
    return false;
  }

  async deleteDocument(documentId: string): Promise<boolean> {
    // The foreign keys cascade to its log, members, links and tickets, in this one statement.
    const { rowCount } = await this.pool().query(this.statements.deleteDocument, [documentId]);
    return (rowCount ?? 0) > 0;
  }

  async renameDocument(documentId: string, title: string): Promise<void> {
    const { rowCount } = await this.pool().query(this.documents.setTitle, [title, documentId]);
    if (rowCount === 0) throw noSuchDocument(documentId, 'rename it');
  }

  async createLink(link: NewShareLink): Promise<ShareLink> {
    const pool = this.pool();
    checkLinkRole(link.role, 'create a share link');
    const values = [link.id, link.documentId, link.role, link.createdBy];
    const { rows } = await refusingConstraints('create a share link', link.documentId, () =>
      pool.query<LinkRow>(this.statements.insertLink, values),
    );
    return toLink(rows[0]);
  }

  async getLink(id: string): Promise<ShareLink | undefined> {
    const { rows } = await this.pool().query<LinkRow>(this.statements.getLink, [id]);
    return rows[0] && toLink(rows[0]);
  }

  async listLinks(documentId: string): Promise<ShareLink[]> {
    const { rows } = await this.pool().query<LinkRow>(this.statements.listLinks, [documentId]);
    return rows.map(toLink);
  }

  async revokeLink(documentId: string, id: string): Promise<boolean> {
    const { rowCount } = await this.pool().query(this.statements.revokeLink, [documentId, id]);
    return (rowCount ?? 0) > 0;
  }

  async recordSecurityEvent(event: NewSecurityEvent): Promise<void> {
    const pool = this.pool();
    const { at, type, actorId, address, documentId, subjectId, details } = securityEventParams(event);
    await pool.query(this.statements.insertSecurityEvent, [new Date(at), type, actorId, address, documentId, subjectId, details]);
  }

  async listSecurityEvents(limit: number): Promise<SecurityEvent[]> {
    const pool = this.pool();
    const { rows } = await pool.query<SecurityEventRow>(this.statements.listSecurityEvents, [checkCount(limit, 'The limit')]);
    return rows.map(toSecurityEvent);
  }

  async purgeSecurityEvents(keep: number): Promise<number> {
    const pool = this.pool();
    const { rowCount } = await pool.query(this.statements.purgeSecurityEvents, [checkCount(keep, 'How many events to keep')]);
    return rowCount ?? 0;
  }
}

function userValues(user: NewUser): unknown[] {
  return [user.id, normalizeEmail(user.email), user.name, user.passwordHash, Boolean(user.isAdmin)];
}

/** A valid Date for pg; refuses anything else rather than store a wrong time. */
function dateOf(date: Date, what: string): Date {
  return new Date(timeOf(date, what));
}
