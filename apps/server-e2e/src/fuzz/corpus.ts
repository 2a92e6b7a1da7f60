import * as encoding from 'lib0/encoding';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';
import { randomEdit, seededRandom } from '../random-edits';

/** Valid y-websocket messages, written by y-protocols from a real document, for the fuzzer to mutate. */
export interface FrameCorpus {
  /** Whole frames: sync step 1 and 2, updates, awareness, query awareness. */
  readonly frames: readonly Uint8Array[];
  /** The Yjs updates inside the sync frames, to corrupt below the message envelope. */
  readonly updates: readonly Uint8Array[];
  /** Awareness payloads (the bytes inside an awareness frame). */
  readonly awareness: readonly Uint8Array[];
}

const MESSAGE_SYNC = 0;
const MESSAGE_AWARENESS = 1;
const MESSAGE_QUERY_AWARENESS = 3;

/** A sync frame: `varUint(0) • syncMessage`, the sync message written by `write`. */
export function syncFrame(write: (encoder: encoding.Encoder) => void): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MESSAGE_SYNC);
  write(encoder);
  return encoding.toUint8Array(encoder);
}

/** An update frame carrying `update`: `varUint(0) • varUint(2) • varByteArray(update)`. */
export function updateFrame(update: Uint8Array): Uint8Array {
  return syncFrame((encoder) => syncProtocol.writeUpdate(encoder, update));
}

/** An awareness frame carrying `payload`: `varUint(1) • varByteArray(payload)`. */
export function awarenessFrame(payload: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MESSAGE_AWARENESS);
  encoding.writeVarUint8Array(encoder, payload);
  return encoding.toUint8Array(encoder);
}

/** An awareness payload of one client whose state is the given JSON text, valid or not. */
export function awarenessPayload(clientId: number, clock: number, json: string): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, 1);
  encoding.writeVarUint(encoder, clientId);
  encoding.writeVarUint(encoder, clock);
  encoding.writeVarString(encoder, json);
  return encoding.toUint8Array(encoder);
}

/**
 * Edits a ProseMirror-shaped document and a map at random (seeded) and keeps every message a
 * stock client would send about it: each update, both sync steps, awareness states.
 */
export function buildCorpus(seed: number): FrameCorpus {
  const random = seededRandom(seed ^ 0x5eed);
  const doc = new Y.Doc();
  const fragment = doc.getXmlFragment('prosemirror');
  const updates: Uint8Array[] = [];
  doc.on('update', (update: Uint8Array) => updates.push(update));
  for (let i = 0; i < 60; i++) {
    randomEdit(fragment, random, `c${i}`);
    if (i % 10 === 0) doc.getMap('meta').set(`k${i}`, { title: `t${i}`, tags: ['a', i], nested: { n: i / 3 } });
  }
  const frames: Uint8Array[] = updates.map(updateFrame);
  frames.push(syncFrame((encoder) => syncProtocol.writeSyncStep1(encoder, doc)));
  frames.push(syncFrame((encoder) => syncProtocol.writeSyncStep2(encoder, doc)));
  frames.push(syncFrame((encoder) => syncProtocol.writeSyncStep2(encoder, doc, Y.encodeStateVector(new Y.Doc()))));

  const awareness = new awarenessProtocol.Awareness(doc);
  const payloads: Uint8Array[] = [];
  for (let i = 0; i < 5; i++) {
    awareness.setLocalState({
      user: { id: `u${i}`, name: `User ${i}`, color: '#30bced' },
      cursor: { anchor: i, head: i + 2 },
    });
    payloads.push(awarenessProtocol.encodeAwarenessUpdate(awareness, [doc.clientID]));
  }
  awareness.setLocalState(null);
  payloads.push(awarenessProtocol.encodeAwarenessUpdate(awareness, [doc.clientID]));
  awareness.destroy();
  frames.push(...payloads.map(awarenessFrame));
  frames.push(Uint8Array.from([MESSAGE_QUERY_AWARENESS]));
  doc.destroy();
  return { frames, updates, awareness: payloads };
}
