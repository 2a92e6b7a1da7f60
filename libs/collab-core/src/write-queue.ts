import { StorageError, type AppendOptions, type ClientAuthor } from '@quire/storage';
import type { HubContext } from './hub-context';
import type { StoredAckClaim } from './stored-acks';

/** An update the document emitted, waiting to be stored (if its origin asks for it) and then relayed. */
export interface QueuedUpdate {
  readonly update: Uint8Array;
  readonly origin: unknown;
  readonly store: boolean;
  /** `performance.now()` when the document applied it, to measure what storing first costs. */
  readonly appliedAt: number;
  /** The user it is stored under (libs/storage README, "Versions"). */
  readonly author?: string | undefined;
  /** Yjs client ids it carries that the document has not recorded for its author yet. */
  readonly clients?: readonly ClientAuthor[] | undefined;
  /**
   * Stored in an append of its own, whose last seq (this update's) is passed here once durable;
   * `undefined` when the document was deleted first and it was dropped.
   */
  readonly settled?: ((seq: number | undefined) => void) | undefined;
  /** The connection to acknowledge once it is stored, if it asked (`stored-acks.ts`). */
  readonly ack?: StoredAckClaim | undefined;
}

/** The updates of a batch that went to the store, and the sequence number of the last row. */
export interface StoredBatch {
  readonly updates: readonly Uint8Array[];
  readonly lastSeq: number;
}

/** What a {@link WriteQueue} needs from its document. */
export interface WriteQueueOptions {
  /** The store, logger, metrics and the store health shared by every document. */
  readonly hub: HubContext;
  readonly documentId: string;
  /** The title as the document stands now; read once per batch, when the batch is formed. */
  readonly title: () => string;
  /**
   * Called with each batch, in order, once it is durable, with what was stored and the sequence
   * number of its last row (`undefined` when nothing in the batch was to be stored). Must not throw.
   */
  readonly onCommitted: (batch: readonly QueuedUpdate[], stored: StoredBatch | undefined) => void;
  /**
   * The store refused a batch because the document does not exist (deleted meanwhile): nothing of
   * it or of what waits behind it is stored or relayed, and the queue takes nothing more.
   */
  readonly onGone: () => void;
}

/** First wait after a failed append; doubles on each failure of the same batch. */
export const RETRY_INITIAL_MS = 100;
/** Longest wait between two attempts to append the same batch. */
export const RETRY_MAX_MS = 5_000;

/**
 * Group commit for one document: updates queue up while an append is in flight and the next
 * append takes all of them at once. Batches commit strictly in order; a failed append is retried
 * with backoff, never dropped and never overtaken by a later batch.
 */
export class WriteQueue {
  private queued: QueuedUpdate[] = [];
  private writing = false;
  private scheduled = false;
  private enqueuedCount = 0;
  private committedCount = 0;
  private waiters: { readonly upTo: number; readonly callback: () => void }[] = [];
  private gone = false;

  constructor(private readonly options: WriteQueueOptions) {}

  /** True when everything enqueued so far has committed. */
  get idle(): boolean {
    return this.committedCount === this.enqueuedCount;
  }

  /** Queues an update; the write starts in a microtask so updates applied together share it. */
  enqueue(entry: QueuedUpdate): void {
    // The document was deleted: an edit to it has nowhere to go, and must not be relayed.
    if (this.gone) return;
    this.queued.push(entry);
    this.enqueuedCount++;
    this.options.hub.health.addBacklog(entry.update.byteLength);
    if (!this.writing && !this.scheduled) {
      this.scheduled = true;
      queueMicrotask(() => {
        this.scheduled = false;
        this.writeNext();
      });
    }
  }

  /**
   * Calls `callback` once everything enqueued up to now has committed: synchronously if nothing
   * is pending, so that a reply and later relays keep their order.
   */
  afterCommitted(callback: () => void): void {
    if (this.idle) callback();
    else this.waiters.push({ upTo: this.enqueuedCount, callback });
  }

  /** Resolves once everything enqueued up to now has committed. */
  whenCommitted(): Promise<void> {
    return new Promise((resolve) => this.afterCommitted(resolve));
  }

