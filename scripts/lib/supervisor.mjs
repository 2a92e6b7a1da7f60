// `npm start` keeps the collaboration server running: a server process that exits by itself
// (a crash) is started again after a pause that doubles while it keeps failing, and every exit
// and restart is logged. The web app keeps running meanwhile: its pages say that the server
// cannot be reached and reconnect by themselves once it is back.

/** First pause before a restart, and the longest. */
export const FIRST_RESTART_DELAY_MS = 1_000;
export const MAX_RESTART_DELAY_MS = 30_000;
/** A process that ran at least this long before exiting counts as having worked: back to the first pause. */
export const STABLE_AFTER_MS = 60_000;

/** The pause before restart number `failures` (1 for the first crash in a row). */
export function restartDelayMs(failures) {
  return Math.min(FIRST_RESTART_DELAY_MS * 2 ** Math.max(0, failures - 1), MAX_RESTART_DELAY_MS);
}

/**
 * Runs `start()` (which returns a ChildProcess) and starts it again whenever it exits while not
 * stopping. `log(message)` hears every exit and restart; `onStart(child)` every new process.
 * Returns `{ current(), stop(signal) }`.
 */
export function supervise({ name, start, onStart = () => undefined, log = (message) => console.error(message), now = Date.now, schedule = setTimeout }) {
  let child;
  let stopping = false;
  let failures = 0;
  let startedAt = 0;
  let timer;

  function run() {
    startedAt = now();
    child = start();
    onStart(child);
    child.on('exit', (code, signal) => {
      if (stopping) return;
      failures = now() - startedAt >= STABLE_AFTER_MS ? 1 : failures + 1;
      const delay = restartDelayMs(failures);
      log(`[quire] The ${name} exited (${signal ?? `code ${code}`}); starting it again in ${delay / 1000} s (restart ${failures} in a row).`);
      timer = schedule(() => {
        timer = undefined;
        if (stopping) return;
        log(`[quire] Starting the ${name} again.`);
        run();
      }, delay);
    });
  }

  run();
  return {
    current: () => child,
    stop(signal) {
      stopping = true;
      if (timer !== undefined) clearTimeout(timer);
      if (child && child.exitCode === null && child.signalCode === null) child.kill(signal);
    },
  };
}
