/**
 * The longest the event loop went without running a timer while `work` ran: a 1 ms interval notes
 * the gap between its ticks, and one more tick after `work` sees the stall it may have ended on.
 * (perf_hooks' delay histogram only samples on its own timer, which a stall that ends with `work`
 * never lets run: it would read 0.)
 */
export async function longestStall<T>(work: () => Promise<T>): Promise<{ result: T; stallMs: number }> {
  let last = performance.now();
  let stallMs = 0;
  const timer = setInterval(() => {
    const now = performance.now();
    stallMs = Math.max(stallMs, now - last);
    last = now;
  }, 1);
  try {
    const result = await work();
    await new Promise((resolve) => setTimeout(resolve, 2));
    stallMs = Math.max(stallMs, performance.now() - last);
    return { result, stallMs };
  } finally {
    clearInterval(timer);
  }
}
