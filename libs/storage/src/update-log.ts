import type { ClientAuthor } from './version-history';

/** What is stored for one document, as `load` returns it. */
export interface StoredDocument {
  /** The snapshot (if compacted) followed by every later update, oldest first; empty for a new document. */
  readonly updates: Uint8Array[];
  /** Sequence number of the newest row returned (0 when nothing is stored); `compact` takes it. */
  readonly lastSeq: number;
  /** Bytes of all rows returned, to decide when to compact. */
  readonly byteLength: number;
}

/** Options for {@link UpdateLog.append}. */
export interface AppendOptions {
  /**
   * The document's title as derived from its content after these updates; stored in the same
   * transaction, unless the directory holds a title set explicitly (a rename).
   */
  readonly title?: string;
  /**
   * Per update, in order, the user whose change it is (`undefined`: nobody's, e.g. a change the
   * server made alone). Recorded in the same transaction, so that the next version lists them.
   */
  readonly authors?: readonly (string | undefined)[];
  /** Yjs client ids these updates carry that the caller has not recorded before, with their user. */
  readonly clients?: readonly ClientAuthor[];
}

/**
 * Each document's append-only log of Yjs updates, compacted from time to time into a snapshot:
 * all the collaboration hub needs. Documents come into being and go in the {@link Directory};
 * the log only writes to those that exist. Every method either completes durably or rejects;
 * none swallows an error.
 */
export interface UpdateLog {
  /** Everything stored for a document: snapshot, then later updates. Unknown ids give an empty document. */
  load(id: string): Promise<StoredDocument>;

  /**
   * Appends updates in one transaction; resolves once they are durable, with the sequence number
   * of the last row written. Never creates a document: an append to an id that no document has
   * (never created, or deleted meanwhile) stores nothing and rejects with `no-such-document`, so a
   * late edit cannot revive a deleted document without its owner and members.
   */
  append(id: string, updates: readonly Uint8Array[], options?: AppendOptions): Promise<{ lastSeq: number }>;

  /**
   * Replaces exactly the rows with sequence numbers up to `throughSeq` by `snapshot`, atomically.
   * Rows appended after `throughSeq` (by anyone) stay.
   */
  compact(id: string, snapshot: Uint8Array, throughSeq: number): Promise<void>;
}
