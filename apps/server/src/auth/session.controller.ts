import type { IncomingMessage } from 'node:http';
import { Body, Controller, Get, HttpCode, HttpStatus, Inject, Post, Req, Res } from '@nestjs/common';
import type { SessionInfo, SignedIn } from '@quire/api-contract';
import type { Response } from 'express';
import { SecurityEvents } from '../audit/security-events';
import { APP_CONFIG } from '../config/app-config.token';
import type { AppConfig } from '../config/config.schema';
import { AllowAnonymous } from '../http/allow-anonymous.decorator';
import { Caller } from '../http/caller.decorator';
import { RateLimit } from '../http/rate-limit.decorator';
import { toUserView } from './account-views';
import { AccountsService, SESSION_LIFETIME_MS, type StartedSession } from './accounts-service';
import { AuthError } from './auth-error';
import type { Principal } from './principal';
import { RequestAuth } from './request-auth';
import { clearedSessionCookie, sessionCookie } from './request-credentials';

/** Setup, sign-up, sign-in and sign-out, for anyone; `/api/session` says who is signed in. */
@Controller('api')
@AllowAnonymous()
export class SessionController {
  constructor(
    private readonly accounts: AccountsService,
    private readonly auth: RequestAuth,
    private readonly events: SecurityEvents,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Get('session')
  async session(@Caller() caller: Principal | undefined): Promise<SessionInfo> {
    return {
      user: caller ? toUserView(caller.user) : null,
      setupNeeded: await this.accounts.setupNeeded(),
      allowSignup: await this.accounts.allowSignup(),
      maxUploadBytes: this.config.maxUploadBytes,
    };
  }

  @Post('setup')
  @HttpCode(HttpStatus.CREATED)
  async setup(@Req() request: IncomingMessage, @Body() body: unknown, @Res({ passthrough: true }) response: Response) {
    const address = this.auth.address(request);
    try {
      const result = await this.accounts.setup(body, address);
      this.events.record({ type: 'setup', actorId: result.user.id, address });
      return this.signedIn(request, response, result);
    } catch (error) {
      if (error instanceof AuthError && error.status === 403) this.events.record({ type: 'setup-failed', address, details: 'wrong setup code' });
      throw error;
    }
  }

  @Post('auth/signup')
  @HttpCode(HttpStatus.CREATED)
  @RateLimit('signup')
  async signup(@Req() request: IncomingMessage, @Body() body: unknown, @Res({ passthrough: true }) response: Response) {
    const result = await this.accounts.signup(body);
    this.events.record({ type: 'signup', actorId: result.user.id, address: this.auth.address(request) });
    return this.signedIn(request, response, result);
  }

  @Post('auth/signin')
  @HttpCode(HttpStatus.OK)
  async signin(@Req() request: IncomingMessage, @Body() body: unknown, @Res({ passthrough: true }) response: Response) {
    const address = this.auth.address(request);
    try {
      const result = await this.accounts.signin(body, address);
      this.events.record({ type: 'signin', actorId: result.user.id, address });
      return this.signedIn(request, response, result);
    } catch (error) {
      // Wrong passwords only: a refusal by the throttle (429) guessed nothing, and a flood of them
      // would push the real events out of the administrator's list.
      if (error instanceof AuthError && error.status === 401) {
        this.events.record({ type: 'signin-failed', address, details: `email ${attemptedEmail(body)}` });
      }
      throw error;
    }
  }

  @Post('auth/signout')
  @HttpCode(HttpStatus.NO_CONTENT)
  async signout(@Caller() caller: Principal | undefined, @Req() request: IncomingMessage, @Res({ passthrough: true }) response: Response): Promise<void> {
    await this.accounts.signout(caller);
    if (caller?.kind === 'session') this.events.record({ type: 'signout', actorId: caller.user.id, address: this.auth.address(request) });
    response.setHeader('Set-Cookie', clearedSessionCookie(this.auth.isSecure(request)));
  }

  private signedIn(request: IncomingMessage, response: Response, result: StartedSession): SignedIn {
    response.setHeader('Set-Cookie', sessionCookie(result.sessionToken, SESSION_LIFETIME_MS, this.auth.isSecure(request)));
    return { user: toUserView(result.user) };
  }
}

/** The email a failed sign-in named, for the administrator's list (an email is not a secret). */
function attemptedEmail(body: unknown): string {
  const value = (body as { email?: unknown } | null)?.email;
  return typeof value === 'string' ? value.trim().toLowerCase().slice(0, 254) : '(none)';
}
