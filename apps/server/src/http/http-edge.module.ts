import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { CrossSiteGuard } from './cross-site.guard';
import { RateLimitGuard } from './rate-limit.guard';
import { SessionOnlyGuard } from './session-only.guard';

/**
 * The guards every API route passes, in this order: the cross-site check (every state-changing
 * request), then the routes' own `@SessionOnly()` and `@RateLimit()`. Each does nothing on a route
 * that does not ask for it, except the first, which applies unless a route says `@AllowCrossSite()`.
 */
@Module({
  providers: [
    { provide: APP_GUARD, useClass: CrossSiteGuard },
    { provide: APP_GUARD, useClass: SessionOnlyGuard },
    { provide: APP_GUARD, useClass: RateLimitGuard },
  ],
})
export class HttpEdgeModule {}
