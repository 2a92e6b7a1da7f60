import * as encoding from 'lib0/encoding';
import { seededRandom } from '../random-edits';
import { awarenessFrame, awarenessPayload, syncFrame, updateFrame, type FrameCorpus } from './corpus';

/** What a hostile frame is, for the report. */
export type FrameKind =
  | 'valid'
  | 'bit-flip'
  | 'truncated'
  | 'inserted-bytes'
  | 'deleted-bytes'
  | 'huge-varint'
  | 'random-bytes'
  | 'truncated-varint'
  | 'huge-length'
  | 'empty'
  | 'text'
  | 'struct-bomb'
  | 'hostile-update'
  | 'oversized-awareness'
  | 'awareness-bad-json';

/** One frame to send: binary unless `data` is a string (a text frame). */
export interface FuzzFrame {
  readonly index: number;
  readonly kind: FrameKind;
  readonly data: Uint8Array | string;
}

type Random = () => number;
type Maker = (random: Random, corpus: FrameCorpus) => Uint8Array | string;

/**
 * Frame `index` of the run with `seed`. Each frame has its own PRNG, seeded from both, so any
 * frame of a run can be made again alone (`--only <index>`), whichever connection sent it.
 */
export function generateFrame(corpus: FrameCorpus, seed: number, index: number): FuzzFrame {
  const random = seededRandom(mix(seed, index));
  let pick = random() * TOTAL_WEIGHT;
  for (const [kind, weight, make] of KINDS) {
    pick -= weight;
    if (pick < 0) return { index, kind, data: make(random, corpus) };
  }
  return { index, kind: 'valid', data: pickFrom(random, corpus.frames) };
}

/** Largest awareness payload the server takes by default (MAX_AWARENESS_BYTES). */
const AWARENESS_LIMIT = 64 * 1024;

// [kind, weight out of TOTAL_WEIGHT, maker]. Struct bombs are rare: until the server checks
// updates, each blocks it for a fraction of a second, and a few are enough to show it.
const KINDS: ReadonlyArray<readonly [FrameKind, number, Maker]> = [
  ['valid', 100, (random, corpus) => pickFrom(random, corpus.frames)],
  ['bit-flip', 140, (random, corpus) => mutate(random, corpus, flipBits)],
  ['truncated', 100, (random, corpus) => mutate(random, corpus, (r, bytes) => bytes.slice(0, Math.floor(r() * bytes.length)))],
  ['inserted-bytes', 80, (random, corpus) => mutate(random, corpus, insertBytes)],
  ['deleted-bytes', 80, (random, corpus) => mutate(random, corpus, deleteBytes)],
  ['huge-varint', 100, (random, corpus) => mutate(random, corpus, hugeVarint)],
  ['random-bytes', 100, (random) => randomBytes(random, random() < 0.9 ? 1 + Math.floor(random() * 64) : Math.floor(random() * 8192))],
  ['truncated-varint', 40, truncatedVarint],
  ['huge-length', 60, hugeLength],
  ['empty', 20, () => new Uint8Array(0)],
  ['text', 20, (random) => (random() < 0.5 ? 'hello' : String.fromCharCode(...randomBytes(random, 1 + Math.floor(random() * 40))))],
  ['struct-bomb', 3, structBomb],
  ['hostile-update', 112, hostileUpdate],
  ['oversized-awareness', 15, (random) => awarenessFrame(awarenessPayload(1 + Math.floor(random() * 1e6), 1, JSON.stringify({ user: { name: 'x'.repeat(AWARENESS_LIMIT + Math.floor(random() * 4096)) } })))],
  ['awareness-bad-json', 30, (random) => awarenessFrame(awarenessPayload(1 + Math.floor(random() * 1e6), 1, pickFrom(random, BAD_JSON)))],
];
const TOTAL_WEIGHT = KINDS.reduce((sum, [, weight]) => sum + weight, 0);

