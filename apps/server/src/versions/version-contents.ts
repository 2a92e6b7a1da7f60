import { schema } from '@quire/editor-schema';
import { alongChain, contentOf, rebuildVersion, type VersionContent } from '@quire/history';
import type { UpdateLog, VersionHistory, VersionInfo } from '@quire/storage';
import * as Y from 'yjs';
import { notFound } from '../auth/auth-error';

/** Versions' contents kept in memory: enough for a history panel stepping through neighbours. */
const CACHED_VERSIONS = 16;

/**
 * What versions and documents hold, as ProseMirror documents of the shared schema with the Yjs
 * client behind every part. A version never changes once stored, so its content is cached (the
 * newest few); the current document is read from the store each time (everything committed).
 */
export class VersionContents {
  private readonly cache = new Map<string, VersionContent>();

  constructor(
    private readonly history: VersionHistory,
    private readonly log: UpdateLog,
  ) {}

  /** A version's content, rebuilt from its chain. */
  async ofVersion(documentId: string, version: VersionInfo): Promise<VersionContent> {
    const cached = this.cached(documentId, version);
    if (cached) return cached;
    const chain = await this.history.chain(documentId, version.id);
    if (!chain) throw notFound('version');
    return this.remember(documentId, version, this.read(rebuildVersion(chain.updates)));
  }

  /**
   * Two versions' contents, `older` first. When the older one lies on the newer one's chain (a
   * version and the one before it, usually), one rebuild reads both: what a comparison costs.
   */
  async ofPair(documentId: string, older: VersionInfo, newer: VersionInfo): Promise<[VersionContent, VersionContent]> {
    const [olderCached, newerCached] = [this.cached(documentId, older), this.cached(documentId, newer)];
    if (olderCached || newerCached) return [olderCached ?? (await this.ofVersion(documentId, older)), newerCached ?? (await this.ofVersion(documentId, newer))];
    const chain = await this.history.chain(documentId, newer.id);
    if (!chain) throw notFound('version');
    const olderAt = chain.updates.length - (newer.number - older.number);
    if (olderAt < 1) return [await this.ofVersion(documentId, older), this.remember(documentId, newer, this.read(rebuildVersion(chain.updates)))];
    const [before, after] = alongChain(chain.updates, [olderAt, chain.updates.length], (doc) => contentOf(doc, schema));
    return [this.remember(documentId, older, before), this.remember(documentId, newer, after)];
  }

  /** The document as stored now. */
  async current(documentId: string): Promise<VersionContent> {
    const stored = await this.log.load(documentId);
    const doc = new Y.Doc();
    doc.transact(() => {
      for (const update of stored.updates) Y.applyUpdate(doc, update);
    });
    return this.read(doc);
  }

  /** A version's whole Yjs state, as one update (what a copy starts from). */
  async stateOf(documentId: string, version: VersionInfo): Promise<Uint8Array> {
    const chain = await this.history.chain(documentId, version.id);
    if (!chain) throw notFound('version');
    const doc = rebuildVersion(chain.updates);
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
  async authorOf(documentId: string): Promise<(client: number) => string | undefined> {
    const users = new Map<number, string | undefined>();
    for (const { clientId, userId } of await this.history.clients(documentId)) {
      users.set(clientId, users.has(clientId) && users.get(clientId) !== userId ? undefined : userId);
    }
    return (client) => users.get(client);
  }

  private cached(documentId: string, version: VersionInfo): VersionContent | undefined {
    const key = cacheKey(documentId, version);
    const cached = this.cache.get(key);
    if (cached) {
      // Most recently used last: the first key is the one to drop.
      this.cache.delete(key);
      this.cache.set(key, cached);
    }
    return cached;
  }

  private remember(documentId: string, version: VersionInfo, content: VersionContent): VersionContent {
    this.cache.set(cacheKey(documentId, version), content);
    if (this.cache.size > CACHED_VERSIONS) this.cache.delete(this.cache.keys().next().value as string);
    return content;
  }

  private read(doc: Y.Doc): VersionContent {
    try {
      return contentOf(doc, schema);
    } finally {
      doc.destroy();
    }
  }
}

function cacheKey(documentId: string, version: VersionInfo): string {
  return `${documentId}\u0000${version.id}`;
}
