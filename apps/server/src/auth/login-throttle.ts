/** Failures allowed per account, and per address, within the window before sign-in is refused. */
export const ACCOUNT_FAILURES = 5;
export const ADDRESS_FAILURES = 20;
export const THROTTLE_WINDOW_MS = 15 * 60 * 1000;

interface Failures {
  count: number;
  firstAt: number;
}

/**
 * Slows password guessing: after {@link ACCOUNT_FAILURES} wrong passwords for one email, or
 * {@link ADDRESS_FAILURES} from one address, within {@link THROTTLE_WINDOW_MS}, sign-in is refused
 * until the window passes, even with the right password. Counted per instance: with several
 * instances a guesser gets at most this many tries per instance per window.
 */
export class LoginThrottle {
  private readonly failures = new Map<string, Failures>();

  constructor(private readonly now: () => number = Date.now) {}

  /** Milliseconds until sign-in may be tried again for this account or address; 0 when it may now. */
  retryAfterMs(email: string, address: string | undefined): number {
    return Math.max(this.wait(`account:${email}`, ACCOUNT_FAILURES), address ? this.wait(`address:${address}`, ADDRESS_FAILURES) : 0);
  }

  recordFailure(email: string, address: string | undefined): void {
    this.bump(`account:${email}`);
    if (address) this.bump(`address:${address}`);
    if (this.failures.size > 100_000) this.prune();
  }

  /** A successful sign-in clears the account's count (not the address's: one success must not reset a spray). */
  recordSuccess(email: string): void {
    this.failures.delete(`account:${email}`);
  }

  private wait(key: string, limit: number): number {
    const entry = this.failures.get(key);
    if (!entry) return 0;
    const elapsed = this.now() - entry.firstAt;
    if (elapsed >= THROTTLE_WINDOW_MS) {
      this.failures.delete(key);
      return 0;
    }
    return entry.count >= limit ? THROTTLE_WINDOW_MS - elapsed : 0;
  }

  private bump(key: string): void {
    const now = this.now();
    const entry = this.failures.get(key);
    if (!entry || now - entry.firstAt >= THROTTLE_WINDOW_MS) this.failures.set(key, { count: 1, firstAt: now });
    else entry.count++;
  }

  private prune(): void {
    const now = this.now();
    for (const [key, entry] of this.failures) if (now - entry.firstAt >= THROTTLE_WINDOW_MS) this.failures.delete(key);
  }
}
