import * as Y from 'yjs';
import { encodeVersion, KEYFRAME_FACTOR, rebuildVersion } from './version-data';

/** What {@link refoldVersion} needs: plain data, so it can run on the history worker thread. */
export interface RefoldInput {
  /** The chain of the version before the one folded away; none when that one was the first. */
  readonly previousChain?: readonly Uint8Array[];
  /** The chain of the version after it, which is stored anew. */
  readonly nextChain: readonly Uint8Array[];
  /** Bytes of the previous version's chain from its keyframe through it. */
  readonly chainBytes: number;
  readonly keyframeFactor?: number;
}

/** The version after a folded one, stored anew. */
export interface RefoldedVersion {
  readonly data: Uint8Array;
  readonly keyframe: boolean;
}

/**
 * Thinning folds a version into the one after it, which is then stored as the change from the
 * version before the folded one (or whole, when there is none): rebuilt from both neighbours'
 * chains and encoded as `encodeVersion` would have encoded it then. Pure and CPU-heavy (two
 * rebuilds), so the server runs it on the history worker thread.
 */
export function refoldVersion(input: RefoldInput): RefoldedVersion {
  const nextDoc = rebuildVersion(input.nextChain);
  try {
    if (!input.previousChain) return { data: Y.encodeStateAsUpdate(nextDoc), keyframe: true };
    const previousDoc = rebuildVersion(input.previousChain);
    let state: Uint8Array;
    try {
      state = Y.encodeSnapshot(Y.snapshot(previousDoc));
    } finally {
      previousDoc.destroy();
    }
    const documentBytes = Y.encodeStateAsUpdate(nextDoc).byteLength;
    const encoded = encodeVersion(nextDoc, { state, chainBytes: input.chainBytes }, documentBytes, input.keyframeFactor ?? KEYFRAME_FACTOR);
    return { data: encoded.data, keyframe: encoded.keyframe };
  } finally {
    nextDoc.destroy();
  }
}
