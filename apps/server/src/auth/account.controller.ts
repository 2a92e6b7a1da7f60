import type { IncomingMessage } from 'node:http';
import { Body, Controller, Delete, Get, HttpCode, HttpStatus, Param, Patch, Post, Req } from '@nestjs/common';
import type { ApiTokenList, CreatedApiToken, SignedIn } from '@quire/api-contract';
import { SecurityEvents } from '../audit/security-events';
import { Caller } from '../http/caller.decorator';
import { SessionOnly } from '../http/session-only.decorator';
import { toTokenView, toUserView } from './account-views';
import { AccountsService } from './accounts-service';
import type { Principal } from './principal';
import { RequestAuth } from './request-auth';

/**
 * The signed-in person's own account: name, password and personal API tokens. A browser session
 * only: a leaked API token must not mint more tokens or change the password.
 */
@Controller('api')
@SessionOnly()
export class AccountController {
  constructor(
    private readonly accounts: AccountsService,
    private readonly auth: RequestAuth,
    private readonly events: SecurityEvents,
  ) {}

  @Patch('account')
  async rename(@Caller() principal: Principal, @Body() body: unknown): Promise<SignedIn> {
    return { user: toUserView(await this.accounts.rename(principal, body)) };
  }

  @Post('account/password')
  @HttpCode(HttpStatus.NO_CONTENT)
  async changePassword(@Caller() principal: Principal, @Req() request: IncomingMessage, @Body() body: unknown): Promise<void> {
    await this.accounts.changePassword(principal, body);
    const revoked = (body as { revokeTokens?: unknown }).revokeTokens === true;
    this.events.record({
      type: 'password-changed',
      actorId: principal.user.id,
      address: this.auth.address(request),
      details: revoked ? 'other sessions ended, API tokens revoked' : 'other sessions ended',
    });
  }

  @Get('tokens')
  async tokens(@Caller() principal: Principal): Promise<ApiTokenList> {
    return { tokens: (await this.accounts.listTokens(principal)).map(toTokenView) };
  }

  @Post('tokens')
  @HttpCode(HttpStatus.CREATED)
  async createToken(@Caller() principal: Principal, @Req() request: IncomingMessage, @Body() body: unknown): Promise<CreatedApiToken> {
    const { info, token } = await this.accounts.createToken(principal, body);
    this.events.record({
      type: 'token-created',
      actorId: principal.user.id,
      address: this.auth.address(request),
      subjectId: info.id,
      details: `named "${info.name}"`,
    });
    return { ...toTokenView(info), token };
  }

  @Delete('tokens/:id')
  @HttpCode(HttpStatus.NO_CONTENT)
  async deleteToken(@Caller() principal: Principal, @Req() request: IncomingMessage, @Param('id') id: string): Promise<void> {
    await this.accounts.deleteToken(principal, id);
    this.events.record({ type: 'token-revoked', actorId: principal.user.id, address: this.auth.address(request), subjectId: id });
  }
}
