import { findRedisServer, RedisServer } from '@quire/bus/testing';
import pino from 'pino';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ACCOUNT_ADDRESS_FAILURES, LoginThrottle } from '../auth/login-throttle';
import { AttemptLimit } from './attempt-limit';
import { RateLimiters } from './rate-limiters';

const silent = pino({ level: 'silent' });

describe('RateLimiters in memory', () => {
  it('counts per process: two instances do not see each other’s attempts', async () => {
    const [a, b] = [RateLimiters.inMemory(), RateLimiters.inMemory()];
    const options = { points: 1, windowSeconds: 60 };
    expect(await new AttemptLimit(a.create('test', options)).take('key')).toBe(0);
    expect(await new AttemptLimit(a.create('test', options)).take('key')).toBe(0);
    expect(await new AttemptLimit(b.create('test', options)).take('key')).toBe(0);
    expect(a.shared).toBe(false);
  });

  it('refuses past the window’s points and says how long to wait', async () => {
    const limit = new AttemptLimit(RateLimiters.inMemory().create('test', { points: 2, windowSeconds: 60 }));
    expect(await limit.take('key')).toBe(0);
    expect(await limit.take('key')).toBe(0);
    const wait = await limit.take('key');
    expect(wait).toBeGreaterThan(59_000);
    expect(wait).toBeLessThanOrEqual(60_000);
    expect(await limit.take('other')).toBe(0);
  });
});

// The server's specs are CommonJS (no top-level await): whether redis-server runs here is found in
// beforeAll, and each test skips itself without it (findRedisServer fails instead under CI=true).
describe('RateLimiters over Redis', () => {
  let available = false;
  let redis: RedisServer;
  const made: RateLimiters[] = [];
  const limiters = () => {
    const created = RateLimiters.inRedis(redis.url, silent);
    made.push(created);
    return created;
  };

  beforeAll(async () => {
    available = await findRedisServer('RateLimiters over Redis');
    if (available) redis = await RedisServer.start();
  });

  afterEach(async () => {
    await Promise.all(made.splice(0).map((item) => item.close()));
    if (available && !redis.running) await redis.start();
  });

  afterAll(async () => {
    await redis?.stop();
  });

  it('shares the sign-in counts between instances: failures at one refuse at the other', async (context) => {
    if (!available) context.skip();
    const [first, second] = [new LoginThrottle(limiters()), new LoginThrottle(limiters())];
    await waitUntilReady();
    for (let i = 0; i < ACCOUNT_ADDRESS_FAILURES; i++) {
      await (i % 2 === 0 ? first : second).recordFailure('ada@example.com', '203.0.113.5');
    }
    expect(await first.retryAfterMs('ada@example.com', '203.0.113.5')).toBeGreaterThan(0);
    expect(await second.retryAfterMs('ada@example.com', '203.0.113.5')).toBeGreaterThan(0);
    expect(await second.retryAfterMs('ada@example.com', '198.51.100.1')).toBe(0);
  });

  it('keeps limiting in this process while Redis is unreachable', async (context) => {
    if (!available) context.skip();
    const shared = limiters();
    await waitUntilReady();
    await redis.kill();
    const throttle = new LoginThrottle(shared);
    for (let i = 0; i < ACCOUNT_ADDRESS_FAILURES; i++) await throttle.recordFailure('bob@example.com', '203.0.113.6');
    expect(await throttle.retryAfterMs('bob@example.com', '203.0.113.6')).toBeGreaterThan(0);
    expect(await throttle.retryAfterMs('bob@example.com', '198.51.100.1')).toBe(0);
  });

  /** Lets the connections made so far reach Redis (a command before then counts in memory). */
  async function waitUntilReady(): Promise<void> {
    const deadline = Date.now() + 5_000;
    while (!made.every((item) => item.ready)) {
      if (Date.now() > deadline) throw new Error('Redis not ready within 5 s');
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }
});
