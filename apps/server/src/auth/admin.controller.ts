import type { IncomingMessage } from 'node:http';
import { Controller, Get, Param, Post, Req } from '@nestjs/common';
import { AccountsService } from './accounts-service';
import { toUserView, type UserView } from './principal';
import { RequestAuth } from './request-auth';

/** What only the administrator may do: list accounts and reset a password. */
@Controller('api/admin')
export class AdminController {
  constructor(
    private readonly accounts: AccountsService,
    private readonly auth: RequestAuth,
  ) {}

  @Get('users')
  async users(@Req() request: IncomingMessage): Promise<{ users: UserView[] }> {
    const principal = await this.auth.require(request);
    return { users: (await this.accounts.listUsers(principal)).map(toUserView) };
  }

  @Post('users/:id/password')
  async resetPassword(@Req() request: IncomingMessage, @Param('id') id: string): Promise<{ temporaryPassword: string }> {
    const principal = await this.auth.require(request);
    return { temporaryPassword: await this.accounts.resetPassword(principal, id) };
  }
}
