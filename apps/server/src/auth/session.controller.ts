import type { IncomingMessage } from 'node:http';
import { Body, Controller, Get, HttpCode, HttpStatus, Post, Req, Res } from '@nestjs/common';
import type { Response } from 'express';
import { AccountsService, SESSION_LIFETIME_MS, type SignedIn } from './accounts-service';
import { toUserView, type UserView } from './principal';
import { RequestAuth } from './request-auth';
import { clearedSessionCookie, sessionCookie } from './request-credentials';

/** Setup, sign-up, sign-in and sign-out; `/api/session` says who is signed in. */
@Controller('api')
export class SessionController {
  constructor(
    private readonly accounts: AccountsService,
    private readonly auth: RequestAuth,
  ) {}

  @Get('session')
  async session(@Req() request: IncomingMessage): Promise<{ user: UserView | null; setupNeeded: boolean; allowSignup: boolean }> {
    const principal = await this.auth.optional(request);
    return {
      user: principal ? toUserView(principal.user) : null,
      setupNeeded: await this.accounts.setupNeeded(),
      allowSignup: this.accounts.allowSignup,
    };
  }

  @Post('setup')
  @HttpCode(HttpStatus.CREATED)
  async setup(@Req() request: IncomingMessage, @Body() body: unknown, @Res({ passthrough: true }) response: Response) {
    this.auth.checkOrigin(request);
    return this.signedIn(request, response, await this.accounts.setup(body));
  }

  @Post('auth/signup')
  @HttpCode(HttpStatus.CREATED)
  async signup(@Req() request: IncomingMessage, @Body() body: unknown, @Res({ passthrough: true }) response: Response) {
    this.auth.checkOrigin(request);
    return this.signedIn(request, response, await this.accounts.signup(body));
  }

  @Post('auth/signin')
  @HttpCode(HttpStatus.OK)
  async signin(@Req() request: IncomingMessage, @Body() body: unknown, @Res({ passthrough: true }) response: Response) {
    this.auth.checkOrigin(request);
    return this.signedIn(request, response, await this.accounts.signin(body, this.auth.address(request)));
  }

  @Post('auth/signout')
  @HttpCode(HttpStatus.NO_CONTENT)
  async signout(@Req() request: IncomingMessage, @Res({ passthrough: true }) response: Response): Promise<void> {
    await this.accounts.signout(await this.auth.optional(request));
    response.setHeader('Set-Cookie', clearedSessionCookie(this.auth.isSecure(request)));
  }

  private signedIn(request: IncomingMessage, response: Response, result: SignedIn): { user: UserView } {
    response.setHeader('Set-Cookie', sessionCookie(result.sessionToken, SESSION_LIFETIME_MS, this.auth.isSecure(request)));
    return { user: toUserView(result.user) };
  }
}
