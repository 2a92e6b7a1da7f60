import type { CommitObserver } from '../commit-timing';
import type { AppendOutcome, LogConnection, QueuedAppend } from './log-connection';

/**
 * Where the update log's writes run: the appends of a turn (one transaction) and compactions, in
 * the order they are handed over. Reads and every other store's calls stay on the storage's own
 * connection and wait for what was handed over before them ({@link settleNow}, {@link settled}).
 */
export interface LogWriter {
  /** Commits the batch in one transaction; settles each append once durable (or refused). */
  commit(batch: readonly QueuedAppend[]): void;
  /** Compacts, after every write handed over before it. */
  compact(id: string, snapshot: Uint8Array, throughSeq: number): Promise<void>;
  /** Returns once every write handed over so far is settled, holding the thread until then. */
  settleNow(): void;
  /** Resolves once every write handed over so far is settled. */
  settled(): Promise<void>;
  /** Settles what was handed over, then releases what the writer holds. */
  close(): Promise<void>;
}

/** Settles each append of a committed batch with its outcome. */
export function settleAppends(batch: readonly QueuedAppend[], outcomes: readonly AppendOutcome[]): void {
  batch.forEach((append, index) => {
    const outcome = outcomes[index];
    if ('error' in outcome) append.reject(outcome.error);
    else append.resolve(outcome);
  });
}

/**
 * Writes on the calling thread, through the storage's own connection: the event loop waits for
 * each commit (its fsync at `synchronous=FULL`). For `':memory:'`, which no other thread can open,
 * and for running from source, where there is no compiled worker ({@link ThreadLogWriter}).
 */
export class InlineLogWriter implements LogWriter {
  constructor(
    private readonly connection: () => LogConnection,
    private readonly observe: CommitObserver | undefined,
  ) {}

  commit(batch: readonly QueuedAppend[]): void {
    const started = performance.now();
    let outcomes: AppendOutcome[];
    try {
      outcomes = this.connection().appendAll(batch);
    } catch (error) {
      // The transaction itself failed (lock, I/O, a rollback of the whole): none of the batch is stored.
      this.report(batch.length, started, false);
      for (const append of batch) append.reject(error);
      return;
    }
    this.report(batch.length, started, true);
    settleAppends(batch, outcomes);
  }

  async compact(id: string, snapshot: Uint8Array, throughSeq: number): Promise<void> {
    this.connection().compact(id, snapshot, throughSeq);
  }

  settleNow(): void {
    // Every commit settled before `commit` returned.
  }

  async settled(): Promise<void> {
    // As above.
  }

  async close(): Promise<void> {
    // The storage closes the connection.
  }

  private report(appends: number, started: number, ok: boolean): void {
    // The whole commit ran on this thread: the event loop was blocked for all of it.
    const seconds = (performance.now() - started) / 1000;
    this.observe?.({ appends, latencySeconds: seconds, blockedSeconds: seconds, ok });
  }
}
