/** What is stored for one document, as `load` returns it. */
export interface StoredDocument {
  /** The snapshot (if compacted) followed by every later update, oldest first; empty for a new document. */
  readonly updates: Uint8Array[];
  /** Sequence number of the newest row returned (0 when nothing is stored); `compact` takes it. */
  readonly lastSeq: number;
  /** Bytes of all rows returned, to decide when to compact. */
  readonly byteLength: number;
}

/** A document's metadata, as the API lists it. */
export interface DocumentInfo {
  readonly id: string;
  /** First heading or line of the document, or a title set explicitly; '' when there is none yet. */
  readonly title: string;
  readonly createdAt: Date;
  /** When an update was last stored (or the document was created). */
  readonly updatedAt: Date;
}

/** Options for {@link DocumentStore.append}. */
export interface AppendOptions {
  /** The document's title as it stands after these updates; stored in the same transaction. */
  readonly title?: string;
}

/**
 * Durable storage of Yjs documents as an append-only log of updates plus compacted snapshots.
 * Every method either completes durably or rejects; none swallows an error.
 */
export interface DocumentStore {
  /** Prepares the store (migrations); call once before anything else. */
  open(): Promise<void>;

  /** Creates a document with no content. Rejects if the id exists. */
  createDocument(id: string, title?: string): Promise<DocumentInfo>;

  /** Metadata of one document, or `undefined` if it was never created (or was deleted). */
  getDocument(id: string): Promise<DocumentInfo | undefined>;

  /** Every document, most recently changed first. */
  listDocuments(): Promise<DocumentInfo[]>;

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

  /** Sets a document's title explicitly. */
  setTitle(id: string, title: string): Promise<void>;

  /** Releases connections and files; the store is unusable afterwards. */
  close(): Promise<void>;
}
