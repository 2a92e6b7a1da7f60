import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { CallerGuard } from './caller.guard';
import { CrossSiteGuard } from './cross-site.guard';
import { RateLimitGuard } from './rate-limit.guard';

/**
 * The guards every route passes, in this order: the cross-site check (every state-changing
 * request, unless a route says `@AllowCrossSite()`), the caller (a user unless a route says
 * `@AllowAnonymous()`, a browser session where it says `@SessionOnly()`), then the routes' own
 * `@RateLimit()`.
 */
@Module({
  providers: [
    { provide: APP_GUARD, useClass: CrossSiteGuard },
    { provide: APP_GUARD, useClass: CallerGuard },
    { provide: APP_GUARD, useClass: RateLimitGuard },
  ],
})
export class HttpEdgeModule {}
