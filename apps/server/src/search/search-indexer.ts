import { documentText } from '@quire/editor-schema';
import type { Directory, SearchIndex, UpdateLog } from '@quire/storage';
import type { Logger } from 'pino';
import * as Y from 'yjs';

/**
 * What the index holds of a document as this code reads it. Bump it when `documentText` (or what
 * an entry holds) changes: every server that starts with a new version clears the index and
 * rebuilds it in the background.
 */
export const SEARCH_INDEX_VERSION = '1';
/** The setting that records the version the stored index was built with. */
export const SEARCH_INDEX_VERSION_SETTING = 'search-index-version';

export interface SearchIndexerOptions {
  readonly index: SearchIndex;
  readonly directory: Directory;
  readonly log: UpdateLog;
  readonly logger: Logger;
  /** Quiet time after a document's last change before it is indexed (default 400 ms). */
  readonly delayMs?: number;
  /** Longest a changed document waits while changes keep coming (default 1 500 ms). */
  readonly maxDelayMs?: number;
}

/**
 * Waits for the event loop's next turn. On SQLite every read and write of indexing is synchronous,
 * so its promises settle at once: without this, indexing hundreds of changed documents ran as one
 * task and held every relay behind it (p99 134 ms with 500 documents × 4 people typing).
 */
const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/** How many stale documents one catch-up step asks for. */
const CATCH_UP_BATCH = 50;
/**
 * How often the index also looks for stale entries: the safety net for a change it was not told of
 * (a document created another way, a crash at another instance).
 */
export const CATCH_UP_INTERVAL_MS = 60_000;

/**
 * Keeps the search index in step with stored content, off the relay path: told which documents
 * changed (ContentChanges), it waits for a quiet moment (debounced, with a bound while edits keep
 * coming), then loads each from the store, reads its text with `documentText` and writes the entry.
 * On start it rebuilds the index if its version changed, and catches up with every document whose
 * entry is stale (edits a crash left unindexed, documents from before the index).
 */
export class SearchIndexer {
  private readonly pending = new Set<string>();
  private timer: NodeJS.Timeout | undefined;
  private firstPendingAt = 0;
  private lastChangeAt = 0;
  private running: Promise<void> | undefined;
  private catchUpTimer: NodeJS.Timeout | undefined;
  private stopped = false;
  private readonly delayMs: number;
  private readonly maxDelayMs: number;

  constructor(private readonly options: SearchIndexerOptions) {
    this.delayMs = options.delayMs ?? 400;
    this.maxDelayMs = options.maxDelayMs ?? 1500;
  }

  /**
   * A document's content or title changed: index it soon. Called after every stored append, so it
   * costs a set insertion and a clock read; a timer is made only when none is waiting (each
   * keystroke re-arming one was measurable in the relay's profile). The timer, when it fires early
   * for a change that came since, waits out the rest of the quiet time.
   */
  changed(documentId: string): void {
    if (this.stopped) return;
    const now = Date.now();
    if (this.pending.size === 0) this.firstPendingAt = now;
    this.pending.add(documentId);
    this.lastChangeAt = now;
    if (this.timer === undefined) this.arm(this.delayMs);
  }

  private arm(waitMs: number): void {
    this.timer = setTimeout(() => {
      this.timer = undefined;
      const now = Date.now();
      const quietFor = now - this.lastChangeAt;
      const left = Math.min(this.delayMs - quietFor, this.firstPendingAt + this.maxDelayMs - now);
      if (left > 0) this.arm(left);
      else void this.flush();
    }, waitMs);
    this.timer.unref();
  }

  /** Rebuilds the index if its version changed, then catches up in the background. */
  async start(): Promise<void> {
    const { directory, index, logger } = this.options;
    const stored = await directory.getSetting(SEARCH_INDEX_VERSION_SETTING);
    if (stored !== SEARCH_INDEX_VERSION) {
      logger.info({ from: stored ?? null, to: SEARCH_INDEX_VERSION }, 'The search index is rebuilt in the background');
      await index.clear();
      await directory.deleteSetting(SEARCH_INDEX_VERSION_SETTING);
      await directory.setSettingIfAbsent(SEARCH_INDEX_VERSION_SETTING, SEARCH_INDEX_VERSION);
    }
    this.run(() => this.catchUp());
    this.catchUpTimer = setInterval(() => this.run(() => this.catchUp()), CATCH_UP_INTERVAL_MS);
    this.catchUpTimer.unref();
  }

  /** Stops indexing; resolves once the step under way has ended. */
  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    clearInterval(this.catchUpTimer);
    this.pending.clear();
    await this.running;
  }

  /** Indexes the pending documents now, and resolves when done (tests, and the timer). */
  async flush(): Promise<void> {
    clearTimeout(this.timer);
    this.timer = undefined;
    const ids = [...this.pending];
    this.pending.clear();
    if (ids.length > 0) this.run(() => this.indexAll(ids));
    await this.running;
  }

  /** Indexes every stale document, a batch at a time, until none is left. */
  async catchUp(): Promise<number> {
    let indexed = 0;
    const failed = new Set<string>();
    while (!this.stopped) {
      const stale = (await this.options.index.listStale(CATCH_UP_BATCH + failed.size)).filter((id) => !failed.has(id));
      if (stale.length === 0) break;
      for (const id of stale) {
        if (this.stopped) break;
        if (await this.indexDocument(id)) indexed += 1;
        else failed.add(id);
        await nextTurn();
      }
    }
    return indexed;
  }

  /** One step after another: a catch-up and the flushes never index at the same time. */
  private run(step: () => Promise<unknown>): void {
    const previous = this.running ?? Promise.resolve();
    const next = previous.then(step).then(
      () => undefined,
      (error: unknown) => this.options.logger.error({ err: error }, 'Indexing for search failed; the next change or start retries'),
    );
    this.running = next;
    void next.finally(() => {
      if (this.running === next) this.running = undefined;
    });
  }

  private async indexAll(ids: readonly string[]): Promise<void> {
    for (const id of ids) {
      if (this.stopped) return;
      await this.indexDocument(id);
      await nextTurn();
    }
  }

  /** Writes a document's entry from what is stored; false when it failed (logged). */
  private async indexDocument(id: string): Promise<boolean> {
    const { directory, log, index, logger } = this.options;
    try {
      // The date first: an append between the two reads makes the entry stale, never wrongly fresh.
      const document = await directory.getDocument(id);
      if (!document) return true;
      const stored = await log.load(id);
      // A guid given: without one Y.Doc draws a random UUID, 31 crypto calls (~75 µs), which was a
      // third of indexing's time with 500 documents open (apps/bench-peers README).
      const doc = new Y.Doc({ guid: id });
      try {
        Y.transact(doc, () => {
          for (const update of stored.updates) Y.applyUpdate(doc, update);
        });
        const text = documentText(doc);
        await index.write({ documentId: id, title: document.title, text, sourceUpdatedAt: document.updatedAt });
      } finally {
        doc.destroy();
      }
      return true;
    } catch (error) {
      logger.warn({ err: error, documentId: id }, 'Indexing a document for search failed');
      return false;
    }
  }
}
