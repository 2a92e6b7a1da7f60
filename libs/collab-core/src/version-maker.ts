import { randomBytes } from 'node:crypto';
import { encodeVersion, isUnchanged, KEYFRAME_FACTOR } from '@quire/history';
import { StorageError, type UpdateLog, type VersionHead, type VersionHistory, type VersionInfo, type VersionKind } from '@quire/storage';
import * as Y from 'yjs';
import { silentLogger, type HubLogger } from './logger';

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
  /** Asked with the newest version before anything is read: true records nothing (another instance covered it). */
  readonly skip?: (head: VersionHead | undefined) => boolean;
}

/** What a {@link VersionMaker} works with. */
export interface VersionMakerOptions {
  readonly log: UpdateLog;
  readonly history: VersionHistory;
  readonly logger?: HubLogger;
  /** Makes version ids; default 16 random bytes, base64url. */
  readonly newId?: () => string;
  readonly keyframeFactor?: number;
}

/**
 * Records versions of a document as stored: what the update log holds when it is called (everything
 * committed before), never the hub's doc, which may hold updates still on their way to the store.
 * It reads the newest version, loads the log into a fresh Y.Doc, skips a version that would record
 * no change, encodes the change (`@quire/history`) and stores it with the head's number plus one;
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

  constructor(private readonly options: VersionMakerOptions) {
    this.logger = options.logger ?? silentLogger;
    this.newId = options.newId ?? (() => randomBytes(16).toString('base64url'));
  }

  /** The history this maker writes to. */
  get history(): VersionHistory {
    return this.options.history;
  }

  /** Records a version of the document; resolves with it, or `undefined` when there was nothing to record. */
  async record(documentId: string, request: VersionRequest): Promise<VersionInfo | undefined> {
    for (let attempt = 1; ; attempt++) {
      const head = await this.options.history.head(documentId);
      if (request.skip?.(head)) return undefined;
      const source = request.state ? readState([request.state.update], request.state.throughSeq, documentId) : await this.stored(documentId);
      try {
        // A document nobody wrote to has no first version to record.
        if (!head && !request.force && source.throughSeq === 0) return undefined;
        if (head && !request.force && isUnchanged(source.doc, head.state)) return undefined;
        const encoded = encodeVersion(source.doc, head, source.bytes, this.options.keyframeFactor ?? KEYFRAME_FACTOR);
        return await this.options.history.create(documentId, {
          id: this.newId(),
          number: (head?.number ?? 0) + 1,
          kind: request.kind,
          name: request.name ?? null,
          createdBy: request.createdBy ?? null,
          throughSeq: source.throughSeq,
          ...encoded,
          ...(request.authors ? { authors: request.authors } : {}),
        });
      } catch (error) {
        if (!(error instanceof StorageError && error.code === 'conflict') || attempt >= MAX_VERSION_ATTEMPTS) throw error;
        this.logger.debug({ documentId, attempt }, 'Another instance made a version first; computing again from it');
      } finally {
        source.doc.destroy();
      }
    }
  }

  private async stored(documentId: string): Promise<Source> {
    const stored = await this.options.log.load(documentId);
    return readState(stored.updates, stored.lastSeq, documentId, stored.byteLength);
  }
}

/** A document to record, the log seq it covers, and about how many bytes it takes whole. */
interface Source {
  readonly doc: Y.Doc;
  readonly throughSeq: number;
  readonly bytes: number;
}

/** Applies stored updates to a fresh doc; throws, keeping nothing, when they leave a gap. */
function readState(updates: readonly Uint8Array[], throughSeq: number, documentId: string, bytes?: number): Source {
  const doc = new Y.Doc();
  doc.transact(() => {
    for (const update of updates) Y.applyUpdate(doc, update);
  });
  if (doc.store.pendingStructs !== null || doc.store.pendingDs !== null) {
    doc.destroy();
    throw new Error(`Stored updates of document ${documentId} depend on updates that are not stored; no version recorded`);
  }
  return { doc, throughSeq, bytes: bytes ?? updates.reduce((sum, update) => sum + update.byteLength, 0) };
}
