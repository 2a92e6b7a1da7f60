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
  type TokenRow,
  type UserRow,
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
import { noSuchDocument } from '../checks';
import { checkCount, securityEventParams, toSecurityEvent, type NewSecurityEvent, type SecurityEvent } from '../security-events';
import type { AccountConnection } from './account-connection';
import { refusingConstraints } from './account-errors';
import type { UserParams } from './account-statements';

/**
 * The {@link AccountStore} of a {@link SqliteDocumentStore}, on its connection: the foreign keys
 * to `documents` hold even for `':memory:'`. `connection` refuses calls while the store is not open.
 */
export class SqliteAccountStore implements AccountStore {
  constructor(private readonly connection: () => AccountConnection) {}

  async getSetting(key: string): Promise<string | undefined> {
    return this.connection().statements.getSetting.get(key);
  }

  async setSettingIfAbsent(key: string, value: string): Promise<string> {
    return this.connection().statements.setSettingIfAbsent.get(key, value) as string;
  }

  async deleteSetting(key: string): Promise<void> {
    this.connection().statements.deleteSetting.run(key);
  }

  async countUsers(): Promise<number> {
    return this.connection().statements.countUsers.get() ?? 0;
  }

  async createUser(user: NewUser): Promise<User> {
    const { statements } = this.connection();
    const params = userParams(user);
    // RETURNING gives the row it inserted: there is always one.
    return toUser(refusingConstraints('create the account', () => statements.insertUser.get(params) as UserRow));
  }

  async createFirstUser(user: NewUser): Promise<User | undefined> {
    const connection = this.connection();
    const params = userParams(user);
    const row = refusingConstraints('create the first account', () => connection.createFirstUser(params));
    return row && toUser(row);
  }

  async getUser(id: string): Promise<UserWithPassword | undefined> {
    const row = this.connection().statements.getUser.get(id);
    return row && toUserWithPassword(row);
  }

  async getUserByEmail(email: string): Promise<UserWithPassword | undefined> {
    const row = this.connection().statements.getUserByEmail.get(emailKey(email));
    return row && toUserWithPassword(row);
  }

  async listUsers(): Promise<User[]> {
    return this.connection().statements.listUsers.all().map(toUser);
  }

  async updateUser(id: string, change: { readonly name?: string; readonly passwordHash?: string }): Promise<void> {
    const { statements } = this.connection();
    const params = { id, name: change.name ?? null, passwordHash: change.passwordHash ?? null };
    if (statements.updateUser.run(params).changes === 0) throw noSuchUser('update the account');
  }

  async createSession(session: StoredSession): Promise<void> {
    const { statements } = this.connection();
    const expiresAt = timeOf(session.expiresAt, 'Session expiresAt');
    refusingConstraints('create a session', () =>
      statements.insertSession.run(session.digest, session.userId, expiresAt),
    );
  }

  async getSession(digest: string, now: Date): Promise<StoredSession | undefined> {
    const row = this.connection().statements.getSession.get(digest, timeOf(now, 'now'));
    return row && toSession(row);
  }

  async extendSession(digest: string, expiresAt: Date): Promise<void> {
    this.connection().statements.extendSession.run(timeOf(expiresAt, 'Session expiresAt'), digest);
  }

  async deleteSession(digest: string): Promise<void> {
    this.connection().statements.deleteSession.run(digest);
  }

  async deleteUserSessions(userId: string, exceptDigest?: string): Promise<void> {
    this.connection().statements.deleteUserSessions.run(userId, exceptDigest ?? null);
  }

  async purgeExpiredSessions(now: Date): Promise<number> {
    return this.connection().statements.purgeSessions.run(timeOf(now, 'now')).changes;
  }

  async createApiToken(token: NewApiToken): Promise<ApiTokenInfo> {
    const { statements } = this.connection();
    const { id, userId, name, digest } = token;
    const params = { id, userId, name, digest, now: Date.now() };
    return toToken(refusingConstraints('create an API token', () => statements.insertToken.get(params) as TokenRow));
  }

  async listApiTokens(userId: string): Promise<ApiTokenInfo[]> {
    return this.connection().statements.listTokens.all(userId).map(toToken);
  }

  async useApiToken(digest: string, now: Date): Promise<ApiTokenInfo | undefined> {
    const { statements } = this.connection();
    const at = timeOf(now, 'now');
    const found = statements.findToken.get(digest);
    if (!found || (found.last_used_at !== null && at - new Date(found.last_used_at).getTime() < LAST_USE_RESOLUTION_MS)) return found && toToken(found);
    const row = statements.useToken.get(at, digest);
    return row && toToken(row);
  }

  async getApiToken(id: string): Promise<ApiTokenInfo | undefined> {
    const row = this.connection().statements.getToken.get(id);
    return row && toToken(row);
  }

  async deleteApiToken(userId: string, id: string): Promise<boolean> {
    return this.connection().statements.deleteToken.run(id, userId).changes > 0;
  }

