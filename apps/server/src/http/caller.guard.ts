import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AuthError } from '../auth/auth-error';
import { RequestAuth } from '../auth/request-auth';
import { ALLOW_ANONYMOUS } from './allow-anonymous.decorator';
import type { CallerRequest } from './caller.decorator';
import { SESSION_ONLY } from './session-only.decorator';

/**
 * Finds who made every request and keeps it for `@Caller()`. Fails closed: 401 for nobody unless the
 * route says `@AllowAnonymous()`, and 403 for an API token on a route marked `@SessionOnly()`.
 */
@Injectable()
export class CallerGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly auth: RequestAuth,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const marked = (key: string) => this.reflector.getAllAndOverride<boolean>(key, [context.getHandler(), context.getClass()]) === true;
    const request = context.switchToHttp().getRequest<CallerRequest>();
    const caller = await this.auth.callerOf(request);
    request.caller = caller;
    if (!caller) {
      if (marked(ALLOW_ANONYMOUS)) return true;
      throw new AuthError(401, 'Sign in first (or send an API token as "Authorization: Bearer qt_…")');
    }
    if (caller.kind !== 'session' && marked(SESSION_ONLY)) {
      throw new AuthError(403, 'API tokens cannot do this: sign in with a browser (accounts, tokens and administration take a browser session only)');
    }
    return true;
  }
}
