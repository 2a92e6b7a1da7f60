import { StorageError, type AppendOptions, type StoredDocument, type UpdateLog } from '@quire/storage';

/** A promise together with the functions that settle it. */
export interface Deferred<T> {
  readonly promise: Promise<T>;
  resolve(value: T): void;
  reject(error: unknown): void;
}

/** Makes a {@link Deferred}. */
export function deferred<T = void>(): Deferred<T> {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

/** One call of {@link ControlledStore.append}, as the test sees it. */
export interface AppendCall {
  readonly documentId: string;
  readonly updates: readonly Uint8Array[];
  readonly options: AppendOptions | undefined;
  /** Settles the call when appends are held (see {@link ControlledStore.holdAppends}). */
  readonly gate: Deferred<void>;
}

/**
 * An in-memory `UpdateLog` whose loads and appends a test can hold, release or fail, and which
 * records every call. It does not compact (that rejects).
 *
 * Like every log, it never creates a document on append: a document exists once created
 * ({@link ensureDocument}, or a log set in {@link logs}), as the directory creates it, and an
 * append to one that does not exist, or was deleted ({@link deleteDocument}), rejects with
 * `no-such-document`.
 */
export class ControlledStore implements UpdateLog {
  /** Stored updates per document, in append order; a document exists while it has an entry here. */
  readonly logs = new Map<string, Uint8Array[]>();
  /** Last title passed to append, per document. */
  readonly titles = new Map<string, string | undefined>();
  /** Every append call, oldest first (successful or not). */
  readonly appendCalls: AppendCall[] = [];
  /** Number of load calls per document. */
  readonly loadCalls = new Map<string, number>();
  /** When set, each load waits for this promise first (and rejects if it does). */
  loadGate: Promise<void> | undefined;
  /** How many of the next loads reject. */
  failLoads = 0;
  /** How many of the next appends reject. */
  failAppends = 0;
  private holding = false;

  /** From now on each append waits until the test settles its {@link AppendCall.gate}. */
  holdAppends(): void {
    this.holding = true;
  }

  /** Appends complete at once again; calls already waiting stay waiting. */
  releaseAppends(): void {
    this.holding = false;
  }

  /**
   * Creates the document, empty, unless it exists: what the server's API guarantees before any
   * socket to it opens. Synchronous, so that a fixture can call it as a client connects.
   */
  ensureDocument(documentId: string): void {
    if (!this.logs.has(documentId)) this.logs.set(documentId, []);
  }

  /** Deletes the document and its log, as `Directory.deleteDocument` does; false if it did not exist. */
  deleteDocument(documentId: string): boolean {
    this.titles.delete(documentId);
    return this.logs.delete(documentId);
  }

  /** Everything stored for a document, in order. */
  stored(documentId: string): Uint8Array[] {
    return this.logs.get(documentId) ?? [];
  }

  async load(id: string): Promise<StoredDocument> {
    this.loadCalls.set(id, (this.loadCalls.get(id) ?? 0) + 1);
    if (this.loadGate) await this.loadGate;
    if (this.failLoads > 0) {
      this.failLoads--;
      throw new Error('load failed (test)');
    }
    const updates = [...this.stored(id)];
    return { updates, lastSeq: updates.length, byteLength: updates.reduce((sum, u) => sum + u.byteLength, 0) };
  }

  async append(id: string, updates: readonly Uint8Array[], options?: AppendOptions): Promise<{ lastSeq: number }> {
    const gate = deferred<void>();
    this.appendCalls.push({ documentId: id, updates: [...updates], options, gate });
    if (this.holding) await gate.promise;
    if (this.failAppends > 0) {
      this.failAppends--;
      throw new Error('append failed (test)');
    }
    // Checked once the append is let through, as a store checks at commit: a document deleted
    // while the append waited is refused, not created again.
    const log = this.logs.get(id);
    if (!log) {
      // Like the real stores: an empty list answers the current lastSeq without checking anything.
      if (updates.length === 0) return { lastSeq: 0 };
      throw new StorageError('no-such-document', `Cannot append: no document "${id}" (it was never created, or was deleted)`);
    }
    log.push(...updates.map((update) => update.slice()));
    this.titles.set(id, options?.title);
    return { lastSeq: log.length };
  }

  async compact(): Promise<void> {
    throw new Error('ControlledStore does not compact');
  }
}
