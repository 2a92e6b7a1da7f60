import type { AppendOptions, StoredDocument, UpdateLog } from '@quire/storage';

/**
 * An `UpdateLog` decorator that notes when each append resolved (`performance.now()`, just before
 * the hub's write queue sees it), so a benchmark can time what the hub does after a commit.
 */
export class CommitTimingStore implements UpdateLog {
  /** When each successful append resolved, oldest first. */
  readonly committedAt: number[] = [];

  constructor(private readonly inner: UpdateLog) {}

  load(id: string): Promise<StoredDocument> {
    return this.inner.load(id);
  }

  async append(id: string, updates: readonly Uint8Array[], options?: AppendOptions): Promise<{ lastSeq: number }> {
    const result = await this.inner.append(id, updates, options);
    this.committedAt.push(performance.now());
    return result;
  }

  compact(id: string, snapshot: Uint8Array, throughSeq: number): Promise<void> {
    return this.inner.compact(id, snapshot, throughSeq);
  }
}
