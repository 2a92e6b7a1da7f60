import { existsSync } from 'node:fs';
import path from 'node:path';
import { computeVersion, type VersionInput, type VersionOutcome } from '../compute-version';
import { threadId } from 'node:worker_threads';
import { Piscina } from 'piscina';

/** The compiled worker entry, next to this file in dist/ (absent when run from source under a test runner). */
const WORKER_FILE = path.join(__dirname, 'history-worker.js');

/**
 * Runs version history's CPU-heavy work (`history-worker.ts`) on one worker thread (piscina), so
 * that a version of a large document (~150 ms of CPU for the repository's editing trace) never
 * holds the event loop that relays updates. One thread: the server shares a machine of few cores,
 * and versions are rare; tasks queue behind one another. Run from source (unit tests) there is no
 * compiled worker, and the work runs in this thread.
 */
export class HistoryPool {
  private readonly pool: Piscina | undefined;

  constructor(workerFile = WORKER_FILE) {
    this.pool = existsSync(workerFile) ? new Piscina({ filename: workerFile, minThreads: 0, maxThreads: 1, idleTimeout: 60_000 }) : undefined;
  }

  /** Whether the work runs on a worker thread (false from source). */
  get threaded(): boolean {
    return this.pool !== undefined;
  }

  computeVersion(input: VersionInput): Promise<VersionOutcome> {
    if (!this.pool) return Promise.resolve(computeVersion(input));
    return this.pool.run(input, { name: 'computeVersion' }) as Promise<VersionOutcome>;
  }

  /** The id of the thread that runs the tasks (`worker_threads.threadId`; the caller's own from source). */
  runnerThreadId(): Promise<number> {
    if (!this.pool) return Promise.resolve(threadId);
    return this.pool.run(undefined, { name: 'runnerThreadId' }) as Promise<number>;
  }

  /** Ends the worker once queued tasks are done (after the hub has recorded its last versions). */
  async close(): Promise<void> {
    await this.pool?.close();
  }
}
