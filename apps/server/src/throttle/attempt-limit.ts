import { RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';

/**
 * Failures (or attempts) counted per key over a counter's window: how long a key must wait, one
 * more, none. A thin layer over a rate-limiter-flexible counter that reads as what callers mean.
 */
export class AttemptLimit {
  constructor(private readonly counter: RateLimiterAbstract) {}

  /** Milliseconds until `key` may try again; 0 when it may now. */
  async waitMs(key: string): Promise<number> {
    const state = await this.counter.get(key);
    return state && state.consumedPoints >= this.counter.points ? Math.max(state.msBeforeNext, 1) : 0;
  }

  /** Counts one more for `key`; resolves the count within the current window. */
  async add(key: string): Promise<number> {
    return (await this.counter.penalty(key, 1)).consumedPoints;
  }

  /**
   * Counts one attempt and resolves 0, or resolves how many milliseconds `key` must wait when it
   * has used up its window (the attempt is then refused and not done).
   */
  async take(key: string): Promise<number> {
    try {
      await this.counter.consume(key, 1);
      return 0;
    } catch (refusal) {
      if (refusal instanceof RateLimiterRes) return Math.max(refusal.msBeforeNext, 1);
      throw refusal;
    }
  }

  /** Makes `key` wait `seconds` from now, whatever its count. */
  async block(key: string, seconds: number): Promise<void> {
    await this.counter.block(key, seconds);
  }

  async clear(key: string): Promise<void> {
    await this.counter.delete(key);
  }
}
