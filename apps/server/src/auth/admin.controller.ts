import type { IncomingMessage } from 'node:http';
import { Controller, Get, Param, Post, Req } from '@nestjs/common';
import type { SecurityEvent } from '@quire/storage';
import { SecurityEvents } from '../audit/security-events';
import { SessionOnly } from '../http/session-only.decorator';
import { AccountsService } from './accounts-service';
import { AuthError } from './auth-error';
import { toUserView, type UserView, type Principal } from './principal';
import { RequestAuth } from './request-auth';

/** How many events `GET /api/admin/events` lists. */
export const ADMIN_EVENTS_LISTED = 200;

/** A security event as the administrator's page reads it (docs/api.md, "Security events"). */
export interface SecurityEventView {
  id: string;
  at: string;
  type: string;
  actor: { id: string; name: string } | null;
  address: string | null;
  documentId: string | null;
  subjectId: string | null;
  details: string | null;
}

function toEventView(event: SecurityEvent): SecurityEventView {
  return {
    id: event.id,
    at: event.at.toISOString(),
    type: event.type,
    // An actor without a name is an account that no longer exists (or a guest's id).
    actor: event.actorId === null ? null : { id: event.actorId, name: event.actorName ?? 'unknown account' },
    address: event.address,
    documentId: event.documentId,
    subjectId: event.subjectId,
    details: event.details,
  };
}

/**
 * What only the administrator may do: list accounts, reset a password, read the security events.
 * A browser session only, on every route here: an administrator's leaked API token must not reset
 * a password (the administrator's own included) and so obtain a session.
 */
@Controller('api/admin')
@SessionOnly()
export class AdminController {
  constructor(
    private readonly accounts: AccountsService,
    private readonly auth: RequestAuth,
    private readonly events: SecurityEvents,
  ) {}

  @Get('users')
  async users(@Req() request: IncomingMessage): Promise<{ users: UserView[] }> {
    const principal = await this.auth.require(request);
    return { users: (await this.accounts.listUsers(principal)).map(toUserView) };
  }

  @Post('users/:id/password')
  async resetPassword(@Req() request: IncomingMessage, @Param('id') id: string): Promise<{ temporaryPassword: string }> {
    const principal = await this.auth.require(request);
    const temporaryPassword = await this.accounts.resetPassword(principal, id);
    this.events.record({
      type: 'password-reset',
      actorId: principal.user.id,
      address: this.auth.address(request),
      subjectId: id,
      details: 'sessions ended, API tokens revoked',
    });
    return { temporaryPassword };
  }

  @Get('events')
  async securityEvents(@Req() request: IncomingMessage): Promise<{ events: SecurityEventView[] }> {
    requireAdmin(await this.auth.require(request));
    return { events: (await this.events.list(ADMIN_EVENTS_LISTED)).map(toEventView) };
  }
}

function requireAdmin(principal: Principal): void {
  if (!principal.user.isAdmin) throw new AuthError(403, 'Only the administrator can do this');
}
