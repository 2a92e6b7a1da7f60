import { checkCompaction, checkUpdates } from '../checks';
import { checkAuthorship } from '../version-checks';
import type { AppendOptions, StoredDocument, UpdateLog } from '../update-log';
import type { LogConnection, QueuedAppend } from './log-connection';
import type { LogWriter } from './log-writer';

/**
 * The {@link UpdateLog} of a {@link SqliteStorage}. Reads run on the storage's connection, whose
 * driver is synchronous; writes run on its {@link LogWriter} (a thread of their own, or this one).
 *
 * Appends wait for the end of the event-loop turn and commit together, each in its own savepoint:
 * one fsync per turn instead of one per document, which is what a server with many documents open
 * is limited by. Every other call, to the log or the directory, comes after the waiting appends
 * ({@link flush}, or {@link settled} for the log's own reads), so calls keep their order.
 */
export class SqliteUpdateLog implements UpdateLog {
  private queued: QueuedAppend[] = [];
  private flushTimer: NodeJS.Immediate | undefined;

  /** `connection` and `writer` refuse calls while the storage is not open; they do not flush. */
  constructor(
    private readonly connection: () => LogConnection,
    private readonly writer: () => LogWriter,
  ) {}

  async load(id: string): Promise<StoredDocument> {
    await this.settled();
    // One statement reads one consistent snapshot of the WAL, even while another connection writes.
    const rows = this.connection().statements.loadUpdates.all(id);
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
    if (updates.length === 0) {
      await this.settled();
      return { lastSeq: this.connection().statements.lastSeq.get(id) ?? 0 };
    }
    // Copied now: the caller may reuse its buffers before the turn ends, and the log keeps its own copy.
    const copies = updates.map((update) => new Uint8Array(update));
    return new Promise((resolve, reject) => {
      const { authors, clients } = options;
      this.queued.push({ id, updates: copies, title: options.title ?? null, authors, clients, resolve, reject });
      this.flushTimer ??= setImmediate(() => this.handOver());
    });
  }

  async compact(id: string, snapshot: Uint8Array, throughSeq: number): Promise<void> {
    const writer = this.writer();
    checkCompaction(id, snapshot, throughSeq);
    // After the appends made before it, on the same writer: they keep their order.
    this.handOver();
    await writer.compact(id, snapshot, throughSeq);
  }

  /**
   * Hands the queued appends to the writer and waits for every write handed over so far, holding
   * the thread: for the other stores, whose statements run as soon as they are called. Resolved
   * means durable; accepted appends are stored (or rejected with their error), never dropped.
   */
  flush(): void {
    this.handOver();
    this.writer().settleNow();
  }

  /** Hands the queued appends to the writer, to commit in one transaction; does not wait. */
  handOver(): void {
    if (this.flushTimer) clearImmediate(this.flushTimer);
    this.flushTimer = undefined;
    const batch = this.queued;
    if (batch.length === 0) return;
    this.queued = [];
    this.writer().commit(batch);
  }

  /** Resolves once the appends made before this call are settled, without holding the thread. */
  private async settled(): Promise<void> {
    const writer = this.writer();
    this.handOver();
    await writer.settled();
  }
}
