import type { IncomingMessage } from 'node:http';
import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AuthError } from '../auth/auth-error';
import { RequestAuth } from '../auth/request-auth';
import { AttemptLimit } from '../throttle/attempt-limit';
import { RateLimiters } from '../throttle/rate-limiters';
import { RATE_LIMIT } from './rate-limit.decorator';
import { RATE_LIMITS, type RateLimitName } from './rate-limit-policies';

/**
 * Enforces {@link RateLimit}: every request to such a route counts once per key of its policy
 * (address first, so that one address refused spends nothing of the user's allowance), in the
 * shared counters when `REDIS_URL` is set.
 */
@Injectable()
export class RateLimitGuard implements CanActivate {
  private readonly limits = new Map<RateLimitName, AttemptLimit>();

  constructor(
    private readonly reflector: Reflector,
    private readonly auth: RequestAuth,
    private readonly limiters: RateLimiters,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const name = this.reflector.get<RateLimitName | undefined>(RATE_LIMIT, context.getHandler());
    if (name === undefined) return true;
    const policy = RATE_LIMITS[name];
    const request = context.switchToHttp().getRequest<IncomingMessage>();
    for (const per of policy.per) {
      const key = per === 'address' ? `address ${this.auth.address(request) ?? 'unknown'}` : await this.userKey(request);
      if (key === undefined) continue;
      const wait = await this.limit(name).take(key);
      if (wait > 0) {
        const seconds = Math.ceil(wait / 1000);
        const when = seconds < 60 ? `${seconds} seconds` : `${Math.ceil(seconds / 60)} minutes`;
        throw new AuthError(429, `Too many ${policy.what}: try again in ${when}`, seconds);
      }
    }
    return true;
  }

  private async userKey(request: IncomingMessage): Promise<string | undefined> {
    const principal = await this.auth.callerOf(request);
    return principal && `user ${principal.user.id}`;
  }

  private limit(name: RateLimitName): AttemptLimit {
    let limit = this.limits.get(name);
    if (!limit) {
      const { points, windowSeconds } = RATE_LIMITS[name];
      limit = new AttemptLimit(this.limiters.create(`route-${name}`, { points, windowSeconds }));
      this.limits.set(name, limit);
    }
    return limit;
  }
}
