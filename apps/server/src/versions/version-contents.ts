import { schema } from '@quire/editor-schema';
import { rebuildVersion, type ChainComparison, type ChainDocument, type ChainSide } from '@quire/history';
import type { HistoryPool } from '@quire/history/pool';
import type { UpdateLog, VersionHistory, VersionInfo } from '@quire/storage';
import type { Node } from 'prosemirror-model';
import * as Y from 'yjs';
import { notFound } from '../auth/auth-error';

/** The document as stored now, as a side of a comparison. */
export const CURRENT = 'current';

/** A side of a comparison: a version, or the document as stored now. */
export type ComparedSide = VersionInfo | typeof CURRENT;

/**
 * What versions and documents hold, read from the store here and worked out on the history worker
 * thread (`@quire/history/pool`: rebuilding a version, building its ProseMirror document, diffing
 * two of them), which keeps recently read versions. The current document is read from the store
 * each time (everything committed).
 */
export class VersionContents {
  constructor(
    private readonly history: VersionHistory,
    private readonly log: UpdateLog,
    private readonly pool: HistoryPool,
  ) {}

  /** A version as ProseMirror JSON of the shared schema, or as text. */
  async document(documentId: string, version: VersionInfo, format: 'json' | 'text'): Promise<ChainDocument> {
    return this.pool.chainDocument(await this.versionSide(documentId, version), format);
  }

  /** A version as a ProseMirror document (what a restore makes the content equal to). */
  async node(documentId: string, version: VersionInfo): Promise<Node> {
    const answer = await this.document(documentId, version, 'json');
    if (!('json' in answer)) throw new Error('The history worker answered text for JSON');
    return schema.nodeFromJSON(answer.json);
  }

  /**
   * The changes from `older` to `newer` on `newer`'s document. When both are versions and the older
   * lies on the newer one's chain (a version and the one before it, usually), one read and one
   * rebuild serve both: what a comparison costs.
   */
  async compare(documentId: string, older: ComparedSide, newer: ComparedSide, editors: readonly string[]): Promise<ChainComparison> {
    const clients = await this.clients(documentId);
    if (older !== CURRENT && newer !== CURRENT) {
      const chain = await this.chain(documentId, newer);
      const olderAt = chain.length - (newer.number - older.number);
      const newerSide = { key: cacheKey(documentId, newer), chain };
      if (olderAt >= 1) {
        return this.pool.compareChains({ older: { key: cacheKey(documentId, older), chain: chain.slice(0, olderAt) }, newer: newerSide, olderAt, clients, editors });
      }
      return this.pool.compareChains({ older: await this.side(documentId, older), newer: newerSide, clients, editors });
    }
    return this.pool.compareChains({ older: await this.side(documentId, older), newer: await this.side(documentId, newer), clients, editors });
  }

  /** A version's whole Yjs state, as one update (what a copy starts from). */
  async stateOf(documentId: string, version: VersionInfo): Promise<Uint8Array> {
    const doc = rebuildVersion(await this.chain(documentId, version));
    try {
      return Y.encodeStateAsUpdate(doc);
    } finally {
      doc.destroy();
    }
  }

  /**
   * The user each Yjs client id that wrote to the document wrote for; none for a client id that
   * wrote for several users (one of them reused another's), whose text then counts as anyone's.
   */
  private async clients(documentId: string): Promise<[number, string | undefined][]> {
    const users = new Map<number, string | undefined>();
    for (const { clientId, userId } of await this.history.clients(documentId)) {
      users.set(clientId, users.has(clientId) && users.get(clientId) !== userId ? undefined : userId);
    }
    return [...users];
  }

  private async side(documentId: string, side: ComparedSide): Promise<ChainSide> {
    if (side !== CURRENT) return this.versionSide(documentId, side);
    return { chain: (await this.log.load(documentId)).updates };
  }

  private async versionSide(documentId: string, version: VersionInfo): Promise<ChainSide> {
    return { key: cacheKey(documentId, version), chain: await this.chain(documentId, version) };
  }

  private async chain(documentId: string, version: VersionInfo): Promise<Uint8Array[]> {
    const chain = await this.history.chain(documentId, version.id);
    if (!chain) throw notFound('version');
    return chain.updates;
  }
}

function cacheKey(documentId: string, version: VersionInfo): string {
  return `${documentId}\u0000${version.id}`;
}
