/**
 * Calls `press(writer)` for every writer `rate` times a second for `durationMs`, the writers'
 * phases spread evenly over one interval so that the load is smooth. Keystrokes that fell due
 * while the event loop was busy are pressed at once, as a browser would deliver queued keys.
 * Resolves with the number of presses.
 */
export function typeFor<T>(writers: readonly T[], rate: number, durationMs: number, press: (writer: T) => void): Promise<number> {
  const interval = 1000 / rate;
  const start = performance.now();
  const end = start + durationMs;
  const due = writers.map((_writer, index) => start + (index / writers.length) * interval);
  let presses = 0;
  return new Promise((resolve) => {
    const tick = () => {
      const now = performance.now();
      let next = Number.POSITIVE_INFINITY;
      for (let index = 0; index < writers.length; index++) {
        while (due[index] <= now && due[index] < end) {
          press(writers[index]);
          presses += 1;
          due[index] += interval;
        }
        if (due[index] < end) next = Math.min(next, due[index]);
      }
      if (next === Number.POSITIVE_INFINITY) resolve(presses);
      else setTimeout(tick, Math.max(0, next - performance.now()));
    };
    tick();
  });
}