const BAD_JSON = ['{', '{"user":', 'undefined', "{'a':1}", '[1,2', '\u0000', '{"a":1}}', 'NaN', ''];

/**
 * Applies `change` either to a whole valid frame (breaking the envelope) or to the Yjs update or
 * awareness payload inside one, wrapped again with its true length so that the corruption
 * reaches Yjs or the awareness decoder rather than the frame decoder.
 */
function mutate(random: Random, corpus: FrameCorpus, change: (random: Random, bytes: Uint8Array) => Uint8Array): Uint8Array {
  const where = random();
  if (where < 0.4) return change(random, pickFrom(random, corpus.frames));
  if (where < 0.85) return updateFrame(change(random, pickFrom(random, corpus.updates)));
  return awarenessFrame(change(random, pickFrom(random, corpus.awareness)));
}

function flipBits(random: Random, bytes: Uint8Array): Uint8Array {
  const copy = Uint8Array.from(bytes);
  if (copy.length === 0) return copy;
  for (let flips = 1 + Math.floor(random() * 3); flips > 0; flips--) {
    copy[Math.floor(random() * copy.length)] ^= 1 << Math.floor(random() * 8);
  }
  return copy;
}

function insertBytes(random: Random, bytes: Uint8Array): Uint8Array {
  const at = Math.floor(random() * (bytes.length + 1));
  return concat(bytes.subarray(0, at), randomBytes(random, 1 + Math.floor(random() * 8)), bytes.subarray(at));
}

function deleteBytes(random: Random, bytes: Uint8Array): Uint8Array {
  const at = Math.floor(random() * bytes.length);
  return concat(bytes.subarray(0, at), bytes.subarray(Math.min(bytes.length, at + 1 + Math.floor(random() * 8))));
}

/** Replaces the varint around a random position with a huge one: a length or count that lies. */
function hugeVarint(random: Random, bytes: Uint8Array): Uint8Array {
  if (bytes.length === 0) return varUint(hugeNumber(random));
  let start = Math.floor(random() * bytes.length);
  while (start > 0 && bytes[start - 1] >= 0x80) start--;
  let end = start;
  while (end < bytes.length && bytes[end] >= 0x80) end++;
  return concat(bytes.subarray(0, start), varUint(hugeNumber(random)), bytes.subarray(Math.min(bytes.length, end + 1)));
}

function truncatedVarint(random: Random): Uint8Array {
  const prefixes = [[], [0], [0, 2], [0, 1], [0, 0], [1], [2, 0]];
  const continuation = Array.from({ length: 1 + Math.floor(random() * 9) }, () => 0x80 | Math.floor(random() * 128));
  return Uint8Array.from([...pickFrom(random, prefixes), ...continuation]);
}

/** A message whose byte-array or string length claims far more than the frame holds. */
function hugeLength(random: Random): Uint8Array {
  const header = pickFrom(random, [[0, 0], [0, 1], [0, 2], [1], [2, 0]]);
  return concat(Uint8Array.from(header), varUint(hugeNumber(random)), randomBytes(random, Math.floor(random() * 16)));
}

/** A few bytes of update claiming millions of structs; Yjs allocates for all of them first. */
function structBomb(random: Random): Uint8Array {
  // Below 2^25 V8 allocates the whole array Yjs asks for (30 million: about a second, 160 MB);
  // above, it makes a sparse one.
  const structs = random() < 0.9 ? 1_000_000 + Math.floor(random() * (2 ** 25 - 1_000_001)) : 50_000_000;
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, 1);
  encoding.writeVarUint(encoder, structs);
  encoding.writeVarUint(encoder, 1 + Math.floor(random() * 1e6));
  encoding.writeVarUint(encoder, 0);
  encoding.writeUint8(encoder, 0);
  encoding.writeVarUint(encoder, 1);
  return random() < 0.5 ? updateFrame(encoding.toUint8Array(encoder)) : syncFrame((e) => {
    encoding.writeVarUint(e, 1); // sync step 2
    encoding.writeVarUint8Array(e, encoding.toUint8Array(encoder));
  });
}

