/** Deliveries are retried for this long after they were stored; a webhook failing this long is disabled. */
export const RETRY_WINDOW_MS = 24 * 60 * 60 * 1000;
/** The wait after the first failed attempt; each later one doubles it, up to {@link MAX_RETRY_DELAY_MS}. */
export const FIRST_RETRY_DELAY_MS = 2_000;
export const MAX_RETRY_DELAY_MS = 60 * 60 * 1000;

/** What to do after a failed attempt: try again at `at`, or give up (the retry window has passed). */
export type AfterFailure = { readonly retry: true; readonly at: Date } | { readonly retry: false };

/**
 * Exponential backoff: 2 s after the first failed attempt, then 4, 8, … at most an hour apart,
 * for 24 hours from when the delivery was stored; an attempt that would fall later gives up.
 */
export function afterFailure(createdAt: Date, attempts: number, now: Date): AfterFailure {
  const delay = Math.min(FIRST_RETRY_DELAY_MS * 2 ** Math.max(0, attempts - 1), MAX_RETRY_DELAY_MS);
  const at = new Date(now.getTime() + delay);
  if (at.getTime() - createdAt.getTime() > RETRY_WINDOW_MS) return { retry: false };
  return { retry: true, at };
}
