import { describe, expect, it } from 'vitest';
import { ACCOUNT_FAILURES, ADDRESS_FAILURES, LoginThrottle, THROTTLE_WINDOW_MS } from './login-throttle';

describe('LoginThrottle', () => {
  it('refuses an account after its failures, until the window passes', () => {
    let now = 1_000;
    const throttle = new LoginThrottle(() => now);
    for (let i = 0; i < ACCOUNT_FAILURES; i++) {
      expect(throttle.retryAfterMs('ada@example.com', `10.0.0.${i}`)).toBe(0);
      throttle.recordFailure('ada@example.com', `10.0.0.${i}`);
    }
    expect(throttle.retryAfterMs('ada@example.com', '10.9.9.9')).toBe(THROTTLE_WINDOW_MS);
    expect(throttle.retryAfterMs('bob@example.com', '10.9.9.9')).toBe(0);
    now += THROTTLE_WINDOW_MS;
    expect(throttle.retryAfterMs('ada@example.com', '10.9.9.9')).toBe(0);
  });

  it('refuses an address spraying many accounts', () => {
    const throttle = new LoginThrottle(() => 0);
    for (let i = 0; i < ADDRESS_FAILURES; i++) throttle.recordFailure(`user${i}@example.com`, '203.0.113.7');
    expect(throttle.retryAfterMs('fresh@example.com', '203.0.113.7')).toBeGreaterThan(0);
    expect(throttle.retryAfterMs('fresh@example.com', '203.0.113.8')).toBe(0);
  });

  it("clears an account's count on success, but not its address's", () => {
    const throttle = new LoginThrottle(() => 0);
    for (let i = 0; i < ACCOUNT_FAILURES - 1; i++) throttle.recordFailure('ada@example.com', '198.51.100.1');
    throttle.recordSuccess('ada@example.com');
    throttle.recordFailure('ada@example.com', '198.51.100.1');
    expect(throttle.retryAfterMs('ada@example.com', undefined)).toBe(0);
  });
});
