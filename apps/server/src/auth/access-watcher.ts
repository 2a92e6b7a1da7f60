import type { Connection } from '@quire/collab-core';
import { CloseCode } from '@quire/constants';
import type { Logger } from 'pino';
import { grantKey, type Grant, type GrantCheck } from './grant';

/** How often open sockets' grants are re-checked: revocations take effect within this (plus a query). */
export const ACCESS_CHECK_INTERVAL_MS = 2_000;

/**
 * Re-checks, every few seconds, that each open socket may still do what it was let in for, so that
 * removing a member, revoking a link or token, or deleting a document closes the sockets it opened
 * on every instance (the state is in the database). Sockets sharing a grant share one check.
 */
export class AccessWatcher {
  private readonly grants = new Map<Connection, Grant>();
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;

  constructor(
    private readonly recheck: (grant: Grant) => Promise<GrantCheck>,
    private readonly logger: Logger,
    private readonly intervalMs = ACCESS_CHECK_INTERVAL_MS,
  ) {}

  watch(connection: Connection, grant: Grant): void {
    if (connection.isOpen) this.grants.set(connection, grant);
  }

  /** The socket closed: let go of it now, not at the next pass (a closed socket holds its buffers). */
  forget(connection: Connection): void {
    this.grants.delete(connection);
  }

  /** Sockets being watched. */
  get watched(): number {
    return this.grants.size;
  }

  start(): void {
    this.timer ??= setInterval(() => {
      // One pass at a time: a slow database must not pile passes up.
      this.running ??= this.checkAll().finally(() => (this.running = undefined));
    }, this.intervalMs);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    this.timer = undefined;
    await this.running;
  }

  /** One pass over every open socket; exposed for tests. */
  async checkAll(): Promise<void> {
    const checks = new Map<string, Promise<GrantCheck | undefined>>();
    const pending: Array<[Connection, Grant, Promise<GrantCheck | undefined>]> = [];
    for (const [connection, grant] of this.grants) {
      if (!connection.isOpen) {
        this.grants.delete(connection);
        continue;
      }
      const key = grantKey(grant);
      let check = checks.get(key);
      if (!check) {
        check = this.recheck(grant).catch((error: unknown) => {
          // The database is away: keep sockets open (they were allowed) and try again next pass.
          this.logger.warn({ err: error }, 'Could not re-check socket access; will retry');
          return undefined;
        });
        checks.set(key, check);
      }
      pending.push([connection, grant, check]);
    }
    for (const [connection, grant, check] of pending) this.apply(connection, grant, await check);
  }

  private apply(connection: Connection, grant: Grant, check: GrantCheck | undefined): void {
    if (!check || !connection.isOpen) return;
    if (!check.ok) {
      this.logger.info({ ...connection.logFields, code: check.code, grant: grant.kind }, `Closing a socket: ${check.message}`);
      connection.close(check.code, check.message);
      this.grants.delete(connection);
      return;
    }
    if (check.role === grant.role) return;
    if (grant.kind === 'token' && connection.access) {
      // Scripts' stock clients do not reconnect after a 44xx close: change what they may do in place.
      connection.access.readOnly = check.role === 'viewer';
      this.grants.set(connection, { ...grant, role: check.role });
      return;
    }
    // A browser reconnects with a fresh ticket and shows its new role (read-only or not).
    this.logger.info({ ...connection.logFields, from: grant.role, to: check.role }, 'Role changed; asking the client to reconnect');
    connection.close(CloseCode.Forbidden, 'Your access to this document changed: reconnect');
    this.grants.delete(connection);
  }
}
