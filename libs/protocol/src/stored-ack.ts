import * as encoding from 'lib0/encoding';
import * as decoding from 'lib0/decoding';
import { messageStored } from './message-types';
import { ProtocolError } from './protocol-error';
import { readVarUint } from './safe-decoder';

/**
 * The socket URL's query parameter with which a client asks for stored acknowledgements
 * (`?ack=1`). A query parameter rather than an opening message: the server knows it at the
 * upgrade, before any frame, and a server that does not know it ignores it (an unknown message
 * would close the socket with 1002), while the stock client can add it through its `params`.
 */
export const STORED_ACK_PARAM = 'ack';

/**
 * What the server tells a connection that asked for it, after a commit that stored its updates:
 * `through` is the count of its `sync-step-2` and `update` frames (numbered from 1 in the order
 * sent) that are stored or held nothing new, and `clocks` maps each Yjs client id those stored
 * updates carried to its stored clock: every item of that client below the clock is stored.
 */
export interface StoredAck {
  readonly through: number;
  readonly clocks: ReadonlyMap<number, number>;
}

/** `varUint(4) • varUint(through) • varUint(n) • (varUint(clientId) • varUint(clock))^n` */
export function encodeStoredAck(ack: StoredAck): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, messageStored);
  encoding.writeVarUint(encoder, ack.through);
  encoding.writeVarUint(encoder, ack.clocks.size);
  for (const [clientId, clock] of ack.clocks) {
    encoding.writeVarUint(encoder, clientId);
    encoding.writeVarUint(encoder, clock);
  }
  return encoding.toUint8Array(encoder);
}

/** Reads a stored acknowledgement after its type byte; refuses a count the bytes left cannot hold. */
export function readStoredAck(decoder: decoding.Decoder): StoredAck {
  const through = readVarUint(decoder);
  const count = readVarUint(decoder);
  // Each entry takes at least two bytes: a lying count must not make a huge map.
  if (count * 2 > decoder.arr.length - decoder.pos) {
    throw new ProtocolError('length-exceeds-frame', `Declared ${count} clocks exceed the bytes left in the frame`);
  }
  const clocks = new Map<number, number>();
  for (let i = 0; i < count; i++) {
    const clientId = readVarUint(decoder);
    clocks.set(clientId, readVarUint(decoder));
  }
  return { through, clocks };
}
