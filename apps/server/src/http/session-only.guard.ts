import type { IncomingMessage } from 'node:http';
import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AuthError } from '../auth/auth-error';
import { RequestAuth } from '../auth/request-auth';
import { SESSION_ONLY } from './session-only.decorator';

/** Enforces {@link SessionOnly}: 401 for nobody, 403 for an API token, on to the route for a session. */
@Injectable()
export class SessionOnlyGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly auth: RequestAuth,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    if (!this.reflector.getAllAndOverride<boolean>(SESSION_ONLY, [context.getHandler(), context.getClass()])) return true;
    const principal = await this.auth.require(context.switchToHttp().getRequest<IncomingMessage>());
    if (principal.kind !== 'session') {
      throw new AuthError(403, 'API tokens cannot do this: sign in with a browser (accounts, tokens and administration take a browser session only)');
    }
    return true;
  }
}
