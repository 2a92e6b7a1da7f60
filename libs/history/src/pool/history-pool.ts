import { existsSync } from 'node:fs';
import path from 'node:path';
import { computeVersion, type VersionInput, type VersionOutcome } from '@quire/history';
import { Piscina } from 'piscina';

/** The compiled worker entry, next to this file in dist/ (absent when the server runs from source under a test runner). */
const WORKER_FILE = path.join(__dirname, 'history-worker.js');

/**
 * Runs version history's CPU-heavy work (`history-worker.ts`) on one worker thread, so that a
 * version of a large document (~150 ms of CPU for the repository's editing trace) never holds the
 * event loop that relays updates. One thread: the machine the server shares has few cores, and
 * versions are rare; tasks queue behind one another. Run from source (unit tests) there is no
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

  /** Ends the worker once queued tasks are done (after the hub has recorded its last versions). */
  async close(): Promise<void> {
    await this.pool?.close();
  }
}
