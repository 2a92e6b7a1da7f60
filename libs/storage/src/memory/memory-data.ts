import type { VersionKind } from '../version-history';

/** One stored row of a document's log. */
export interface MemoryRow {
  readonly seq: number;
  readonly data: Uint8Array;
  readonly author?: string;
}

/** A stored version, as the SQL adapters' `document_versions` row holds it. */
export interface MemoryVersion {
  readonly id: string;
  readonly number: number;
  readonly kind: VersionKind;
  name: string | null;
  readonly createdAt: number;
  readonly createdBy: string | null;
  readonly throughSeq: number;
  readonly keyframe: boolean;
  readonly chainBytes: number;
  readonly data: Uint8Array;
  headState: Uint8Array | null;
  readonly authors: readonly string[];
  readonly restoredFrom: string | null;
}

/** A document: what the directory would hold of it, and its log. */
export interface MemoryDocument {
  title: string;
  titleExplicit: boolean;
  readonly createdAt: number;
  updatedAt: number;
  /** When it was moved to the trash; null while it is not there (the log refuses appends meanwhile). */
  deletedAt: number | null;
  /** Ordered by seq, like the SQL adapters' index. */
  rows: MemoryRow[];
  /** Oldest first. */
  readonly versions: MemoryVersion[];
  /** Authors of rows a compaction folded away before a version named them, with the seqs of their first and last. */
  readonly edits: Map<string, { first: number; last: number }>;
  /** `clientId:userId` pairs. */
  readonly clients: Set<string>;
}

/** What a "database file" holds; shared by the storages `reopen()` makes. */
export interface MemoryData {
  readonly documents: Map<string, MemoryDocument>;
  /** One sequence for all documents, like an AUTOINCREMENT column: never reused. */
  lastSeq: number;
}
