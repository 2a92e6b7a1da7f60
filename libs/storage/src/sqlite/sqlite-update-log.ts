import { checkCompaction, checkUpdates } from '../checks';
import { checkAuthorship } from '../version-checks';
import type { AppendOptions, StoredDocument, UpdateLog } from '../update-log';
import type { AppendOutcome, LogConnection, QueuedAppend } from './log-connection';

/**
 * The {@link UpdateLog} of a {@link SqliteStorage}. The driver is synchronous: each call holds the
 * event loop until SQLite is done, and its errors surface as the promise's rejection.
 *
 * Appends wait for the end of the event-loop turn and commit together, each in its own savepoint:
 * one fsync per turn instead of one per document, which is what a server with many documents open
 * is limited by. Every other call, to the log or the directory, commits the waiting appends first
 * ({@link flush}), so calls keep their order.
 */
export class SqliteUpdateLog implements UpdateLog {
  private queued: QueuedAppend[] = [];
  private flushTimer: NodeJS.Immediate | undefined;

  /** `connection` refuses calls while the storage is not open; it does not flush. */
  constructor(private readonly connection: () => LogConnection) {}

  async load(id: string): Promise<StoredDocument> {
    // One statement reads one consistent snapshot of the WAL, even while another connection writes.
    const rows = this.use().statements.loadUpdates.all(id);
    return {
      // Plain Uint8Array views (no copy) of the Buffers the driver allocated for this result alone.
      updates: rows.map(({ data }) => new Uint8Array(data.buffer, data.byteOffset, data.byteLength)),
      lastSeq: rows.at(-1)?.seq ?? 0,
      byteLength: rows.reduce((sum, { data }) => sum + data.byteLength, 0),
    };
  }

  async append(id: string, updates: readonly Uint8Array[], options: AppendOptions = {}): Promise<{ lastSeq: number }> {
    this.connection();
    checkUpdates(id, updates);
    checkAuthorship(id, updates.length, options);
    // Nothing to write: do not check the document nor touch its dates.
    if (updates.length === 0) return { lastSeq: this.use().statements.lastSeq.get(id) ?? 0 };
    // Copied now: the caller may reuse its buffers before the turn ends, and the log keeps its own copy.
    const copies = updates.map((update) => new Uint8Array(update));
    return new Promise((resolve, reject) => {
      const { authors, clients } = options;
      this.queued.push({ id, updates: copies, title: options.title ?? null, authors, clients, resolve, reject });
      this.flushTimer ??= setImmediate(() => this.flush());
    });
  }

  async compact(id: string, snapshot: Uint8Array, throughSeq: number): Promise<void> {
    const connection = this.use();
    checkCompaction(id, snapshot, throughSeq);
    connection.compact(id, snapshot, throughSeq);
  }

  /**
   * Commits the queued appends in one transaction, then settles their promises: resolved means
   * durable. Accepted appends are stored (or rejected with their error), never dropped.
   */
  flush(): void {
    if (this.flushTimer) clearImmediate(this.flushTimer);
    this.flushTimer = undefined;
    const batch = this.queued;
    if (batch.length === 0) return;
    this.queued = [];
    let outcomes: AppendOutcome[];
    try {
      outcomes = this.connection().appendAll(batch);
    } catch (error) {
      // The transaction itself failed (lock, I/O, a rollback of the whole): none of the batch is stored.
      for (const append of batch) append.reject(error);
      return;
    }
    batch.forEach((append, index) => {
      const outcome = outcomes[index];
      if ('error' in outcome) append.reject(outcome.error);
      else append.resolve(outcome);
    });
  }

  /** The connection, once the appends made before this call are committed. */
  private use(): LogConnection {
    const connection = this.connection();
    this.flush();
    return connection;
  }
}
