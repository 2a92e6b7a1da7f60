import type { IncomingMessage } from 'node:http';
import { Body, Controller, Delete, Get, HttpCode, HttpStatus, Param, Patch, Post, Req } from '@nestjs/common';
import type { ApiTokenInfo } from '@quire/storage';
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

/** The signed-in person's own account: name, password and personal API tokens. */
@Controller('api')
export class AccountController {
  constructor(
    private readonly accounts: AccountsService,
    private readonly auth: RequestAuth,
  ) {}

  @Patch('account')
  async rename(@Req() request: IncomingMessage, @Body() body: unknown): Promise<{ user: UserView }> {
    const principal = await this.auth.require(request);
    this.accounts.requireSession(principal);
    return { user: toUserView(await this.accounts.rename(principal, body)) };
  }

  @Post('account/password')
  @HttpCode(HttpStatus.NO_CONTENT)
  async changePassword(@Req() request: IncomingMessage, @Body() body: unknown): Promise<void> {
    const principal = await this.auth.require(request);
    this.accounts.requireSession(principal);
    await this.accounts.changePassword(principal, body);
  }

  @Get('tokens')
  async tokens(@Req() request: IncomingMessage): Promise<{ tokens: ApiTokenView[] }> {
    const principal = await this.auth.require(request);
    this.accounts.requireSession(principal);
    return { tokens: (await this.accounts.listTokens(principal)).map(toTokenView) };
  }

  @Post('tokens')
  @HttpCode(HttpStatus.CREATED)
  async createToken(@Req() request: IncomingMessage, @Body() body: unknown): Promise<ApiTokenView & { token: string }> {
    const principal = await this.auth.require(request);
    this.accounts.requireSession(principal);
    const { info, token } = await this.accounts.createToken(principal, body);
    return { ...toTokenView(info), token };
  }

  @Delete('tokens/:id')
  @HttpCode(HttpStatus.NO_CONTENT)
  async deleteToken(@Req() request: IncomingMessage, @Param('id') id: string): Promise<void> {
    const principal = await this.auth.require(request);
    this.accounts.requireSession(principal);
    await this.accounts.deleteToken(principal, id);
  }
}
