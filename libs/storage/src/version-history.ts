/** Why a version was made: after a burst of edits, by someone naming it, or around a restore. */
export type VersionKind = 'auto' | 'named' | 'restore' | 'before-restore';

/** Every kind, in the order the schema's CHECK lists them. */
export const VERSION_KINDS: readonly VersionKind[] = ['auto', 'named', 'restore', 'before-restore'];

/** Someone whose edits a version contains; `name` is null once no account has the id. */
export interface VersionAuthor {
  readonly id: string;
  readonly name: string | null;
}

/** A version as it is listed: what it is, when, by whom; not its content. */
export interface VersionInfo {
  readonly id: string;
  readonly documentId: string;
  /** 1, 2, 3… within the document, in the order versions were made. */
  readonly number: number;
  readonly kind: VersionKind;
  readonly name: string | null;
  readonly createdAt: Date;
  /** Who asked for it (a named version, a restore); null for an automatic one. */
  readonly createdBy: string | null;
  /** The update log's seq its content covers: every row of the document up to it. */
  readonly throughSeq: number;
  /** True when its data is a whole state; false when it is a change from the version before it. */
  readonly keyframe: boolean;
  /** Bytes of its data. */
  readonly byteLength: number;
  /** The users whose edits it contains since the version before it, by id. */
  readonly authors: readonly VersionAuthor[];
  /** For a `restore` version, the id of the version it restored (schema version 13); else null. */
  readonly restoredFrom: string | null;
}

/** The newest version of a document, as the next one is computed from it. */
export interface VersionHead {
  readonly id: string;
  readonly number: number;
  readonly createdAt: Date;
  readonly throughSeq: number;
  /** Its Yjs snapshot (`Y.encodeSnapshot`: delete set and state vector), kept for the newest version only. */
  readonly state: Uint8Array;
  /** Bytes of data from its keyframe through it: what opening it reads. */
  readonly chainBytes: number;
}

/** A version to store: {@link VersionHistory.create} takes it. */
export interface NewVersion {
  readonly id: string;
  /**
   * The head's number plus one (1 for a document's first version): a compare-and-set, so that a
   * change computed from a head that another instance has moved past is refused (`conflict`).
   */
  readonly number: number;
  readonly kind: VersionKind;
  readonly name?: string | null;
  readonly createdBy?: string | null;
  readonly throughSeq: number;
  /** True when `data` is a whole state (`Y.encodeStateAsUpdate`), false for a change from the head. */
  readonly keyframe: boolean;
  readonly data: Uint8Array;
  /** The version's Yjs snapshot, from which the next version is computed. */
  readonly state: Uint8Array;
  /**
   * Its authors, when the caller knows them better (a restore: who restored). Unset, they are the
   * users whose updates are in the log after the previous version's `throughSeq` up to this one's.
   */
  readonly authors?: readonly string[];
  /** A `restore` version: the id of the version of this document that it restored. */
  readonly restoredFrom?: string | null;
}

/**
 * Thinning one automatic version out of the history: {@link VersionHistory.fold} removes
 * `versionId` and rewrites the version after it (`nextId`) as the change from the version before
 * the removed one (`previousId`, null when the removed one is the first), or as a keyframe.
 */
export interface VersionFold {
  readonly versionId: string;
  /** The version just before it when the fold was computed; null when it is the first. */
  readonly previousId: string | null;
  /** The version just after it, whose data becomes `data`. */
  readonly nextId: string;
  /** The successor's new data: its state as a change from `previousId`'s, or a whole state. */
  readonly data: Uint8Array;
  readonly keyframe: boolean;
}

/** What rebuilds a version: its keyframe's data, then every change through it, oldest first. */
export interface VersionChain {
  readonly version: VersionInfo;
  readonly updates: Uint8Array[];
}

/** A Yjs client id and the user whose updates carried it. */
export interface ClientAuthor {
  readonly clientId: number;
  readonly userId: string;
}

/**
 * Each document's versions: past states kept apart from the update log, so that compacting the
 * log never touches them. A version is stored as a whole state (a keyframe) or as the change from
 * the version before it; versions are made one after the other (a compare-and-set on their
 * number), so a chain is never forked. Deleting the document deletes them. Every method either
 * completes durably or rejects; none swallows an error.
 */
export interface VersionHistory {
  /** The newest version, with what the next one is computed from; `undefined` when there is none. */
  head(documentId: string): Promise<VersionHead | undefined>;

  /**
   * Stores a version and its authors in one transaction, and consumes the edit records it
   * accounts for. `conflict` when `number` is not the head's plus one (another instance made a
   * version meanwhile), `no-such-document` when the document does not exist, `invalid-argument`
   * for malformed input.
   */
  create(documentId: string, version: NewVersion): Promise<VersionInfo>;

  /** The document's versions, newest first; empty for an unknown document. */
  list(documentId: string): Promise<VersionInfo[]>;

  /** One version of this document, or `undefined` (unknown id, or a version of another document). */
  get(documentId: string, versionId: string): Promise<VersionInfo | undefined>;

  /**
   * Names a version (an automatic one becomes `named`, so that it is kept); `undefined` when this
   * document has no such version.
   */
  rename(documentId: string, versionId: string, name: string): Promise<VersionInfo | undefined>;

  /** The data that rebuilds a version, or `undefined` when this document has no such version. */
  chain(documentId: string, versionId: string): Promise<VersionChain | undefined>;

  /** Which user each Yjs client id that wrote to the document belongs to (one id may have several). */
  clients(documentId: string): Promise<ClientAuthor[]>;

  /**
   * Thins an automatic version out, in one transaction: deletes it, gives its authors to the version
   * after it and stores that one's new data (its content is unchanged; every other version is
   * untouched). False when the version is not there (folded already). `invalid-argument` for the
   * newest version and for any but an automatic one; `conflict` when `previousId` and `nextId` are
   * no longer its neighbours.
   */
  fold(documentId: string, fold: VersionFold): Promise<boolean>;
}
