import type { AppendOptions, StoredDocument, UpdateLog } from '@quire/storage';

/** What went through a {@link CountingStore} since it was made or last reset. */
export interface WriteCounts {
  appendCalls: number;
  appendedUpdates: number;
  /** Logical bytes: the updates handed to `append`, not what the database writes for them. */
  appendedBytes: number;
  compactCalls: number;
  /** Logical bytes: the snapshots handed to `compact`. */
  compactedBytes: number;
}

/**
 * An `UpdateLog` decorator that counts calls and bytes of `append` and `compact`, so a
 * benchmark sees what the hub asks of the store (group commit, compaction) without touching it.
 */
export class CountingStore implements UpdateLog {
  counts: WriteCounts = emptyCounts();

  constructor(private readonly inner: UpdateLog) {}

  reset(): void {
    this.counts = emptyCounts();
  }

  load(id: string): Promise<StoredDocument> {
    return this.inner.load(id);
  }

  async append(id: string, updates: readonly Uint8Array[], options?: AppendOptions): Promise<{ lastSeq: number }> {
    // Counted when asked, whether or not it succeeds: the hub retries failures, and those count too.
    this.counts.appendCalls += 1;
    this.counts.appendedUpdates += updates.length;
    for (const update of updates) this.counts.appendedBytes += update.byteLength;
    return this.inner.append(id, updates, options);
  }

  async compact(id: string, snapshot: Uint8Array, throughSeq: number): Promise<void> {
    this.counts.compactCalls += 1;
    this.counts.compactedBytes += snapshot.byteLength;
    return this.inner.compact(id, snapshot, throughSeq);
  }
}

function emptyCounts(): WriteCounts {
  return { appendCalls: 0, appendedUpdates: 0, appendedBytes: 0, compactCalls: 0, compactedBytes: 0 };
}
