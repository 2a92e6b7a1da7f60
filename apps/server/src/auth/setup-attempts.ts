import { AttemptLimit } from '../throttle/attempt-limit';
import type { RateLimiters } from '../throttle/rate-limiters';

/** Wrong setup codes one address may send per window before it must wait for the window to pass. */
export const SETUP_CODE_FAILURES = 10;
export const SETUP_CODE_WINDOW_SECONDS = 15 * 60;

/**
 * Counts wrong setup codes per address. The code has 72 random bits, so guessing it is hopeless
 * anyway; the count keeps a script from hammering the only route open to strangers on a fresh
 * instance (each try reads the database).
 */
export function setupCodeAttempts(limiters: RateLimiters): AttemptLimit {
  return new AttemptLimit(limiters.create('setup-code-address', { points: SETUP_CODE_FAILURES, windowSeconds: SETUP_CODE_WINDOW_SECONDS }));
}
