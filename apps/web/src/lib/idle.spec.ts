import { afterEach, describe, expect, it, vi } from 'vitest';
import { whenIdle, type IdleTime } from './idle';

afterEach(() => {
  vi.unstubAllGlobals();
  vi.useRealTimers();
});

describe('whenIdle', () => {
  it('asks requestIdleCallback with the timeout, and cancels through cancelIdleCallback', () => {
    const requestIdleCallback = vi.fn(() => 7);
    const cancelIdleCallback = vi.fn();
    vi.stubGlobal('window', { requestIdleCallback, cancelIdleCallback });
    const callback = vi.fn();
    const cancel = whenIdle(callback, 200);
    expect(requestIdleCallback).toHaveBeenCalledWith(callback, { timeout: 200 });
    cancel();
    expect(cancelIdleCallback).toHaveBeenCalledWith(7);
  });

  it('without requestIdleCallback (Safari), runs soon after in a task of its own with a short budget', () => {
    vi.useFakeTimers();
    vi.stubGlobal('window', { setTimeout, clearTimeout });
    let told: IdleTime | null = null;
    whenIdle((idle) => (told = idle), 1000);
    expect(told).toBeNull();
    vi.advanceTimersByTime(20);
    const idle = told as IdleTime | null;
    expect(idle?.didTimeout).toBe(false);
    expect(idle?.timeRemaining()).toBeGreaterThan(0);
    expect(idle?.timeRemaining()).toBeLessThanOrEqual(8);
  });

  it('without requestIdleCallback, a cancelled callback never runs', () => {
    vi.useFakeTimers();
    vi.stubGlobal('window', { setTimeout, clearTimeout });
    const callback = vi.fn();
    whenIdle(callback, 1000)();
    vi.advanceTimersByTime(2000);
    expect(callback).not.toHaveBeenCalled();
  });
});
