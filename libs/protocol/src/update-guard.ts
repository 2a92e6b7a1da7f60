import { walkDeleteSet } from './update-delete-set';
import { UpdateReader } from './update-reader';
import { walkStructs } from './update-structs';

/** Bounds on what one update may ask of Yjs; every field is optional. */
export interface UpdateLimits {
  /** Structs plus delete ranges in the update; Yjs allocates and integrates each one. */
  readonly maxStructs?: number;
  /** Nesting of arrays and objects in `any` content (map values, array items) and in JSON (embeds, formats). */
  readonly maxDepth?: number;
  /**
   * Called with each text format (a ProseMirror mark, in y-prosemirror) the update sets, its value
   * parsed; returns why the format is refused, or undefined to accept it. The protocol knows no
   * schema: the server says what content it will not store.
   */
  readonly checkFormat?: FormatCheck;
}

/** See {@link UpdateLimits.checkFormat}. */
export type FormatCheck = (key: string, value: unknown) => string | undefined;

/** Defaults of {@link UpdateLimits}: far above what editing produces, far below what hurts. */
export const DEFAULT_UPDATE_LIMITS: Required<Omit<UpdateLimits, 'checkFormat'>> = { maxStructs: 1_000_000, maxDepth: 100 };

/**
 * Checks that `update` is a well-formed Yjs **v1** update (what `Y.encodeStateAsUpdate` and the
 * doc's `'update'` event produce) before `Y.applyUpdate` sees it, in time linear in its length and
 * without building structs. Throws `ProtocolError('bad-update')` when it is truncated, has bytes
 * after its delete set, declares a count or length the remaining bytes cannot hold (Yjs would
 * allocate for it first: a 7-byte update can claim 30 million structs), holds a content or type
 * Yjs does not know, a struct of length 0 or a clock past 2^53; `ProtocolError('update-too-complex')`
 * past `limits`; `ProtocolError('refused-content')` for a format `checkFormat` refuses. Accepts every update Yjs writes. Does not check UTF-8 or JSON syntax, which Yjs
 * refuses while it reads, before it changes the document.
 */
export function checkUpdate(update: Uint8Array, limits: UpdateLimits = {}): void {
  const reader = new UpdateReader(
    update,
    limits.maxStructs ?? DEFAULT_UPDATE_LIMITS.maxStructs,
    limits.maxDepth ?? DEFAULT_UPDATE_LIMITS.maxDepth,
    limits.checkFormat,
  );
  walkStructs(reader);
  walkDeleteSet(reader);
  reader.expectEnd();
}
