import { mayEdit } from '@quire/api-contract';
import type { AccessChange } from '@quire/bus';
import type { Connection } from '@quire/collab-core';
import { CloseCode } from '@quire/constants';
import type { Logger } from 'pino';
import { grantKey, type Grant, type GrantCheck } from './grant';

/**
 * How often every open socket's grant is re-checked anyway (default of `ACCESS_RECHECK_INTERVAL_MS`).
 * Access changes are pushed (see {@link AccessWatcher.recheckAffected}); this pass only catches one
 * whose message was lost (the bus was down, or a change made outside the server, such as the
 * reset-admin-password command).
 */
export const ACCESS_CHECK_INTERVAL_MS = 30_000;

/**
 * Knows under which grant each open socket was let in, and re-checks grants against the database:
 * at once for the sockets an access change affects, and every {@link ACCESS_CHECK_INTERVAL_MS} for
 * all, so that removing a member, revoking a link or token, signing out or deleting a document
 * closes (or makes read-only) the sockets it opened on every instance. Sockets sharing a grant
 * share one check.
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

  /** One pass over every open socket: the safety net, and what a gap in the access messages calls for. */
  async checkAll(): Promise<void> {
    await this.checkEach([...this.grants], false);
  }

  /**
   * Re-checks now the sockets `change` affects (committed before this is called). Their frames
   * wait meanwhile, so that nothing a socket sends after the change is applied under access it may
   * have lost; the ones that keep their access then go on in order.
   */
  async recheckAffected(change: AccessChange): Promise<void> {
    const affected = [...this.grants].filter(([, grant]) => affects(change, grant));
    await this.checkEach(affected, true);
  }

  private async checkEach(watched: Array<[Connection, Grant]>, hold: boolean): Promise<void> {
    const checks = new Map<string, Promise<GrantCheck | undefined>>();
    const pending: Array<[Connection, Grant, Promise<GrantCheck | undefined>]> = [];
    for (const [connection, grant] of watched) {
      if (!connection.isOpen) {
        this.grants.delete(connection);
        continue;
      }
      if (hold) connection.hold();
      const key = grantKey(grant);
      let check = checks.get(key);
      if (!check) {
        check = this.recheck(grant).catch((error: unknown) => {
          // The database is away: keep sockets as they were (they were allowed) and try again next pass.
          this.logger.warn({ err: error }, 'Could not re-check socket access; will retry');
          return undefined;
        });
        checks.set(key, check);
      }
      pending.push([connection, grant, check]);
    }
    for (const [connection, grant, check] of pending) {
      this.apply(connection, grant, await check);
      connection.release();
    }
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
      // Commenters, like viewers, may not change the content (they comment over HTTP).
      connection.access.readOnly = !mayEdit(check.role);
      this.grants.set(connection, { ...grant, role: check.role });
      return;
    }
    // A browser reconnects with a fresh ticket and shows its new role (read-only or not).
    this.logger.info({ ...connection.logFields, from: grant.role, to: check.role }, 'Role changed; asking the client to reconnect');
    connection.close(CloseCode.Forbidden, 'Your access to this document changed: reconnect');
    this.grants.delete(connection);
  }
}

function affects(change: AccessChange, grant: Grant): boolean {
  return (change.documentId === undefined || change.documentId === grant.documentId) && (change.userId === undefined || change.userId === grant.userId);
}
