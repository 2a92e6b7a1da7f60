import * as Y from 'yjs';
import { containsDeleteSet, encodeDeleteSet, subtractDeleteSets } from './delete-sets';

/**
 * The guid of the docs history makes to read versions: a Y.Doc without one draws a random UUID, 31
 * crypto calls (~75 µs) per doc, for a guid that nothing here reads (no subdocuments).
 */
export const SCRATCH_GUID = 'quire-version';

/**
 * A new version is stored whole (a keyframe) once the changes since the last keyframe, with it,
 * would weigh more than this many times the document: opening any version then reads at most
 * about that much, whatever the length of the history.
 */
export const KEYFRAME_FACTOR = 4;

/** What the next version is computed from: the newest version's Yjs snapshot and the bytes of its chain. */
export interface PreviousVersion {
  /** `Y.encodeSnapshot` of the newest version: its delete set and state vector. */
  readonly state: Uint8Array;
  /** Bytes of data from its keyframe through it. */
  readonly chainBytes: number;
}

/** A version, ready to store. */
export interface EncodedVersion {
  /** A whole state (`keyframe`), or the change from the previous version. */
  readonly data: Uint8Array;
  readonly keyframe: boolean;
  /** Its Yjs snapshot, from which the version after it is computed. */
  readonly state: Uint8Array;
}

/**
 * Encodes `doc` as the version after `previous`: the structs added since the previous version's
 * state vector, and only the deletions made since its delete set. `Y.encodeStateAsUpdate` would
 * write the whole delete set again, in every version (for the repository's editing trace, nearly
 * as many bytes as the changes themselves). A keyframe instead when there is no previous version,
 * when `doc` does not contain the previous state (a version made from an older state, such as the
 * state before a restore recorded after it), or past {@link KEYFRAME_FACTOR} × `documentBytes`.
 */
export function encodeVersion(doc: Y.Doc, previous: PreviousVersion | undefined, documentBytes: number, keyframeFactor = KEYFRAME_FACTOR): EncodedVersion {
  const snapshot = Y.snapshot(doc);
  const state = Y.encodeSnapshot(snapshot);
  const keyframe = (): EncodedVersion => ({ data: Y.encodeStateAsUpdate(doc), keyframe: true, state });
  if (!previous) return keyframe();
  const before = Y.decodeSnapshot(previous.state);
  if (!containsState(snapshot, before)) return keyframe();
  const update = Y.encodeStateAsUpdate(doc, Y.encodeStateVector(before.sv));
  const deletions = encodeDeleteSet(snapshot.ds);
  // The update is its structs, then this very delete set; anything else and the cut would be wrong.
  if (!endsWith(update, deletions)) return keyframe();
  const structs = update.subarray(0, update.byteLength - deletions.byteLength);
  const data = concat(structs, encodeDeleteSet(subtractDeleteSets(snapshot.ds, before.ds)));
  if (previous.chainBytes + data.byteLength > keyframeFactor * Math.max(documentBytes, data.byteLength)) return keyframe();
  return { data, keyframe: false, state };
}

/** True when `doc` is the state `previousState` (an encoded snapshot) describes: nothing to record. */
export function isUnchanged(doc: Y.Doc, previousState: Uint8Array): boolean {
  return Y.equalSnapshots(Y.snapshot(doc), Y.decodeSnapshot(previousState));
}

/** A version's content: its chain (a keyframe, then each change after it) applied to a fresh doc. */
export function rebuildVersion(updates: readonly Uint8Array[]): Y.Doc {
  const doc = new Y.Doc({ guid: SCRATCH_GUID });
  try {
    applyChain(doc, updates);
  } catch (error) {
    doc.destroy();
    throw error;
  }
  return doc;
}

/**
 * Rebuilds a chain once, handing the doc to `read` after the first `points[i]` updates of it, in
 * order: the versions along one chain (an older one and a newer one compared) for the price of the
 * newest alone. The doc is destroyed afterwards.
 */
export function alongChain<T>(updates: readonly Uint8Array[], points: readonly number[], read: (doc: Y.Doc) => T): T[] {
  const doc = new Y.Doc({ guid: SCRATCH_GUID });
  try {
    let applied = 0;
    return points.map((point) => {
      applyChain(doc, updates.slice(applied, point));
      applied = point;
      return read(doc);
    });
  } finally {
    doc.destroy();
  }
}

function applyChain(doc: Y.Doc, updates: readonly Uint8Array[]): void {
  doc.transact(() => {
    for (const update of updates) Y.applyUpdate(doc, update);
  });
  if (doc.store.pendingStructs !== null || doc.store.pendingDs !== null) {
    throw new Error('A version’s stored changes do not follow one another: its chain is broken');
  }
}

/** True when `state` holds everything `earlier` holds: every struct and every deletion. */
function containsState(state: Y.Snapshot, earlier: Y.Snapshot): boolean {
  for (const [client, clock] of earlier.sv) if ((state.sv.get(client) ?? 0) < clock) return false;
  return containsDeleteSet(state.ds, earlier.ds);
}

function endsWith(bytes: Uint8Array, suffix: Uint8Array): boolean {
  if (suffix.byteLength > bytes.byteLength) return false;
  const offset = bytes.byteLength - suffix.byteLength;
  for (let i = 0; i < suffix.byteLength; i++) if (bytes[offset + i] !== suffix[i]) return false;
  return true;
}

function concat(first: Uint8Array, second: Uint8Array): Uint8Array {
  const joined = new Uint8Array(first.byteLength + second.byteLength);
  joined.set(first, 0);
  joined.set(second, first.byteLength);
  return joined;
}
