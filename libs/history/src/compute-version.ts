import * as Y from 'yjs';
import { encodeVersion, isUnchanged, KEYFRAME_FACTOR, SCRATCH_GUID, type EncodedVersion, type PreviousVersion } from './version-data';

/** Everything {@link computeVersion} needs: plain data, so that it can be posted to a worker thread. */
export interface VersionInput {
  /** The stored updates of the document (or the one state to record), in log order. */
  readonly updates: readonly Uint8Array[];
  /** The log seq they cover: 0 for a document nobody wrote to. */
  readonly throughSeq: number;
  /** About how many bytes the document takes whole (decides when the next version is a keyframe). */
  readonly bytes: number;
  /** The newest version, if any. */
  readonly previous?: PreviousVersion;
  /** Record even when nothing changed since `previous`. */
  readonly force: boolean;
  readonly keyframeFactor?: number;
}

/** A version to store, or why there is none. */
export type VersionOutcome = { readonly outcome: 'version'; readonly encoded: EncodedVersion } | { readonly outcome: 'unchanged' } | { readonly outcome: 'gap' };

/**
 * The CPU-heavy part of recording a version, with no I/O: the updates applied to a fresh doc, the
 * check that something changed, and the encoding. A `gap` means the updates depend on updates that
 * are not among them (nothing may be recorded from them). Pure, so the server can run it on a
 * worker thread and keep the relay's event loop free (a trace-sized document takes ~150 ms).
 */
export function computeVersion(input: VersionInput): VersionOutcome {
  const doc = new Y.Doc({ guid: SCRATCH_GUID });
  try {
    doc.transact(() => {
      for (const update of input.updates) Y.applyUpdate(doc, update);
    });
    if (doc.store.pendingStructs !== null || doc.store.pendingDs !== null) return { outcome: 'gap' };
    // A document nobody wrote to has no first version to record.
    if (!input.previous && !input.force && input.throughSeq === 0) return { outcome: 'unchanged' };
    if (input.previous && !input.force && isUnchanged(doc, input.previous.state)) return { outcome: 'unchanged' };
    return { outcome: 'version', encoded: encodeVersion(doc, input.previous, input.bytes, input.keyframeFactor ?? KEYFRAME_FACTOR) };
  } finally {
    doc.destroy();
  }
}
