import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { RateLimiters } from '../throttle/rate-limiters';
import {
  ACCOUNT_ADDRESS_FAILURES,
  ACCOUNT_FAILURES_BEFORE_DELAY,
  ADDRESS_FAILURES,
  LoginThrottle,
  MAX_ACCOUNT_DELAY_MS,
  THROTTLE_WINDOW_MS,
} from './login-throttle';

describe('LoginThrottle', () => {
  let throttle: LoginThrottle;

  beforeEach(() => {
    vi.useFakeTimers({ now: new Date('2030-01-01T00:00:00Z') });
    throttle = new LoginThrottle(RateLimiters.inMemory());
  });

  afterEach(() => {
    vi.useRealTimers();
  });

  const fail = async (email: string, address: string, times = 1) => {
    for (let i = 0; i < times; i++) await throttle.recordFailure(email, address);
  };

  it('refuses an account from the address that guessed, not the owner signing in from elsewhere', async () => {
    await fail('ada@example.com', '203.0.113.66', ACCOUNT_ADDRESS_FAILURES - 1);
    expect(await throttle.retryAfterMs('ada@example.com', '203.0.113.66')).toBe(0);
    await fail('ada@example.com', '203.0.113.66');

    expect(await throttle.retryAfterMs('ada@example.com', '203.0.113.66')).toBeGreaterThan(THROTTLE_WINDOW_MS - 1_000);
    expect(await throttle.retryAfterMs('ada@example.com', '198.51.100.1')).toBe(0);
    expect(await throttle.retryAfterMs('bob@example.com', '203.0.113.66')).toBe(0);

    vi.advanceTimersByTime(THROTTLE_WINDOW_MS);
    expect(await throttle.retryAfterMs('ada@example.com', '203.0.113.66')).toBe(0);
  });

  it('refuses an address spraying many accounts, for every account, and only that address', async () => {
    for (let i = 0; i < ADDRESS_FAILURES; i++) await fail(`user${i}@example.com`, '203.0.113.7');
    expect(await throttle.retryAfterMs('fresh@example.com', '203.0.113.7')).toBeGreaterThan(0);
    expect(await throttle.retryAfterMs('fresh@example.com', '203.0.113.8')).toBe(0);
  });

  it('makes guesses for one account from many addresses wait longer and longer, never past the cap', async () => {
    for (let i = 0; i < ACCOUNT_FAILURES_BEFORE_DELAY; i++) await fail('ada@example.com', `10.0.0.${i}`);
    expect(await throttle.retryAfterMs('ada@example.com', '192.0.2.1')).toBe(0);

    const waits: number[] = [];
    for (let i = 0; i < 9; i++) {
      await fail('ada@example.com', `10.0.1.${i}`);
      const wait = await throttle.retryAfterMs('ada@example.com', '192.0.2.1');
      waits.push(wait);
      vi.advanceTimersByTime(wait);
    }
    expect(waits.map((wait) => Math.round(wait / 1000))).toEqual([1, 2, 4, 8, 16, 32, 60, 60, 60]);
    expect(Math.max(...waits)).toBeLessThanOrEqual(MAX_ACCOUNT_DELAY_MS);
    // Once the wait has passed, the owner may try, from anywhere.
    expect(await throttle.retryAfterMs('ada@example.com', '192.0.2.1')).toBe(0);
    // Another account is not slowed.
    expect(await throttle.retryAfterMs('bob@example.com', '10.0.1.1')).toBe(0);
  });

  it("clears the account's count from that address on success, but not the address's", async () => {
    await fail('ada@example.com', '198.51.100.1', ACCOUNT_ADDRESS_FAILURES - 1);
    await throttle.recordSuccess('ada@example.com', '198.51.100.1');
    await fail('ada@example.com', '198.51.100.1', ACCOUNT_ADDRESS_FAILURES - 1);
    expect(await throttle.retryAfterMs('ada@example.com', '198.51.100.1')).toBe(0);

    for (let i = 0; i < ADDRESS_FAILURES; i++) await fail(`user${i}@example.com`, '203.0.113.9');
    await throttle.recordSuccess('user0@example.com', '203.0.113.9');
    expect(await throttle.retryAfterMs('other@example.com', '203.0.113.9')).toBeGreaterThan(0);
  });

  it('counts a request without a known address under one shared key', async () => {
    await fail('ada@example.com', undefined as unknown as string, ACCOUNT_ADDRESS_FAILURES);
    expect(await throttle.retryAfterMs('ada@example.com', undefined)).toBeGreaterThan(0);
    expect(await throttle.retryAfterMs('ada@example.com', '198.51.100.1')).toBe(0);
  });
});
