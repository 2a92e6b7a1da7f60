import { refoldVersion, type RefoldedVersion, type RefoldInput } from '@quire/history';
import { StorageError, type VersionHistory, type VersionInfo } from '@quire/storage';
import { silentLogger, type HubLogger } from './logger';
import { versionsToThin } from './version-thinning';

/** What a {@link VersionThinner} works with. */
export interface VersionThinnerOptions {
  readonly history: VersionHistory;
  readonly logger?: HubLogger;
  /** The clock the policy reads; the real one by default. */
  readonly now?: () => Date;
  readonly keyframeFactor?: number;
  /**
   * Runs `@quire/history`'s `refoldVersion` (two rebuilds of a version: CPU-heavy) somewhere: in
   * this thread by default; the server runs it on the history worker thread.
   */
  readonly refold?: (input: RefoldInput) => Promise<RefoldedVersion>;
}

/**
 * Thins a document's automatic versions by the policy of {@link versionsToThin}: each version that
 * goes is folded into the one after it (libs/storage README, "Versions", thinning), whose new data
 * is the change from the version before — computed here from the two neighbours' content, so every
 * remaining version rebuilds exactly as before. Another instance thinning the same document at
 * once makes a fold refuse (`conflict`); this one then stops, and the next round starts afresh.
 */
export class VersionThinner {
  private readonly logger: HubLogger;

  constructor(private readonly options: VersionThinnerOptions) {
    this.logger = options.logger ?? silentLogger;
  }

  /** Thins the document's history; resolves with how many versions were folded away. */
  async thin(documentId: string): Promise<number> {
    const { history } = this.options;
    const now = this.options.now?.() ?? new Date();
    let folded = 0;
    for (const versionId of versionsToThin(await history.list(documentId), now)) {
      // Oldest first, and read again each time: the previous fold changed the neighbours' data.
      const versions = (await history.list(documentId)).reverse();
      const index = versions.findIndex((version) => version.id === versionId);
      const next = versions[index + 1];
      if (index < 0 || !next) continue;
      const previous = versions[index - 1];
      try {
        const successor = await this.successor(documentId, previous, next, versions.slice(0, index));
        if (await history.fold(documentId, { versionId, previousId: previous?.id ?? null, nextId: next.id, ...successor })) folded++;
      } catch (error) {
        if (!(error instanceof StorageError && error.code === 'conflict')) throw error;
        this.logger.debug({ documentId, versionId }, 'Another instance is thinning this history; leaving the rest to the next round');
        break;
      }
    }
    if (folded > 0) this.logger.info({ documentId, folded }, 'Thinned automatic versions');
    return folded;
  }

  /** The version after the folded one, as the change from the one before it (or whole). */
  private async successor(documentId: string, previous: VersionInfo | undefined, next: VersionInfo, before: readonly VersionInfo[]): Promise<RefoldedVersion> {
    let chainBytes = 0;
    for (const version of before) chainBytes = version.keyframe ? version.byteLength : chainBytes + version.byteLength;
    const input: RefoldInput = {
      nextChain: await this.chainOf(documentId, next.id),
      ...(previous ? { previousChain: await this.chainOf(documentId, previous.id) } : {}),
      chainBytes,
      keyframeFactor: this.options.keyframeFactor,
    };
    return this.options.refold ? this.options.refold(input) : refoldVersion(input);
  }

  private async chainOf(documentId: string, versionId: string): Promise<Uint8Array[]> {
    const chain = await this.options.history.chain(documentId, versionId);
    if (!chain) throw new StorageError('conflict', `Version ${versionId} of document "${documentId}" went while thinning`);
    return chain.updates;
  }
}