  async createTicket(ticket: Ticket): Promise<void> {
    const connection = this.connection();
    const params = {
      digest: ticket.digest,
      documentId: ticket.documentId,
      userId: ticket.userId,
      name: ticket.name,
      role: ticket.role,
      grantKind: ticket.grantKind,
      grantId: ticket.grantId,
      expiresAt: timeOf(ticket.expiresAt, 'Ticket expiresAt'),
    };
    refusingConstraints('create a ticket', () => connection.createTicket(params));
  }

  async consumeTicket(digest: string, now: Date): Promise<Ticket | undefined> {
    const connection = this.connection();
    const row = connection.consumeTicket(digest, timeOf(now, 'now'));
    return row && toTicket(row);
  }

  async purgeExpiredTickets(now: Date): Promise<number> {
    return this.connection().statements.purgeTickets.run(timeOf(now, 'now')).changes;
  }

  async createOwnedDocument(id: string, ownerId: string, title?: string): Promise<MemberDocument> {
    return this.connection().createOwnedDocument(id, ownerId, title, Date.now());
  }

  async getRole(documentId: string, userId: string): Promise<Role | undefined> {
    return this.connection().statements.getRole.get(documentId, userId) as Role | undefined;
  }

  async getMemberDocument(documentId: string, userId: string): Promise<MemberDocument | undefined> {
    const row = this.connection().statements.getMemberDocument.get({ documentId, userId });
    return row && toMemberDocument(row);
  }

  async listMemberDocuments(userId: string): Promise<MemberDocument[]> {
    return this.connection().statements.listMemberDocuments.all({ userId }).map(toMemberDocument);
  }

  async listMembers(documentId: string): Promise<Member[]> {
    return this.connection().statements.listMembers.all(documentId).map(toMember);
  }

  async setMember(documentId: string, userId: string, role: LinkRole): Promise<void> {
    const connection = this.connection();
    checkLinkRole(role, 'set a member');
    const change = { documentId, userId, role, now: Date.now() };
    refusingConstraints('set a member', () => connection.setMember(change));
  }

  async joinAsMember(documentId: string, userId: string, role: LinkRole): Promise<Role> {
    const connection = this.connection();
    checkLinkRole(role, 'join');
    const change = { documentId, userId, role, now: Date.now() };
    return refusingConstraints('join', () => connection.joinAsMember(change)) as Role;
  }

  async removeMember(documentId: string, userId: string): Promise<boolean> {
    const { statements } = this.connection();
    if (statements.removeMember.run(documentId, userId).changes > 0) return true;
    // The owner's row is the only one the DELETE skips; an owner never stops being one.
    if (statements.getRole.get(documentId, userId) === 'owner') throw ownerUnchangeable(documentId, 'remove them');
    return false;
  }

  async deleteDocument(documentId: string): Promise<boolean> {
    // The foreign keys cascade to its log, members, links and tickets, in this one statement.
    return this.connection().statements.deleteDocument.run(documentId).changes > 0;
  }

  async renameDocument(documentId: string, title: string): Promise<void> {
    const { documents } = this.connection();
    if (documents.setTitle.run(title, documentId).changes === 0) throw noSuchDocument(documentId, 'rename it');
  }

  async createLink(link: NewShareLink): Promise<ShareLink> {
    const connection = this.connection();
    checkLinkRole(link.role, 'create a share link');
    const { id, documentId, role, createdBy } = link;
    const params = { id, documentId, role, createdBy, now: Date.now() };
    return toLink(refusingConstraints('create a share link', () => connection.createLink(params)));
  }

  async getLink(id: string): Promise<ShareLink | undefined> {
    const row = this.connection().statements.getLink.get(id);
    return row && toLink(row);
  }

  async listLinks(documentId: string): Promise<ShareLink[]> {
    return this.connection().statements.listLinks.all(documentId).map(toLink);
  }

  async revokeLink(documentId: string, id: string): Promise<boolean> {
    return this.connection().statements.revokeLink.run(Date.now(), documentId, id).changes > 0;
  }

  async recordSecurityEvent(event: NewSecurityEvent): Promise<void> {
    const { securityEvents } = this.connection();
    securityEvents.insert.run(securityEventParams(event));
  }

  async listSecurityEvents(limit: number): Promise<SecurityEvent[]> {
    const { securityEvents } = this.connection();
    return securityEvents.list.all(checkCount(limit, 'The limit')).map(toSecurityEvent);
  }

  async purgeSecurityEvents(keep: number): Promise<number> {
    const { securityEvents } = this.connection();
    return securityEvents.purge.run(checkCount(keep, 'How many events to keep')).changes;
  }
}

function userParams(user: NewUser): UserParams {
  return {
    id: user.id,
    email: normalizeEmail(user.email),
    name: user.name,
    passwordHash: user.passwordHash,
    isAdmin: user.isAdmin ? 1 : 0,
    now: Date.now(),
  };
}
