import type { AppendOptions, StoredDocument, UpdateLog } from '@quire/storage';

/** Told after an append is stored: the document, and the author of each update (undefined: the server's own). */
export type AppendListener = (documentId: string, authors: readonly (string | undefined)[]) => void;

/**
 * The storage's update log as the hub uses it, telling listeners (webhooks' document.updated) of
 * each append once it is durable. Listeners run after the append resolved and must be quick: the
 * hub relays the updates when this returns.
 */
export class ObservedUpdateLog implements UpdateLog {
  private readonly listeners = new Set<AppendListener>();

  constructor(private readonly inner: UpdateLog) {}

  onAppended(listener: AppendListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  load(id: string): Promise<StoredDocument> {
    return this.inner.load(id);
  }

  async append(id: string, updates: readonly Uint8Array[], options?: AppendOptions): Promise<{ lastSeq: number }> {
    const stored = await this.inner.append(id, updates, options);
    const authors = options?.authors ?? updates.map(() => undefined);
    for (const listener of this.listeners) {
      try {
        listener(id, authors);
      } catch {
        // A listener's failure is its own; the append is stored.
      }
    }
    return stored;
  }

  compact(id: string, snapshot: Uint8Array, throughSeq: number): Promise<void> {
    return this.inner.compact(id, snapshot, throughSeq);
  }
}
