/** First reconnect waits up to this long; each failure doubles the bound. */
export const RECONNECT_BASE_MS = 250;
/**
 * Longest bound on a reconnect wait: a page comes back within 5 s of the server being reachable
 * again (issue 23), and the jitter below still spreads a crowd of clients over 4 s.
 */
export const RECONNECT_MAX_MS = 4_000;

/**
 * How long to wait before reconnect attempt number `attempt` (0 for the first): exponential
 * backoff with full jitter, so that after a server restart every client does not come back in the
 * same instant (the stock provider's backoff is deterministic: 100, 200, 400… ms for everyone).
 */
export function reconnectDelay(attempt: number, random: () => number = Math.random): number {
  const bound = Math.min(RECONNECT_MAX_MS, RECONNECT_BASE_MS * 2 ** Math.min(attempt, 16));
  return Math.round(random() * bound);
}
