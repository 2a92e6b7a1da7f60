import type { IncomingMessage } from 'node:http';
import { Inject, Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AuthError } from '../auth/auth-error';
import { APP_CONFIG } from '../config/app-config.token';
import type { AppConfig } from '../config/config.schema';
import { ALLOW_CROSS_SITE } from './allow-cross-site.decorator';
import { refusedOrigin } from './origin-check';

/**
 * Refuses (403) every POST, PUT, PATCH and DELETE whose `Origin` is neither allowed nor this
 * server's own, on every route unless it says `@AllowCrossSite()`: routes are checked by default,
 * signed in or not (sign-in, setup and guests' tickets act for nobody yet, and still must not be
 * driven by another site's page).
 */
@Injectable()
export class CrossSiteGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  canActivate(context: ExecutionContext): boolean {
    if (context.getType() !== 'http') return true;
    if (this.reflector.getAllAndOverride<boolean>(ALLOW_CROSS_SITE, [context.getHandler(), context.getClass()])) return true;
    const origin = refusedOrigin(context.switchToHttp().getRequest<IncomingMessage>(), this.config);
    if (origin !== undefined) {
      throw new AuthError(403, `Requests from ${origin} may not change anything here; add it to ALLOWED_ORIGINS if it is your web app`);
    }
    return true;
  }
}
