import { randomBytes } from 'node:crypto';
import { computeVersion, type VersionInput, type VersionOutcome } from '@quire/history';
import { StorageError, type UpdateLog, type VersionHead, type VersionHistory, type VersionInfo, type VersionKind } from '@quire/storage';
import { silentLogger, type HubLogger } from './logger';
import { VersionThinner, type VersionThinnerOptions } from './version-thinner';

/** How many times a version is computed again after another instance made one first. */
export const MAX_VERSION_ATTEMPTS = 5;

/** What {@link VersionMaker.record} records. */
export interface VersionRequest {
  readonly kind: VersionKind;
  readonly name?: string | null;
  /** Who asked (a named version, a restore); none for an automatic one. */
  readonly createdBy?: string | null;
  /** Record even when nothing changed since the newest version (a version someone names, a restore's). */
  readonly force?: boolean;
  /** A state to record instead of the stored one, with the log seq it covers (the state just before a restore). */
  readonly state?: { readonly update: Uint8Array; readonly throughSeq: number };
  /** Its authors, when known (a restore: who restored); otherwise those who appended since the last version. */
  readonly authors?: readonly string[];
  /** A `restore` version: the id of the version it restored. */
  readonly restoredFrom?: string;
  /** Asked with the newest version before anything is read: true records nothing (another instance covered it). */
  readonly skip?: (head: VersionHead | undefined) => boolean;
}

/**
 * Runs `@quire/history`'s `computeVersion` somewhere: in this thread by default; the server passes
 * one that runs it on a worker thread, since a trace-sized document takes ~150 ms of CPU that the
 * relay's event loop must not wait for.
 */
export type VersionComputer = (input: VersionInput) => Promise<VersionOutcome>;

/** What a {@link VersionMaker} works with. */
export interface VersionMakerOptions {
  readonly log: UpdateLog;
  readonly history: VersionHistory;
  readonly logger?: HubLogger;
  /** Makes version ids; default 16 random bytes, base64url. */
  readonly newId?: () => string;
  readonly keyframeFactor?: number;
  /** Where the version is computed; default this thread. */
  readonly compute?: VersionComputer;
  /** Where the default thinner rebuilds the version after a thinned one; default this thread. */
  readonly refold?: VersionThinnerOptions['refold'];
  /**
   * Thins the document's automatic versions after each automatic version it records (see
   * {@link VersionThinner}); one over the same history by default, `null` for none.
   */
  readonly thinner?: VersionThinner | null;
}

/**
 * Records versions of a document as stored: what the update log holds when it is called (everything
 * committed before), never the hub's doc, which may hold updates still on their way to the store.
 * It reads the newest version and the log, has the {@link VersionComputer} apply the log to a fresh
 * Y.Doc, skip a version that would record no change and encode the change (`@quire/history`), and
 * stores it with the head's number plus one;
 * when another instance stored that number first, it starts again from the new head (which may
 * leave nothing to record). A version is one transaction: after a crash it is there or it is not.
 *
 * @example
 * const maker = new VersionMaker({ log: storage.log, history: storage.versions });
 * await maker.record(documentId, { kind: 'named', name: 'Sent to the client', createdBy: userId, force: true });
 */
export class VersionMaker {
  private readonly logger: HubLogger;
  private readonly newId: () => string;
  private readonly compute: VersionComputer;
  private readonly thinner: VersionThinner | null;

  constructor(private readonly options: VersionMakerOptions) {
    this.logger = options.logger ?? silentLogger;
    this.newId = options.newId ?? (() => randomBytes(16).toString('base64url'));
    this.compute = options.compute ?? ((input) => Promise.resolve(computeVersion(input)));
    this.thinner = options.thinner === undefined ? new VersionThinner({ history: options.history, logger: this.logger, refold: options.refold }) : options.thinner;
  }

  /** The history this maker writes to. */
  get history(): VersionHistory {
    return this.options.history;
  }

  /**
   * Records a version of the document; resolves with it, or `undefined` when there was nothing to
   * record. After an automatic version, the history is thinned; a failure there is logged, since
   * the version itself is stored.
   */
  async record(documentId: string, request: VersionRequest): Promise<VersionInfo | undefined> {
    const recorded = await this.recordOnce(documentId, request);
    if (recorded?.kind === 'auto' && this.thinner) {
      await this.thinner.thin(documentId).catch((error: unknown) => this.logger.warn({ err: error, documentId }, 'Thinning the version history failed'));
    }
    return recorded;
  }

  private async recordOnce(documentId: string, request: VersionRequest): Promise<VersionInfo | undefined> {
    for (let attempt = 1; ; attempt++) {
      const head = await this.options.history.head(documentId);
      if (request.skip?.(head)) return undefined;
      const source = request.state ? { updates: [request.state.update], throughSeq: request.state.throughSeq } : await this.stored(documentId);
      const computed = await this.compute({
        updates: source.updates,
        throughSeq: source.throughSeq,
        bytes: source.bytes ?? source.updates.reduce((sum, update) => sum + update.byteLength, 0),
        previous: head && { state: head.state, chainBytes: head.chainBytes },
        force: request.force ?? false,
        keyframeFactor: this.options.keyframeFactor,
      });
      if (computed.outcome === 'gap') throw new Error(`Stored updates of document ${documentId} depend on updates that are not stored; no version recorded`);
      if (computed.outcome === 'unchanged') return undefined;
      try {
        return await this.options.history.create(documentId, {
          id: this.newId(),
          number: (head?.number ?? 0) + 1,
          kind: request.kind,
          name: request.name ?? null,
          createdBy: request.createdBy ?? null,
          throughSeq: source.throughSeq,
          ...computed.encoded,
          ...(request.authors ? { authors: request.authors } : {}),
          ...(request.restoredFrom ? { restoredFrom: request.restoredFrom } : {}),
        });
      } catch (error) {
        if (!(error instanceof StorageError && error.code === 'conflict') || attempt >= MAX_VERSION_ATTEMPTS) throw error;
        this.logger.debug({ documentId, attempt }, 'Another instance made a version first; computing again from it');
      }
    }
  }

  private async stored(documentId: string): Promise<Source> {
    const stored = await this.options.log.load(documentId);
    return { updates: stored.updates, throughSeq: stored.lastSeq, bytes: stored.byteLength };
  }
}

/** What a version is computed from: updates, the log seq they cover, and about how many bytes the document takes whole. */
interface Source {
  readonly updates: readonly Uint8Array[];
  readonly throughSeq: number;
  readonly bytes?: number;
}
