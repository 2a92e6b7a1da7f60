import * as encoding from 'lib0/encoding';
import * as Y from 'yjs';

/** A first sync larger than this is applied in parts (a part about this size each). */
export const UPDATE_PART_BYTES = 2 * 1024;

/** What `Y.decodeUpdate` returns for each struct: an Item, a GC or a Skip, each able to write itself. */
interface DecodedStruct {
  id: { client: number; clock: number };
  length: number;
  write(encoder: Y.UpdateEncoderV1, offset: number): void;
}

/**
 * Cuts a Yjs update (format v1) into `count` updates that, applied in order, make the same
 * document (each returned as the function that encodes it). A client with at least `count` structs
 * gives part k the k-th share of its structs, so the writers' histories advance together. A client
 * with fewer (a thread's anchor, made by the server under a client id of its own: a document with
 * 500 threads has 500 such clients) gives each struct to the first part, from where what it refers
 * to (its origins and parent) has arrived, that has room (assignParts). Shares alone put all of
 * those in the last part: 500 formatting marks applied in one task, 28–38 ms on this repository's
 * machine. Yjs keeps a struct that arrives before what it refers to pending until it can, so the
 * order never costs correctness, only time.
 * Each part also carries the deletions of the structs it completes (a client's deleted ranges up
 * to the clock its structs reach in that part); the last part carries what is left, deletions of
 * structs this update does not hold included. In one part, a first sync's deletions alone held the
 * page 40–94 ms (500 paragraphs with a thread each).
 *
 * Yjs applies an update in one transaction; a 118 KiB first sync (500 paragraphs with a comment
 * each) held Chromium's main thread 110–138 ms on this repository's 2-core machine. Parts keep
 * each apply short, so the page answers input between them. Written here because Yjs exports no
 * way to cut an update by clock; it uses only what Yjs exports (decodeUpdate, each struct's own
 * `write`, UpdateEncoderV1), in the layout Yjs's own encoders write.
 *
 * Each part is encoded only when called, in order: decoding the update is all the work done at
 * once (the page's first sync decodes it in the message's task, and encodes each part in the task
 * that applies it).
 */
export function cutUpdate(update: Uint8Array, count: number): (() => Uint8Array)[] {
  if (count <= 1) return [() => update];
  const { structs, ds } = Y.decodeUpdate(update) as unknown as { structs: DecodedStruct[]; ds: DecodedDeleteSet };
  const byClient = new Map<number, DecodedStruct[]>();
  for (const struct of structs) {
    let list = byClient.get(struct.id.client);
    if (!list) byClient.set(struct.id.client, (list = []));
    list.push(struct);
  }
  const partOf = assignParts(byClient, count);
  // Each part's runs of structs, a run per client: a client's structs go to parts in order of clock.
  const slicesOf = Array.from({ length: count }, () => [] as [number, DecodedStruct[]][]);
  for (const [client, list] of byClient) {
    const assigned = partOf.get(client) as number[];
    let run: DecodedStruct[] = [];
    list.forEach((struct, index) => {
      if (index > 0 && assigned[index] !== assigned[index - 1]) {
        (slicesOf[assigned[index - 1] as number] as [number, DecodedStruct[]][]).push([client, run]);
        run = [];
      }
      run.push(struct);
    });
    if (run.length > 0) (slicesOf[assigned[list.length - 1] as number] as [number, DecodedStruct[]][]).push([client, run]);
  }
  const deletions = new DeletionsByClock(ds);
  const parts: (() => Uint8Array)[] = [];
  for (let part = 0; part < count; part++) {
    const slices = slicesOf[part] as [number, DecodedStruct[]][];
    const reached = new Map<number, number>();
    for (const [client, slice] of slices) {
      const end = slice[slice.length - 1] as DecodedStruct;
      reached.set(client, end.id.clock + end.length);
    }
    const last = part === count - 1;
    const deleted = last ? deletions.rest() : deletions.upTo(reached);
    if (slices.length > 0 || deleted.size > 0 || last) parts.push(() => encodePart(slices, deleted));
  }
  return parts;
}

interface StructId {
  client: number;
  clock: number;
}

