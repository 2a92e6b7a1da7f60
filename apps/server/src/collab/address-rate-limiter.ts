import { TokenBucket } from '@quire/collab-core';

/** Forget an address after this long without attempts, so the table does not grow forever. */
const IDLE_MS = 10 * 60 * 1000;

/**
 * Connection attempts per address: a burst large enough for a class behind one NAT opening the
 * same document at once, then a sustained rate.
 */
export class AddressRateLimiter {
  private readonly buckets = new Map<string, { bucket: TokenBucket; lastSeen: number }>();
  private readonly sweeper: NodeJS.Timeout;

  constructor(
    private readonly burst: number,
    private readonly perSecond: number,
  ) {
    this.sweeper = setInterval(() => this.sweep(), IDLE_MS);
    this.sweeper.unref();
  }

  /** True when `address` may make another attempt now. */
  allow(address: string | undefined, now: number = performance.now()): boolean {
    if (address === undefined) return true;
    let entry = this.buckets.get(address);
    if (!entry) {
      entry = { bucket: new TokenBucket(this.perSecond, this.burst, now), lastSeen: now };
      this.buckets.set(address, entry);
    }
    entry.lastSeen = now;
    return entry.bucket.take(now);
  }

  stop(): void {
    clearInterval(this.sweeper);
  }

  private sweep(now: number = performance.now()): void {
    for (const [address, entry] of this.buckets) if (now - entry.lastSeen > IDLE_MS) this.buckets.delete(address);
  }
}
