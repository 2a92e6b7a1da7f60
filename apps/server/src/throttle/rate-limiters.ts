import Redis from 'ioredis';
import type { Logger } from 'pino';
import { RateLimiterMemory, RateLimiterRedis, type RateLimiterAbstract } from 'rate-limiter-flexible';

/** A count of attempts per key over a fixed window (whole seconds: Redis keeps them so). */
export interface LimitOptions {
  /** Attempts allowed within the window; the next one is refused. */
  readonly points: number;
  readonly windowSeconds: number;
}

/** Every key this server writes to Redis starts with it, apart from the bus's channels. */
const KEY_PREFIX = 'quire:limit';

/**
 * Makes the counters behind the sign-in throttle and the rate limits: in this process, or in
 * Redis when `REDIS_URL` is set, so that every instance counts the same attempts (a guesser spread
 * over several instances gets no more tries than against one). Counting is
 * rate-limiter-flexible's (atomic increments with expiry in one Lua call); while Redis is
 * unreachable each Redis counter falls back to one of this process (its "insurance"), so sign-in
 * keeps working and stays limited per instance, as it was before Redis counts existed.
 */
export class RateLimiters {
  private constructor(
    private readonly redis: Redis | undefined,
    private readonly logger: Logger | undefined,
  ) {}

  /** Counters in this process only (a single instance, and tests). */
  static inMemory(): RateLimiters {
    return new RateLimiters(undefined, undefined);
  }

  /** Counters in the Redis at `url`, shared by every instance using it. */
  static inRedis(url: string, logger: Logger): RateLimiters {
    const redis = new Redis(url, {
      connectionName: 'quire-limits',
      // A command waits for nothing: while Redis is away the in-process counters answer at once.
      enableOfflineQueue: false,
      maxRetriesPerRequest: 0,
      retryStrategy: (attempt: number) => Math.min(attempt * 100, 1_000),
      connectTimeout: 5_000,
      commandTimeout: 2_000,
    });
    let down = false;
    redis.on('error', (error: Error) => {
      if (down) return;
      down = true;
      logger.warn({ err: error }, 'Redis unreachable for the sign-in and rate limits; counting in this instance until it is back');
    });
    redis.on('ready', () => {
      if (down) logger.info('Redis reachable again: sign-in and rate limits are counted across instances');
      down = false;
    });
    return new RateLimiters(redis, logger);
  }

  /** Whether the counts are shared through Redis. */
  get shared(): boolean {
    return this.redis !== undefined;
  }

  /** Whether counting goes where it should now: true in memory, and over Redis while connected. */
  get ready(): boolean {
    return this.redis === undefined || this.redis.status === 'ready';
  }

  /** A counter named `name` (its keys never meet another counter's). */
  create(name: string, options: LimitOptions): RateLimiterAbstract {
    const common = { keyPrefix: `${KEY_PREFIX}:${name}`, points: options.points, duration: options.windowSeconds };
    if (!this.redis) return new RateLimiterMemory(common);
    return new RateLimiterRedis({
      ...common,
      storeClient: this.redis,
      rejectIfRedisNotReady: true,
      insuranceLimiter: new RateLimiterMemory(common),
    });
  }

  async close(): Promise<void> {
    if (!this.redis) return;
    try {
      await this.redis.quit();
    } catch (error) {
      this.logger?.debug({ err: error }, 'Redis connection of the limits closed while unreachable');
      this.redis.disconnect();
    }
  }
}
