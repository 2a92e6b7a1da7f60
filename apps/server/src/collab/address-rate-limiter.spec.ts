import { afterEach, describe, expect, it } from 'vitest';
import { AddressRateLimiter } from './address-rate-limiter';

describe('AddressRateLimiter', () => {
  let limiter: AddressRateLimiter;
  afterEach(() => limiter.stop());

  it('serves a class of 30 behind one address opening at once, then limits the rate', () => {
    limiter = new AddressRateLimiter(40, 5);
    const results = Array.from({ length: 30 }, () => limiter.allow('198.51.100.7', 0));
    expect(results.every(Boolean)).toBe(true);
    for (let i = 0; i < 10; i++) limiter.allow('198.51.100.7', 0);
    expect(limiter.allow('198.51.100.7', 0)).toBe(false);
    expect(limiter.allow('198.51.100.7', 1000)).toBe(true);
  });

  it('keeps addresses apart', () => {
    limiter = new AddressRateLimiter(1, 1);
    expect(limiter.allow('a', 0)).toBe(true);
    expect(limiter.allow('a', 0)).toBe(false);
    expect(limiter.allow('b', 0)).toBe(true);
  });
});
