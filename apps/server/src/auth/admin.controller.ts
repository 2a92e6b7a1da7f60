import type { IncomingMessage } from 'node:http';
import { Controller, Get, Param, Post, Req } from '@nestjs/common';
import type { SecurityEventList, TemporaryPassword, UserList } from '@quire/api-contract';
import { SecurityEvents } from '../audit/security-events';
import { toEventView } from '../audit/security-event-view';
import { Caller } from '../http/caller.decorator';
import { SessionOnly } from '../http/session-only.decorator';
import { toUserView } from './account-views';
import { AccountsService } from './accounts-service';
import { AccountControlsService } from '../people/account-controls-service';
import { AuthError } from './auth-error';
import type { Principal } from './principal';
import { RequestAuth } from './request-auth';

/** How many events `GET /api/admin/events` lists. */
export const ADMIN_EVENTS_LISTED = 200;

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
    private readonly controls: AccountControlsService,
  ) {}

  @Get('users')
  async users(@Caller() principal: Principal): Promise<UserList> {
    return { users: (await this.controls.listUsers(principal)).map((user) => ({ ...toUserView(user), disabled: user.disabled })) };
  }

  @Post('users/:id/password')
  async resetPassword(@Caller() principal: Principal, @Req() request: IncomingMessage, @Param('id') id: string): Promise<TemporaryPassword> {
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
  async securityEvents(@Caller() principal: Principal): Promise<SecurityEventList> {
    if (!principal.user.isAdmin) throw new AuthError(403, 'Only the administrator can do this');
    return { events: (await this.events.list(ADMIN_EVENTS_LISTED)).map(toEventView) };
  }
}
