import type { MemberDocument } from './directory-records';

/** What the index holds of one document: its title and text as of `sourceUpdatedAt`. */
export interface SearchEntry {
  readonly documentId: string;
  readonly title: string;
  /** The document's text, one line per block (`documentText` of @quire/editor-schema). */
  readonly text: string;
  /** The document's `updatedAt` read before its content was: the entry is stale once it moves. */
  readonly sourceUpdatedAt: Date;
}

/** A stretch of a snippet to highlight: `[start, end)` in UTF-16 code units. */
export type SnippetRange = readonly [start: number, end: number];

/** One document found, as the searching user sees it. */
export interface SearchHit {
  readonly document: MemberDocument;
  /** Plain text around the best match; never markup. */
  readonly snippet: string;
  /** Where in `snippet` the matching words are. */
  readonly highlights: readonly SnippetRange[];
  /** Higher is better; comparable within one answer only. Documents whose title matches come first whatever it says. */
  readonly score: number;
  /** Whether the title matches the query. */
  readonly inTitle: boolean;
}

export interface SearchOptions {
  /** Only documents this user may read now (a member of, not trashed) are found. */
  readonly userId: string;
  readonly limit: number;
  readonly offset: number;
  /** Only documents this user owns (the searching user's own id for "mine"). */
  readonly ownerId?: string;
  /** Only documents the searching user does not own: shared with them directly, through a folder or a link. */
  readonly sharedOnly?: boolean;
  /** Only documents whose content or title changed at or after this time. */
  readonly changedSince?: Date;
}

/**
 * Full-text search over documents' titles and text (libs/storage README, "Search"): SQLite FTS5,
 * PostgreSQL tsvector with a GIN index. Entries are written by the server from stored content,
 * off the relay path; permissions are checked in the query itself, so a document leaves someone's
 * results the moment they lose access. Deleting a document deletes its entry.
 */
export interface SearchIndex {
  /** Stores or replaces a document's entry; false (nothing stored) when the document does not exist. */
  write(entry: SearchEntry): Promise<boolean>;
  /**
   * Up to `limit` ids of documents (not in the trash) whose entry is missing, or older than their
   * content (`updatedAt` after `sourceUpdatedAt`) or title.
   */
  listStale(limit: number): Promise<string[]>;
  /** Forgets every entry (the text extraction changed): `listStale` then lists every document. */
  clear(): Promise<void>;
  /**
   * Documents matching `query`, in web-search syntax (words, "quoted phrases", -excluded, or),
   * the last word also as a prefix while it is being typed. Title matches first, then relevance,
   * then the most recently changed. Odd syntax never fails: it finds what its words find, or nothing.
   */
  search(query: string, options: SearchOptions): Promise<SearchHit[]>;
}
