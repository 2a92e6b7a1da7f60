/**
 * Runs `next` in a task of its own, after the page has had its turn (input, a frame); returns how
 * to cancel it. Long work cut into parts (the first sync applied, the document first rendered)
 * waits this way between parts; tests pass a queue of their own.
 */
export type NextTask = (next: () => void) => () => void;

/** The Prioritized Task Scheduling API (Chromium, Firefox), where the browser has it. */
interface TaskScheduler {
  postTask(callback: () => void, options: { signal: AbortSignal }): Promise<unknown>;
}

export const nextTask: NextTask = (next) => {
  // A chain of setTimeout(0) is clamped to 4 ms a link after the fifth: a 500-thread document's
  // first sync, in about 250 parts, waited a second on the clamp alone. A posted task is not clamped.
  const scheduler = (globalThis as { scheduler?: Partial<TaskScheduler> }).scheduler;
  if (typeof scheduler?.postTask === 'function') {
    const cancelled = new AbortController();
    // Cancelling rejects the task's promise: nothing to report.
    scheduler.postTask(next, { signal: cancelled.signal }).catch(() => undefined);
    return () => cancelled.abort();
  }
  const handle = setTimeout(next, 0);
  return () => clearTimeout(handle);
};
