import { describe, expect, it } from 'vitest';
import { RECONNECT_BASE_MS, RECONNECT_MAX_MS, reconnectDelay } from './reconnect-delay';

describe('reconnectDelay', () => {
  it('draws from zero up to a bound that doubles with each attempt', () => {
    expect(reconnectDelay(0, () => 1)).toBe(RECONNECT_BASE_MS);
    expect(reconnectDelay(1, () => 1)).toBe(RECONNECT_BASE_MS * 2);
    expect(reconnectDelay(3, () => 0.5)).toBe(RECONNECT_BASE_MS * 4);
    expect(reconnectDelay(2, () => 0)).toBe(0);
  });

  it('never waits longer than the cap, however many attempts failed', () => {
    expect(reconnectDelay(50, () => 1)).toBe(RECONNECT_MAX_MS);
  });

  it('spreads clients out: a hundred clients do not pick the same moment', () => {
    const delays = new Set(Array.from({ length: 100 }, () => reconnectDelay(4)));
    expect(delays.size).toBeGreaterThan(50);
  });
});
