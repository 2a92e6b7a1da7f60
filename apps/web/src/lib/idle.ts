/** What an idle callback is told: how long it may work on (and whether it waited out its timeout). */
export interface IdleTime {
  didTimeout: boolean;
  timeRemaining: () => number;
}

/** Work a fallback idle callback may do before handing the thread back (a frame at 60 Hz, with room). */
const FALLBACK_BUDGET_MS = 8;

/**
 * Runs `callback` when the page is idle, or after `timeout` ms at the latest; returns how to cancel
 * it. Safari has no requestIdleCallback: there it runs in a task of its own soon after, with a short
 * budget, which still leaves the thread to input between two callbacks.
 */
export function whenIdle(callback: (idle: IdleTime) => void, timeout: number): () => void {
  if (typeof window.requestIdleCallback === 'function') {
    const handle = window.requestIdleCallback(callback, { timeout });
    return () => window.cancelIdleCallback(handle);
  }
  const handle = window.setTimeout(() => {
    const start = performance.now();
    callback({ didTimeout: false, timeRemaining: () => Math.max(0, FALLBACK_BUDGET_MS - (performance.now() - start)) });
  }, 16);
  return () => window.clearTimeout(handle);
}