/** What an Item refers to, as Y.decodeUpdate leaves it (a GC or a Skip refers to nothing). */
interface StructReferences {
  origin?: StructId | null;
  rightOrigin?: StructId | null;
  parent?: StructId | string | null;
}

/** The structs `struct` refers to: its origins, and its parent when that is an item. */
function referencesOf(struct: DecodedStruct): StructId[] {
  const { origin, rightOrigin, parent } = struct as unknown as StructReferences;
  return [origin, rightOrigin, parent].filter((id): id is StructId => typeof id === 'object' && id !== null);
}

/**
 * The part of each struct of each client (indexes into `byClient`'s lists), in order of clock. A
 * small client's struct goes in the first part, from where what it refers to arrives, that has
 * room (the parts share the structs evenly); one free to go anywhere (it refers to nothing, or only
 * to what the document has already) goes with its client's next struct that is not. Room matters
 * for chains: a map key set once by each of 500 clients is 500 structs, each after the one before,
 * which by reference alone all went in one part (16–49 ms).
 */
function assignParts(byClient: ReadonlyMap<number, DecodedStruct[]>, count: number): Map<number, number[]> {
  let total = 0;
  for (const list of byClient.values()) total += list.length;
  const room = Math.ceil(total / count);
  const load = new Array<number>(count).fill(0);
  const partOf = new Map<number, number[]>();
  for (const [client, list] of byClient) {
    if (list.length < count) continue;
    const parts = new Array<number>(list.length);
    for (let part = 0; part < count; part++) {
      for (let index = Math.floor((list.length * part) / count); index < Math.floor((list.length * (part + 1)) / count); index++) parts[index] = part;
      load[part] = (load[part] as number) + Math.floor((list.length * (part + 1)) / count) - Math.floor((list.length * part) / count);
    }
    partOf.set(client, parts);
  }
  /** The first part from `need` on with room (the last has room for all), counting the struct in. */
  const place = (need: number): number => {
    let part = need;
    while (part < count - 1 && (load[part] as number) >= room) part++;
    load[part] = (load[part] as number) + 1;
    return part;
  };
  /** The part a struct of this update holding `id` went in; -1 when it is not in this update (or waits in a cycle). */
  const partOfId = (id: StructId): number => {
    const list = byClient.get(id.client);
    const parts = partOf.get(id.client);
    if (!list || !parts) return -1;
    const index = structAt(list, id.clock);
    return index < 0 ? -1 : (parts[index] as number);
  };
  const placeClient = (client: number): void => {
    const list = byClient.get(client) as DecodedStruct[];
    // Where what each struct refers to has arrived; -1 for one free to go anywhere: it refers to
    // nothing (a GC: text deleted and collected) or only to what the document has already.
    const needs = list.map((struct) => Math.max(-1, ...referencesOf(struct).map(partOfId)));
    // A free one goes with the next one that is not.
    let following = -1;
    for (let index = needs.length - 1; index >= 0; index--) {
      if ((needs[index] as number) >= 0) following = needs[index] as number;
      else needs[index] = following;
    }
    // A client's structs go in order of clock.
    let floor = 0;
    partOf.set(
      client,
      needs.map((need) => (floor = place(Math.max(floor, need)))),
    );
  };
  // Depth first, on a stack of its own: a chain of thousands of clients would overflow the call
  // stack. A client is placed once those it refers to are; one whose references were pushed stays
  // on the stack under them. A cycle cannot happen in a real history; if it did, the struct that
  // closes it would wait in Yjs's pending set.
  const expanded = new Set<number>();
  for (const start of byClient.keys()) {
    const stack = [start];
    while (stack.length > 0) {
      const client = stack[stack.length - 1] as number;
      if (partOf.has(client)) {
        stack.pop();
        continue;
      }
      if (!expanded.has(client)) {
        expanded.add(client);
        // The clients of this update it refers to that are not placed yet (large ones were, by shares).
        const before = (byClient.get(client) as DecodedStruct[])
          .flatMap(referencesOf)
          .map((id) => id.client)
          .filter((other) => byClient.has(other) && !partOf.has(other) && !expanded.has(other));
        if (before.length > 0) {
          stack.push(...before);
          continue;
        }
      }
      stack.pop();
      placeClient(client);
    }
  }
  return partOf;
}

