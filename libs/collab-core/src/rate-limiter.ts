/**
 * A token bucket: `burst` tokens, refilled at `perSecond`. Cheap enough to run on every frame.
 * Time comes from the caller so tests need no fake clocks.
 */
export class TokenBucket {
  private tokens: number;
  private last: number;

  constructor(
    private readonly perSecond: number,
    private readonly burst: number,
    now: number = performance.now(),
  ) {
    this.tokens = burst;
    this.last = now;
  }

  /** Takes one token if there is one; false means the caller is over its rate. */
  take(now: number = performance.now()): boolean {
    this.tokens = Math.min(this.burst, this.tokens + ((now - this.last) / 1000) * this.perSecond);
    this.last = now;
    if (this.tokens < 1) return false;
    this.tokens -= 1;
    return true;
  }
}
