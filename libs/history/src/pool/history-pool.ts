import { existsSync } from 'node:fs';
import path from 'node:path';
import { threadId } from 'node:worker_threads';
import { Piscina } from 'piscina';
import type { ChainComparison, ChainComparisonInput, ChainDocument, ChainSide } from '../compare-chains';
import type { VersionInput, VersionOutcome } from '../compute-version';
import type { RefoldedVersion, RefoldInput } from '../refold-version';
import * as tasks from './history-tasks';

/** The compiled worker entry, next to this file in dist/ (absent when run from source under a test runner). */
const WORKER_FILE = path.join(__dirname, 'history-worker.js');
/**
 * None of the process's flags: the compiled worker needs none, a test runner's `@quire/source`
 * export condition would make it load TypeScript sources, and V8 or process-wide flags (the
 * benchmarks' `--expose-gc`) make a Worker throw ERR_WORKER_INVALID_EXEC_ARGV.
 */
const WORKER_EXEC_ARGV: string[] = [];

/**
 * Runs version history's CPU-heavy work (`history-tasks.ts`: recording, thinning, reading and
 * comparing versions) on one worker thread (piscina), so that a version or a diff of a large
 * document (~100–300 ms of CPU for the repository's editing trace) never holds the event loop that
 * relays updates. One thread: the server shares a machine of few cores, and history is used
 * rarely; tasks queue behind one another, and the thread keeps recently read versions. Run from
 * source (unit tests) there is no compiled worker, and the work runs in this thread.
 */
export class HistoryPool {
  private readonly pool: Piscina | undefined;
  /** Tasks handed to the thread and not yet answered: a thread that dies fails them all. */
  private readonly waiting = new Set<(error: unknown) => void>();

  /**
   * @param onError told when the worker thread itself fails (it cannot load, or dies); the tasks
   *   waiting for it reject with the same error, and the next task starts a new thread. (Piscina
   *   leaves a task whose thread failed to start waiting forever, and without a listener such an
   *   error would end the process.)
   */
  constructor(onError: (error: unknown) => void, workerFile = WORKER_FILE) {
    this.pool = existsSync(workerFile)
      ? new Piscina({ filename: workerFile, minThreads: 0, maxThreads: 1, idleTimeout: 60_000, execArgv: WORKER_EXEC_ARGV })
      : undefined;
    this.pool?.on('error', (error: unknown) => {
      onError(error);
      for (const fail of [...this.waiting]) fail(error);
    });
  }

  /** Whether the work runs on a worker thread (false from source). */
  get threaded(): boolean {
    return this.pool !== undefined;
  }

  computeVersion(input: VersionInput): Promise<VersionOutcome> {
    return this.run('computeVersion', input, tasks.computeVersion);
  }

  /** The version after a thinned one, stored anew (`refoldVersion`). */
  refoldVersion(input: RefoldInput): Promise<RefoldedVersion> {
    return this.run('refoldVersion', input, tasks.refoldVersion);
  }

  /** The changes from the older side to the newer, on the newer side's document. */
  compareChains(input: ChainComparisonInput): Promise<ChainComparison> {
    return this.run('compareChains', input, tasks.compareChains);
  }

  /** A version's (or the current document's) content as ProseMirror JSON or as text. */
  chainDocument(side: ChainSide, format: 'json' | 'text'): Promise<ChainDocument> {
    return this.run('chainDocument', { side, format }, tasks.chainDocument);
  }

  /** The id of the thread that runs the tasks (`worker_threads.threadId`; the caller's own from source). */
  runnerThreadId(): Promise<number> {
    return this.run('runnerThreadId', undefined, () => threadId);
  }

  /** Ends the worker once queued tasks are done (after the hub has recorded its last versions). */
  async close(): Promise<void> {
    await this.pool?.close();
  }

  private async run<I, O>(name: string, input: I, here: (input: I) => O): Promise<O> {
    const pool = this.pool;
    if (!pool) return here(input);
    let fail: (error: unknown) => void = () => undefined;
    const failed = new Promise<never>((_, reject) => (fail = reject));
    this.waiting.add(fail);
    try {
      return (await Promise.race([pool.run(input, { name }), failed])) as O;
    } finally {
      this.waiting.delete(fail);
    }
  }
}
