import type { Schema } from 'prosemirror-model';
import { ContentCache } from './content/content-cache';
import { contentOf, type VersionContent } from './content/from-yjs';
import { plainText } from './content/plain-text';
import type { DocumentChange, ProseMirrorJSON } from './diff/changes';
import { diffDocuments } from './diff/diff-documents';
import { alongChain, rebuildVersion } from './version-data';

/**
 * One side of a comparison: the updates that rebuild it (a version's chain, or the stored log for
 * the current document), and for a version a key under which its content may be cached.
 */
export interface ChainSide {
  readonly key?: string;
  readonly chain: readonly Uint8Array[];
}

/** Two sides to compare, older first, with what names the authors of the changes. */
export interface ChainComparisonInput {
  readonly older: ChainSide;
  readonly newer: ChainSide;
  /**
   * When the older version lies on the newer one's chain: after how many of its updates. One
   * rebuild then reads both (a version and the one before it, usually).
   */
  readonly olderAt?: number;
  /** The user each Yjs client id wrote for (none when ambiguous). */
  readonly clients: readonly (readonly [number, string | undefined])[];
  /** Everyone who edited between the two sides. */
  readonly editors: readonly string[];
}

/** The newer side's document, and the changes from the older one on it. */
export interface ChainComparison {
  readonly doc: ProseMirrorJSON;
  readonly changes: DocumentChange[];
}

/** A version's content as ProseMirror JSON or as text (`plainText`). */
export type ChainDocument = { readonly json: ProseMirrorJSON } | { readonly text: string };

/**
 * The comparisons and contents the versions API serves, from data only (chains of updates), so
 * they can run on the history worker thread: a diff of the repository's editing trace takes
 * ~100–300 ms of CPU, which the relay's event loop must not wait for. Keeps recently read contents.
 */
export class ChainReader {
  private readonly cache: ContentCache;

  constructor(
    private readonly schema: Schema,
    cacheSize?: number,
  ) {
    this.cache = new ContentCache(cacheSize);
  }

  compare(input: ChainComparisonInput): ChainComparison {
    const [before, after] = this.pair(input);
    const clients = new Map(input.clients);
    const changes = diffDocuments(before.doc, after.doc, { origins: after.origins, authorOf: (client) => clients.get(client), editors: input.editors });
    return { doc: after.doc.toJSON() as ProseMirrorJSON, changes };
  }

  document(side: ChainSide, format: 'json' | 'text'): ChainDocument {
    const { doc } = this.content(side);
    return format === 'text' ? { text: plainText(doc) } : { json: doc.toJSON() as ProseMirrorJSON };
  }

  private pair(input: ChainComparisonInput): [VersionContent, VersionContent] {
    const cachedOlder = input.older.key === undefined ? undefined : this.cache.get(input.older.key);
    const cachedNewer = input.newer.key === undefined ? undefined : this.cache.get(input.newer.key);
    if (input.olderAt === undefined || cachedOlder || cachedNewer) return [cachedOlder ?? this.content(input.older), cachedNewer ?? this.content(input.newer)];
    const chain = input.newer.chain;
    const [before, after] = alongChain(chain, [input.olderAt, chain.length], (doc) => contentOf(doc, this.schema));
    return [this.keep(input.older, before), this.keep(input.newer, after)];
  }

  private content(side: ChainSide): VersionContent {
    const cached = side.key === undefined ? undefined : this.cache.get(side.key);
    if (cached) return cached;
    const doc = rebuildVersion(side.chain);
    try {
      return this.keep(side, contentOf(doc, this.schema));
    } finally {
      doc.destroy();
    }
  }

  private keep(side: ChainSide, content: VersionContent): VersionContent {
    return side.key === undefined ? content : this.cache.remember(side.key, content);
  }
}
