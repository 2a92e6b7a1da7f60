import type { StoredDocument, UpdateLog } from '@quire/storage';
import type { HubLogger } from './logger';

/** When a document's stored log is folded into one snapshot: past either bound. */
export interface CompactionLimits {
  readonly maxUpdates: number;
  readonly maxBytes: number;
}

/** Default {@link CompactionLimits}: a few minutes of one person typing, or 4 MiB of log. */
export const DEFAULT_COMPACTION_LIMITS: CompactionLimits = { maxUpdates: 500, maxBytes: 4 * 1024 * 1024 };

/**
 * However large the snapshot, a log this many times `maxUpdates` long is compacted: loading it
 * would otherwise mean applying tens of thousands of updates one by one.
 */
export const MAX_ROWS_FACTOR = 20;

/** After a failed compaction, the next attempt waits at least this long. */
export const COMPACTION_RETRY_MS = 30_000;

export interface CompactorOptions {
  readonly store: UpdateLog;
  readonly documentId: string;
  readonly logger: HubLogger;
  readonly limits: CompactionLimits;
  /**
   * Applies `stored` (the rows as the store holds them now) to the loaded document and returns
   * the document as one update, or `undefined` if the rows could not be applied. The snapshot
   * then holds every stored row through `stored.lastSeq` (and may hold updates still on their way
   * to the store, which are idempotent to store twice).
   */
  readonly snapshotWith: (stored: StoredDocument) => Uint8Array | undefined;
}

/**
 * Counts the log rows a document has stored since its last snapshot and compacts past the limits.
 * The snapshot comes from the loaded Y.Doc, never from merging the log: `Y.mergeUpdates` is
 * superlinear on long single-client logs (yjs#710).
 *
 * Several instances append to one log, and an instance may not have received (over the bus) a
 * row another one appended before its own last row. Compacting through its own last seq with a
 * snapshot of its doc would delete that row while its content is in neither. So a compaction
 * first reads the stored rows, applies them to the doc, and compacts exactly through the last
 * row it read: every row it deletes is in the snapshot.
 */
export class Compactor {
  private rows: number;
  private bytes: number;
  /** Bytes of the snapshot at the head of the log (0 when there is none). */
  private snapshotBytes: number;
  private lastSeq: number;
  private running: Promise<void> | undefined;
  private notBefore = 0;

  constructor(
    private readonly options: CompactorOptions,
    stored: StoredDocument,
  ) {
    this.rows = stored.updates.length;
    this.bytes = stored.byteLength;
    // The first row is the snapshot when the log was compacted before; a plain first update is
    // small, so taking it as one changes little.
    this.snapshotBytes = stored.updates[0]?.byteLength ?? 0;
    this.lastSeq = stored.lastSeq;
  }

  /** Bytes of the stored log: roughly the document's size once compacted. */
  get storedBytes(): number {
    return this.bytes;
  }

  /** Records an append that committed; starts a compaction when the log has grown past the limits. */
  recordAppend(updates: readonly Uint8Array[], lastSeq: number): void {
    this.rows += updates.length;
    for (const update of updates) this.bytes += update.byteLength;
    this.lastSeq = Math.max(this.lastSeq, lastSeq);
    if (this.running || Date.now() < this.notBefore) return;
    if (this.due()) this.running = this.compact();
  }

  /**
   * Past the limits, but only once the log written since the last snapshot is at least as large
   * as that snapshot: each snapshot rewrites the whole document, so compacting sooner would write
   * more snapshot bytes than update bytes, and the store would write more than twice what it is
   * given. A very long log is compacted regardless.
   */
  private due(): boolean {
    const { maxUpdates, maxBytes } = this.options.limits;
    const logBytes = this.bytes - this.snapshotBytes;
    if (this.rows > maxUpdates * MAX_ROWS_FACTOR) return true;
    return (this.rows > maxUpdates || this.bytes > maxBytes) && logBytes >= this.snapshotBytes;
  }

  /** Resolves when no compaction is in flight (the store may be closed afterwards). */
  async whenIdle(): Promise<void> {
    while (this.running) await this.running;
  }

  private async compact(): Promise<void> {
    const { store, documentId, logger } = this.options;
    let throughSeq = this.lastSeq;
    const rowsCovered = this.rows;
    const bytesCovered = this.bytes;
    try {
      const started = performance.now();
      const stored = await store.load(documentId);
      // Synchronously after the read: the snapshot holds every row through `stored.lastSeq`.
      const snapshot = this.options.snapshotWith(stored);
      if (snapshot === undefined) throw new Error('the stored rows could not be applied to the loaded document');
      throughSeq = stored.lastSeq;
      await store.compact(documentId, snapshot, throughSeq);
      // Rows appended while the compaction ran are still in the log, and still counted.
      this.rows = this.rows - rowsCovered + 1;
      this.bytes = this.bytes - bytesCovered + snapshot.byteLength;
      this.snapshotBytes = snapshot.byteLength;
      logger.debug(
        { documentId, rows: rowsCovered, bytes: bytesCovered, snapshotBytes: snapshot.byteLength, ms: Math.round(performance.now() - started) },
        'Compacted the stored log into a snapshot',
      );
    } catch (error) {
      // The log stays as it was: nothing is lost, it is only longer. Try again later.
      this.notBefore = Date.now() + COMPACTION_RETRY_MS;
      logger.warn({ documentId, throughSeq, err: error }, 'Compaction failed; the log stays as it is and will be compacted later');
    } finally {
      this.running = undefined;
    }
  }
}
