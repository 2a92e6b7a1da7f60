/** One stored row of a document's log. */
export interface MemoryRow {
  readonly seq: number;
  readonly data: Uint8Array;
}

/** A document: what the directory would hold of it, and its log. */
export interface MemoryDocument {
  title: string;
  titleExplicit: boolean;
  readonly createdAt: number;
  updatedAt: number;
  /** Ordered by seq, like the SQL adapters' index. */
  rows: MemoryRow[];
}

/** What a "database file" holds; shared by the storages `reopen()` makes. */
export interface MemoryData {
  readonly documents: Map<string, MemoryDocument>;
  /** One sequence for all documents, like an AUTOINCREMENT column: never reused. */
  lastSeq: number;
}