/** The index in `list` (one client's structs, in order of clock) of the struct holding `clock`, or -1. */
function structAt(list: readonly DecodedStruct[], clock: number): number {
  let low = 0;
  let high = list.length - 1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    const struct = list[middle] as DecodedStruct;
    if (clock < struct.id.clock) high = middle - 1;
    else if (clock >= struct.id.clock + struct.length) low = middle + 1;
    else return middle;
  }
  return -1;
}

type DeletedRanges = Map<number, { clock: number; len: number }[]>;

/** A delete set handed out in order of clock: each client's ranges below a clock, then the rest. */
class DeletionsByClock {
  /** Per client: its ranges in order of clock, and how far they have been handed out. */
  private readonly left = new Map<number, { ranges: { clock: number; len: number }[]; index: number; from: number }>();

  constructor(ds: DecodedDeleteSet) {
    for (const [client, ranges] of ds.clients) {
      const sorted = [...ranges].sort((a, b) => a.clock - b.clock);
      if (sorted.length > 0) this.left.set(client, { ranges: sorted, index: 0, from: (sorted[0] as { clock: number }).clock });
    }
  }

  /** The ranges not handed out yet below `clocks` (per client; clients not named give none). */
  upTo(clocks: ReadonlyMap<number, number>): DeletedRanges {
    const out: DeletedRanges = new Map();
    for (const [client, bound] of clocks) {
      const state = this.left.get(client);
      if (!state) continue;
      const taken: { clock: number; len: number }[] = [];
      while (state.index < state.ranges.length) {
        const range = state.ranges[state.index] as { clock: number; len: number };
        const end = range.clock + range.len;
        if (state.from >= bound) break;
        if (end <= bound) {
          taken.push({ clock: state.from, len: end - state.from });
          state.index++;
          const following = state.ranges[state.index];
          if (following) state.from = following.clock;
        } else {
          taken.push({ clock: state.from, len: bound - state.from });
          state.from = bound;
          break;
        }
      }
      if (taken.length > 0) out.set(client, taken);
    }
    return out;
  }

  /** Every range not handed out yet. */
  rest(): DeletedRanges {
    return this.upTo(new Map([...this.left.keys()].map((client) => [client, Number.POSITIVE_INFINITY])));
  }
}

/** What `Y.decodeUpdate` returns for the deletions: the deleted ranges of each client. */
interface DecodedDeleteSet {
  clients: Map<number, { clock: number; len: number }[]>;
}

/**
 * An update of these runs of structs and these deletions. Written as Yjs writes an update v1 (its
 * `writeStructs` and `writeDeleteSet`, which it does not export).
 */
function encodePart(slices: [number, DecodedStruct[]][], deletions: DeletedRanges): Uint8Array {
  const encoder = new Y.UpdateEncoderV1();
  encoding.writeVarUint(encoder.restEncoder, slices.length);
  for (const [client, slice] of slices) {
    encoding.writeVarUint(encoder.restEncoder, slice.length);
    encoder.writeClient(client);
    encoding.writeVarUint(encoder.restEncoder, (slice[0] as DecodedStruct).id.clock);
    for (const struct of slice) struct.write(encoder, 0);
  }
  const clients = [...deletions.entries()].sort((a, b) => b[0] - a[0]);
  encoding.writeVarUint(encoder.restEncoder, clients.length);
  for (const [client, ranges] of clients) {
    encoder.resetDsCurVal();
    encoding.writeVarUint(encoder.restEncoder, client);
    encoding.writeVarUint(encoder.restEncoder, ranges.length);
    for (const range of ranges) {
      encoder.writeDsClock(range.clock);
      encoder.writeDsLen(range.len);
    }
  }
  return encoder.toUint8Array();
}

/** How many parts an update of `bytes` is applied in (1: whole). */
export function partsFor(bytes: number): number {
  return bytes <= 2 * UPDATE_PART_BYTES ? 1 : Math.ceil(bytes / UPDATE_PART_BYTES);
}
