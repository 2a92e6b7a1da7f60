import { SetMetadata } from '@nestjs/common';
import type { RateLimitName } from './rate-limit-policies';

export const RATE_LIMIT = 'quire:rate-limit';

/** Counts this route's requests under the named policy of `RATE_LIMITS`; past it, 429 with `Retry-After`. */
export const RateLimit = (name: RateLimitName): MethodDecorator => SetMetadata(RATE_LIMIT, name);
