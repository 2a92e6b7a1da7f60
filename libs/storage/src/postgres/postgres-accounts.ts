import type { Pool } from 'pg';
import { dateOf, emailKey, noSuchUser, normalizeEmail } from '../directory-checks';
import { LAST_USE_RESOLUTION_MS } from '../directory';
import type { ApiTokenInfo, NewApiToken, NewUser, StoredSession, User, UserWithPassword } from '../directory-records';
import {
  toSession,
  toToken,
  toUser,
  toUserWithPassword,
  type SessionRow,
  type TokenRow,
  type UserRow,
  type UserWithPasswordRow,
} from '../directory-rows';
import { checkCount, securityEventParams, toSecurityEvent, type NewSecurityEvent, type SecurityEvent, type SecurityEventRow } from '../security-events';
import { refusingConstraints } from './directory-errors';
import type { DirectoryStatements } from './directory-statements';
import { inTransaction } from './pool';

/**
 * The accounts part of a {@link PostgresDirectory}: settings, users, sessions, API tokens and
 * security events; `PostgresDirectory` adds documents, members, share links and tickets. `pool`
 * refuses calls while the storage is not open. Single statements run in autocommit; the few
 * calls that need several run in one READ COMMITTED transaction.
 */
export class PostgresAccounts {
  constructor(
    protected readonly statements: DirectoryStatements,
    protected readonly pool: () => Pool,
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
