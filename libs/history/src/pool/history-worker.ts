// The worker thread's entry (piscina loads the compiled file by name): the CPU-heavy, pure parts of
// version history, kept off the event loop that relays updates. Each export is one task.
import { threadId } from 'node:worker_threads';

export { chainDocument, compareChains, computeVersion, refoldVersion } from './history-tasks';

/** Which thread runs the tasks: lets a test prove they leave the caller's thread. */
export function runnerThreadId(): number {
  return threadId;
}