/** Well-framed updates that lie inside: counts, nesting, unknown content, empty structs. */
function hostileUpdate(random: Random): Uint8Array {
  const encoder = encoding.createEncoder();
  const write = (...values: number[]) => values.forEach((value) => encoding.writeVarUint(encoder, value));
  const client = 1 + Math.floor(random() * 1e6);
  switch (Math.floor(random() * 7)) {
    case 0: { // a map value nested deeper than anyone writes
      write(1, 1, client, 0);
      encoding.writeUint8(encoder, 0x28);
      write(1);
      encoding.writeVarString(encoder, 'm');
      encoding.writeVarString(encoder, 'k');
      write(1);
      encoding.writeUint8Array(encoder, nestedArrays(random() < 0.5 ? 150 : 20_000));
      write(0);
      break;
    }
    case 1: // a delete set claiming millions of ranges
      write(0, 1, client, 1_000_000 + Math.floor(random() * 1e7), 0, 1);
      break;
    case 2: // an array value claiming millions of elements
      write(1, 1, client, 0);
      encoding.writeUint8(encoder, 0x28);
      write(1);
      encoding.writeVarString(encoder, 'm');
      encoding.writeVarString(encoder, 'k');
      write(1);
      encoding.writeUint8(encoder, 117);
      write(5_000_000 + Math.floor(random() * 1e7));
      break;
    case 3: // unknown content or shared type
      write(1, 1, client, 0);
      encoding.writeUint8(encoder, random() < 0.5 ? 11 + Math.floor(random() * 21) : 7);
      write(1);
      encoding.writeVarString(encoder, 'prosemirror');
      write(7 + Math.floor(random() * 100), 0);
      break;
    case 4: // structs of length 0
      write(1, 2, client, 0);
      encoding.writeUint8(encoder, 1); // deleted content…
      write(1);
      encoding.writeVarString(encoder, 'prosemirror');
      write(0); // …of length 0
      encoding.writeUint8(encoder, 4);
      write(1);
      encoding.writeVarString(encoder, 'prosemirror');
      encoding.writeVarString(encoder, 'after');
      write(0);
      break;
    case 5: // an embed whose JSON nests deeper than V8 can stringify again
      write(1, 1, client, 0);
      encoding.writeUint8(encoder, 5);
      write(1);
      encoding.writeVarString(encoder, 't');
      encoding.writeVarString(encoder, `${'['.repeat(20_000)}${']'.repeat(20_000)}`);
      write(0);
      break;
    default: // many clients claimed by a few bytes
      write(hugeNumber(random), 1, client, 0);
  }
  return updateFrame(encoding.toUint8Array(encoder));
}

/** `[[[…[null]…]]]` as lib0 writes it, `depth` arrays deep. */
function nestedArrays(depth: number): Uint8Array {
  const bytes = new Uint8Array(depth * 2 + 1).fill(1);
  for (let i = 0; i < depth; i++) bytes[i * 2] = 117;
  bytes[depth * 2] = 126;
  return bytes;
}

function hugeNumber(random: Random): number {
  return pickFrom(random, [2 ** 24, 2 ** 25 - 1, 2 ** 31, 2 ** 32 - 1, 2 ** 40, Number.MAX_SAFE_INTEGER]) - Math.floor(random() * 16);
}

function varUint(value: number): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, value);
  return encoding.toUint8Array(encoder);
}

function randomBytes(random: Random, length: number): Uint8Array {
  const bytes = new Uint8Array(length);
  for (let i = 0; i < length; i++) bytes[i] = Math.floor(random() * 256);
  return bytes;
}

function concat(...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}

function pickFrom<T>(random: Random, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)];
}

/** A 32-bit hash of (seed, index) (murmur3's finalizer), to seed each frame's PRNG. */
function mix(seed: number, index: number): number {
  let h = (Math.imul(seed | 0, 0x9e3779b1) + index) | 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}
