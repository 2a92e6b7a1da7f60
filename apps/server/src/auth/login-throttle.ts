import { AttemptLimit } from '../throttle/attempt-limit';
import type { RateLimiters } from '../throttle/rate-limiters';

/** The window every sign-in count covers. */
export const THROTTLE_WINDOW_MS = 15 * 60 * 1000;
/** Wrong passwords for one account from one address, per window, before that pair is refused. */
export const ACCOUNT_ADDRESS_FAILURES = 5;
/** Wrong passwords from one address over all accounts, per window, before the address is refused. */
export const ADDRESS_FAILURES = 20;
/** Wrong passwords for one account from everywhere, per window, before each next try must wait. */
export const ACCOUNT_FAILURES_BEFORE_DELAY = 10;
/** The longest wait those delays grow to. */
export const MAX_ACCOUNT_DELAY_MS = 60_000;

const WINDOW_SECONDS = THROTTLE_WINDOW_MS / 1000;

/**
 * Slows password guessing without letting anyone lock someone else out (docs/api.md, "Sign-in
 * limits"). Three counts, each over {@link THROTTLE_WINDOW_MS}:
 *
 * - per account *and* address: {@link ACCOUNT_ADDRESS_FAILURES} wrong passwords refuse that address
 *   for that account until the window passes. Keyed by both, so a stranger's failures never refuse
 *   the owner signing in from their own address (a per-account lock would: one address could keep
 *   anyone out by typing their email five times every fifteen minutes);
 * - per address: {@link ADDRESS_FAILURES} refuse the address for every account (one machine
 *   spraying many accounts);
 * - per account from everywhere: past {@link ACCOUNT_FAILURES_BEFORE_DELAY}, each wrong password
 *   makes the next try for that account wait 1 s, then 2, 4, … up to {@link MAX_ACCOUNT_DELAY_MS}.
 *   This bounds guessing spread over many addresses to about one try a minute, and costs the owner
 *   at most that wait, never a lock: a hard per-account lock is the lock-out this class avoids.
 *
 * The counts live in {@link RateLimiters}: Redis when `REDIS_URL` is set, so that every instance
 * counts the same failures; this process otherwise.
 */
export class LoginThrottle {
  private readonly accountAddress: AttemptLimit;
  private readonly address: AttemptLimit;
  private readonly account: AttemptLimit;
  private readonly accountDelay: AttemptLimit;

  constructor(limiters: RateLimiters) {
    this.accountAddress = new AttemptLimit(limiters.create('signin-account-address', { points: ACCOUNT_ADDRESS_FAILURES, windowSeconds: WINDOW_SECONDS }));
    this.address = new AttemptLimit(limiters.create('signin-address', { points: ADDRESS_FAILURES, windowSeconds: WINDOW_SECONDS }));
    this.account = new AttemptLimit(limiters.create('signin-account', { points: ACCOUNT_FAILURES_BEFORE_DELAY, windowSeconds: WINDOW_SECONDS }));
    this.accountDelay = new AttemptLimit(limiters.create('signin-account-delay', { points: 1, windowSeconds: MAX_ACCOUNT_DELAY_MS / 1000 }));
  }

  /** Milliseconds until this account may be tried from this address; 0 when it may now. */
  async retryAfterMs(email: string, address: string | undefined): Promise<number> {
    const waits = await Promise.all([
      this.accountAddress.waitMs(pair(email, address)),
      this.address.waitMs(where(address)),
      this.accountDelay.waitMs(email),
    ]);
    return Math.max(...waits);
  }

  async recordFailure(email: string, address: string | undefined): Promise<void> {
    const [, , failures] = await Promise.all([
      this.accountAddress.add(pair(email, address)),
      this.address.add(where(address)),
      this.account.add(email),
    ]);
    const beyond = failures - ACCOUNT_FAILURES_BEFORE_DELAY;
    if (beyond > 0) await this.accountDelay.block(email, Math.min(2 ** (beyond - 1), MAX_ACCOUNT_DELAY_MS / 1000));
  }

  /**
   * The right password clears the count of this account from this address, so the owner's typos
   * do not add up; not the address's (one success must not reset a spray) nor the account's
   * (the owner signing in must not give a guesser elsewhere a fresh allowance).
   */
  async recordSuccess(email: string, address: string | undefined): Promise<void> {
    await this.accountAddress.clear(pair(email, address));
  }
}

function where(address: string | undefined): string {
  return address ?? 'unknown';
}

function pair(email: string, address: string | undefined): string {
  return `${email} ${where(address)}`;
}
