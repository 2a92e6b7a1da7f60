import type { IncomingMessage } from 'node:http';
import { Body, Controller, Delete, Get, HttpCode, HttpStatus, Param, Post, Put, Req } from '@nestjs/common';
import type { DeletedUser, OwnedDocumentList, ResetRequestList, SignupSetting, UserView } from '@quire/api-contract';
import { SecurityEvents, type SecurityEventType } from '../audit/security-events';
import { toUserView } from '../auth/account-views';
import type { Principal } from '../auth/principal';
import { RequestAuth } from '../auth/request-auth';
import { Caller } from '../http/caller.decorator';
import { SessionOnly } from '../http/session-only.decorator';
import { AccountControlsService } from './account-controls-service';

/**
 * The administrator's controls over accounts, sign-up and reset requests (docs/api.md,
 * "Administration"). A browser session only, as every administration route: a leaked API token
 * must not disable or delete accounts.
 */
@Controller('api/admin')
@SessionOnly()
export class AccountControlsController {
  constructor(
    private readonly controls: AccountControlsService,
    private readonly auth: RequestAuth,
    private readonly events: SecurityEvents,
  ) {}

  @Put('users/:id/disabled')
  async setDisabled(@Caller() principal: Principal, @Req() request: IncomingMessage, @Param('id') id: string, @Body() body: unknown): Promise<UserView> {
    const user = await this.controls.setDisabled(principal, id, body);
    this.record(request, principal, user.disabled ? 'account-disabled' : 'account-enabled', id, user.disabled ? 'sessions ended, API tokens revoked, sockets closed' : undefined);
    return { ...toUserView(user), disabled: user.disabled };
  }

  @Get('users/:id/documents')
  async ownedDocuments(@Caller() principal: Principal, @Param('id') id: string): Promise<OwnedDocumentList> {
    return { documents: await this.controls.ownedDocuments(principal, id) };
  }

  @Post('users/:id/deletion')
  @HttpCode(HttpStatus.OK)
  async deleteUser(@Caller() principal: Principal, @Req() request: IncomingMessage, @Param('id') id: string, @Body() body: unknown): Promise<DeletedUser> {
    const result = await this.controls.deleteUser(principal, id, body);
    const heirId = (body as { heirId?: string | null }).heirId ?? null;
    const details = heirId === null ? `${result.deleted.length} documents deleted` : `${result.handedOver.length} documents handed to ${heirId}`;
    this.record(request, principal, 'account-deleted', id, details);
    return { handedOver: result.handedOver, deleted: result.deleted };
  }

  @Get('signup')
  async signup(@Caller() principal: Principal): Promise<SignupSetting> {
    return { allowSignup: await this.controls.signupAllowed(principal) };
  }

  @Put('signup')
  async setSignup(@Caller() principal: Principal, @Req() request: IncomingMessage, @Body() body: unknown): Promise<SignupSetting> {
    const allowSignup = await this.controls.setSignupAllowed(principal, body);
    this.record(request, principal, 'signup-setting-changed', undefined, allowSignup ? 'sign-up turned on' : 'sign-up turned off');
    return { allowSignup };
  }

  @Get('password-reset-requests')
  async resetRequests(@Caller() principal: Principal): Promise<ResetRequestList> {
    const requests = await this.controls.resetRequests(principal);
    return { requests: requests.map((request) => ({ id: request.id, email: request.email, requestedAt: request.requestedAt.toISOString(), user: request.user })) };
  }

  @Delete('password-reset-requests/:id')
  @HttpCode(HttpStatus.NO_CONTENT)
  async dismiss(@Caller() principal: Principal, @Req() request: IncomingMessage, @Param('id') id: string): Promise<void> {
    await this.controls.dismissResetRequest(principal, id);
    this.record(request, principal, 'password-reset-request-dismissed', id);
  }

  private record(request: IncomingMessage, principal: Principal, type: SecurityEventType, subjectId?: string, details?: string): void {
    this.events.record({ type, actorId: principal.user.id, address: this.auth.address(request), ...(subjectId ? { subjectId } : {}), ...(details ? { details } : {}) });
  }
}