  private writeNext(): void {
    if (this.writing || this.queued.length === 0) return;
    // An update that wants its own seq is appended alone; the others go together up to it.
    const alone = this.queued.findIndex((entry) => entry.settled !== undefined);
    let batch = this.queued;
    this.queued = [];
    if (alone >= 0 && batch.length > 1) {
      const size = Math.max(alone, 1);
      this.queued = batch.slice(size);
      batch = batch.slice(0, size);
    }
    this.writing = true;
    const stored = batch.filter((entry) => entry.store);
    const updates = stored.map((entry) => entry.update);
    void this.writeBatch(batch, updates, updates.length > 0 ? appendOptions(stored, this.readTitle()) : {});
  }

  private async writeBatch(batch: QueuedUpdate[], updates: Uint8Array[], options: AppendOptions): Promise<void> {
    const { documentId } = this.options;
    const { store, logger, health, metrics } = this.options.hub;
    let delay = RETRY_INITIAL_MS;
    let stored: StoredBatch | undefined;
    for (let attempt = 1; updates.length > 0; attempt++) {
      const started = performance.now();
      try {
        const { lastSeq } = await store.append(documentId, updates, options);
        metrics.storeWrite((performance.now() - started) / 1000, updates.length, true);
        stored = { updates, lastSeq };
        health.recordSuccess();
        break;
      } catch (error) {
        metrics.storeWrite((performance.now() - started) / 1000, updates.length, false);
        if (error instanceof StorageError && error.code === 'no-such-document') {
          this.documentGone(batch);
          return;
        }
        health.recordFailure();
        logger.error(
          { documentId, attempt, updates: updates.length, retryInMs: delay, err: error },
          'Storing updates failed; holding them back from clients and retrying',
        );
        await sleep(delay);
        delay = Math.min(delay * 2, RETRY_MAX_MS);
      }
    }
    this.writing = false;
    this.committedCount += batch.length;
    for (const entry of batch) health.removeBacklog(entry.update.byteLength);
    this.guarded(() => this.options.onCommitted(batch, stored));
    for (const entry of batch) if (entry.settled) this.guarded(() => entry.settled?.(stored?.lastSeq));
    this.releaseWaiters();
    this.writeNext();
  }

  /** No retry can succeed: drop this batch and everything queued, and let waiters go. */
  private documentGone(batch: QueuedUpdate[]): void {
    this.gone = true;
    this.writing = false;
    const dropped = [...batch, ...this.queued];
    this.queued = [];
    for (const entry of dropped) this.options.hub.health.removeBacklog(entry.update.byteLength);
    for (const entry of dropped) if (entry.settled) this.guarded(() => entry.settled?.(undefined));
    this.committedCount = this.enqueuedCount;
    this.options.hub.logger.info(
      { documentId: this.options.documentId, updates: dropped.length },
      'The document no longer exists (deleted); dropping its unsaved updates',
    );
    this.guarded(() => this.options.onGone());
    this.releaseWaiters();
  }

  private releaseWaiters(): void {
    const ready = this.waiters.filter((waiter) => waiter.upTo <= this.committedCount);
    if (ready.length === 0) return;
    this.waiters = this.waiters.filter((waiter) => waiter.upTo > this.committedCount);
    for (const waiter of ready) this.guarded(waiter.callback);
  }

  // A throwing callback is a bug, but must not stall the queue for every later batch.
  private guarded(callback: () => void): void {
    try {
      callback();
    } catch (error) {
      this.options.hub.logger.error({ documentId: this.options.documentId, err: error }, 'Commit callback failed');
    }
  }

  private readTitle(): string | undefined {
    try {
      return this.options.title();
    } catch (error) {
      // A title is a convenience; it must never stand between an update and the store.
      this.options.hub.logger.warn({ documentId: this.options.documentId, err: error }, 'Deriving the title failed');
      return undefined;
    }
  }
}

/** The append's options: the title, and who wrote what when anyone did (the store records it with the rows). */
function appendOptions(stored: readonly QueuedUpdate[], title: string | undefined): AppendOptions {
  const authored = stored.some((entry) => entry.author !== undefined);
  const clients = stored.flatMap((entry) => entry.clients ?? []);
  return {
    ...(title === undefined ? {} : { title }),
    ...(authored ? { authors: stored.map((entry) => entry.author) } : {}),
    ...(clients.length > 0 ? { clients } : {}),
  };
}

// Deliberately not unref'd: while updates wait to be stored, the process must stay up to store them.
function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
