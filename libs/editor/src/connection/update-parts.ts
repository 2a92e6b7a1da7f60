import * as encoding from 'lib0/encoding';
import * as Y from 'yjs';

/** A first sync larger than this is applied in parts (a part about this size each). */
export const UPDATE_PART_BYTES = 4 * 1024;

/** What `Y.decodeUpdate` returns for each struct: an Item, a GC or a Skip, each able to write itself. */
interface DecodedStruct {
  id: { client: number; clock: number };
  length: number;
  write(encoder: Y.UpdateEncoderV1, offset: number): void;
}

/**
 * Cuts a Yjs update (format v1) into `count` updates that, applied in order, make the same
 * document (each returned as the function that encodes it): part k holds the k-th share of every
 * client's structs, so the clients' histories advance together and each part's structs mostly find
 * what they refer to in the parts before
 * (Yjs keeps any that do not as pending until they can, so the order never costs correctness).
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
  const deletions = new DeletionsByClock(ds);
  const parts: (() => Uint8Array)[] = [];
  for (let part = 0; part < count; part++) {
    const slices: [number, DecodedStruct[]][] = [];
    const reached = new Map<number, number>();
    for (const [client, list] of byClient) {
      const slice = list.slice(Math.floor((list.length * part) / count), Math.floor((list.length * (part + 1)) / count));
      if (slice.length === 0) continue;
      slices.push([client, slice]);
      const end = slice[slice.length - 1] as DecodedStruct;
      reached.set(client, end.id.clock + end.length);
    }
    const last = part === count - 1;
    const deleted = last ? deletions.rest() : deletions.upTo(reached);
    if (slices.length > 0 || deleted.size > 0 || last) parts.push(() => encodePart(slices, deleted));
  }
  return parts;
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
