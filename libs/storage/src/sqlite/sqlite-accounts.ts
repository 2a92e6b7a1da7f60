import { emailKey, noSuchUser, normalizeEmail, timeOf } from '../directory-checks';
import { LAST_USE_RESOLUTION_MS } from '../directory';
import type { ApiTokenInfo, NewApiToken, NewUser, StoredSession, User, UserWithPassword } from '../directory-records';
import { toSession, toToken, toUser, toUserWithPassword, type TokenRow, type UserRow } from '../directory-rows';
import { checkCount, securityEventParams, toSecurityEvent, type NewSecurityEvent, type SecurityEvent } from '../security-events';
import type { DirectoryConnection } from './directory-connection';
import { refusingConstraints } from './directory-errors';
import type { UserParams } from './directory-statements';

/**
 * The accounts part of a {@link SqliteDirectory}: settings, users, sessions, API tokens and
 * security events; `SqliteDirectory` adds documents, members, share links and tickets.
 * `connection` refuses calls while the storage is not open.
 */
export class SqliteAccounts {
  constructor(protected readonly connection: () => DirectoryConnection) {}

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
