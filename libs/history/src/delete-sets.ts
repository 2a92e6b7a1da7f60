import * as Y from 'yjs';

/** A Yjs delete set: per client, sorted ranges of deleted clocks (what `Y.snapshot(doc).ds` holds). */
export type DeleteSet = Y.Snapshot['ds'];
/** One client's ranges; Yjs's DeleteItem class is not exported, and its encoder reads `clock` and `len` only. */
type DeleteItems = DeleteSet['clients'] extends Map<number, infer T> ? T : never;

interface Range {
  readonly clock: number;
  readonly len: number;
}

/**
 * A delete set's bytes as an update ends with them (the v1 encoding `Y.encodeStateAsUpdate`
 * writes after the structs). `Y.encodeSnapshot` writes the same encoding followed by the state
 * vector, here empty: one byte, dropped.
 */
export function encodeDeleteSet(ds: DeleteSet): Uint8Array {
  const encoded = Y.encodeSnapshot(new Y.Snapshot(ds, new Map()));
  return encoded.subarray(0, encoded.byteLength - 1);
}

/** The ranges of `ds` that `removed` does not cover: what was deleted since `removed`'s state. */
export function subtractDeleteSets(ds: DeleteSet, removed: DeleteSet): DeleteSet {
  const result = Y.createDeleteSet();
  for (const [client, ranges] of ds.clients) {
    const left = subtractRanges(ranges, removed.clients.get(client) ?? []);
    if (left.length > 0) result.clients.set(client, left as DeleteItems);
  }
  return result;
}

/** True when every range of `inner` is inside a range of `outer`. */
export function containsDeleteSet(outer: DeleteSet, inner: DeleteSet): boolean {
  for (const [client, ranges] of inner.clients) {
    if (subtractRanges(ranges, outer.clients.get(client) ?? []).length > 0) return false;
  }
  return true;
}

/** `ranges` minus `holes`, both sorted by clock and non-overlapping (as Yjs keeps them). */
function subtractRanges(ranges: readonly Range[], holes: readonly Range[]): Range[] {
  const result: Range[] = [];
  let h = 0;
  for (const range of ranges) {
    let start = range.clock;
    const end = range.clock + range.len;
    while (h < holes.length && holes[h].clock + holes[h].len <= start) h++;
    for (let i = h; i < holes.length && holes[i].clock < end; i++) {
      const hole = holes[i];
      if (hole.clock > start) result.push({ clock: start, len: hole.clock - start });
      start = Math.max(start, hole.clock + hole.len);
      if (start >= end) break;
    }
    if (start < end) result.push({ clock: start, len: end - start });
  }
  return result;
}
