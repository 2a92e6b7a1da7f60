import type { IncomingMessage } from 'node:http';
import { Body, Controller, Delete, Get, HttpCode, HttpStatus, Param, Patch, Post, Req } from '@nestjs/common';
import type { ApiTokenInfo } from '@quire/storage';
import { SecurityEvents } from '../audit/security-events';
import { SessionOnly } from '../http/session-only.decorator';
import { AccountsService } from './accounts-service';
import { toUserView, type UserView } from './principal';
import { RequestAuth } from './request-auth';

interface ApiTokenView {
  id: string;
  name: string;
  createdAt: string;
  lastUsedAt: string | null;
}

function toTokenView(info: ApiTokenInfo): ApiTokenView {
  return { id: info.id, name: info.name, createdAt: info.createdAt.toISOString(), lastUsedAt: info.lastUsedAt?.toISOString() ?? null };
}

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
  async rename(@Req() request: IncomingMessage, @Body() body: unknown): Promise<{ user: UserView }> {
    const principal = await this.auth.require(request);
    return { user: toUserView(await this.accounts.rename(principal, body)) };
  }

  @Post('account/password')
  @HttpCode(HttpStatus.NO_CONTENT)
  async changePassword(@Req() request: IncomingMessage, @Body() body: unknown): Promise<void> {
    const principal = await this.auth.require(request);
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
  async tokens(@Req() request: IncomingMessage): Promise<{ tokens: ApiTokenView[] }> {
    const principal = await this.auth.require(request);
    return { tokens: (await this.accounts.listTokens(principal)).map(toTokenView) };
  }

  @Post('tokens')
  @HttpCode(HttpStatus.CREATED)
  async createToken(@Req() request: IncomingMessage, @Body() body: unknown): Promise<ApiTokenView & { token: string }> {
    const principal = await this.auth.require(request);
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
  async deleteToken(@Req() request: IncomingMessage, @Param('id') id: string): Promise<void> {
    const principal = await this.auth.require(request);
    await this.accounts.deleteToken(principal, id);
    this.events.record({ type: 'token-revoked', actorId: principal.user.id, address: this.auth.address(request), subjectId: id });
  }
}
