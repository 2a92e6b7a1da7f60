import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import type { AccessChange, BusMessage } from './document-bus';

/**
 * The bytes of bus messages, the same for every transport:
 *
 * ```
 * documentMessage := varUint(1) • varString(instanceId) • body
 * body            := varUint(0) • varByteArray(update)        -- update
 *                  | varUint(1) • varByteArray(awareness)     -- awareness
 *                  | varUint(2) • varUint(catchUp ? 1 : 0)    -- hello
 *                  | varUint(3) • varString(json(change))    -- access
 * instanceSignal  := varUint(1) • varString(instanceId) • varUint(0 alive | 1 goodbye)
 * ```
 *
 * The leading version lets instances of two releases share a bus during a rolling upgrade: a
 * version they do not know is dropped (and the store still carries every update).
 */
export const BUS_CODEC_VERSION = 1;

export const MESSAGE_UPDATE = 0;
export const MESSAGE_AWARENESS = 1;
export const MESSAGE_HELLO = 2;
export const MESSAGE_ACCESS = 3;

export const SIGNAL_ALIVE = 0;
export const SIGNAL_GOODBYE = 1;

/** What an instance says on the instances channel. */
export type InstanceSignal = 'alive' | 'goodbye';

/** A bus message that cannot be read (truncated, unknown version or type). */
export class BusMessageError extends Error {
  override readonly name = 'BusMessageError';
}

/** Encodes a document message from `instanceId`. */
export function encodeBusMessage(instanceId: string, message: BusMessage): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, BUS_CODEC_VERSION);
  encoding.writeVarString(encoder, instanceId);
  switch (message.type) {
    case 'update':
      encoding.writeVarUint(encoder, MESSAGE_UPDATE);
      encoding.writeVarUint8Array(encoder, message.update);
      break;
    case 'awareness':
      encoding.writeVarUint(encoder, MESSAGE_AWARENESS);
      encoding.writeVarUint8Array(encoder, message.update);
      break;
    case 'hello':
      encoding.writeVarUint(encoder, MESSAGE_HELLO);
      encoding.writeVarUint(encoder, message.catchUp ? 1 : 0);
      break;
    case 'access':
      encoding.writeVarUint(encoder, MESSAGE_ACCESS);
      encoding.writeVarString(encoder, JSON.stringify(message.change));
      break;
  }
  return encoding.toUint8Array(encoder);
}

/**
 * The first bytes of every message `instanceId` sends: Redis hands an instance back everything it
 * publishes, and comparing these is far cheaper than decoding a copy only to drop it.
 */
export function encodeSenderPrefix(instanceId: string): Buffer {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, BUS_CODEC_VERSION);
  encoding.writeVarString(encoder, instanceId);
  return Buffer.from(encoding.toUint8Array(encoder));
}

/** Decodes a document message; payloads never share memory with `data`. */
export function decodeBusMessage(data: Uint8Array): { readonly from: string; readonly message: BusMessage } {
  return read(data, (decoder) => {
    const from = readHeader(decoder);
    const type = decoding.readVarUint(decoder);
    switch (type) {
      case MESSAGE_UPDATE:
        return { from, message: { type: 'update', update: readBytes(decoder) } };
      case MESSAGE_AWARENESS:
        return { from, message: { type: 'awareness', update: readBytes(decoder) } };
      case MESSAGE_HELLO:
        return { from, message: { type: 'hello', catchUp: decoding.readVarUint(decoder) === 1 } };
      case MESSAGE_ACCESS:
        return { from, message: { type: 'access', change: readAccessChange(decoding.readVarString(decoder)) } };
      default:
        throw new BusMessageError(`Unknown bus message type ${type}`);
    }
  });
}

/** Encodes what `instanceId` says on the instances channel. */
export function encodeInstanceSignal(instanceId: string, signal: InstanceSignal): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, BUS_CODEC_VERSION);
  encoding.writeVarString(encoder, instanceId);
  encoding.writeVarUint(encoder, signal === 'alive' ? SIGNAL_ALIVE : SIGNAL_GOODBYE);
  return encoding.toUint8Array(encoder);
}

/** Decodes an instance signal. */
export function decodeInstanceSignal(data: Uint8Array): { readonly from: string; readonly signal: InstanceSignal } {
  return read(data, (decoder) => {
    const from = readHeader(decoder);
    const kind = decoding.readVarUint(decoder);
    if (kind !== SIGNAL_ALIVE && kind !== SIGNAL_GOODBYE) throw new BusMessageError(`Unknown instance signal ${kind}`);
    return { from, signal: kind === SIGNAL_ALIVE ? 'alive' : 'goodbye' };
  });
}

function read<T>(data: Uint8Array, body: (decoder: decoding.Decoder) => T): T {
  // A buffer of its own: lib0 trusts lengths, and `data` may be a view into a larger pooled
  // buffer, where a lying length would read a neighbour's bytes instead of throwing.
  const decoder = decoding.createDecoder(new Uint8Array(data));
  let result: T;
  try {
    result = body(decoder);
  } catch (error) {
    if (error instanceof BusMessageError) throw error;
    // lib0 throws plain errors (or reads past the end) on truncated input.
    throw new BusMessageError(`Truncated bus message (${data.byteLength} bytes)`);
  }
  if (decoder.pos > data.byteLength) throw new BusMessageError(`Truncated bus message (${data.byteLength} bytes)`);
  if (decoding.hasContent(decoder)) throw new BusMessageError(`Bus message has ${data.byteLength - decoder.pos} bytes too many`);
  return result;
}

function readHeader(decoder: decoding.Decoder): string {
  const version = decoding.readVarUint(decoder);
  if (version !== BUS_CODEC_VERSION) throw new BusMessageError(`Unknown bus message version ${version}`);
  return decoding.readVarString(decoder);
}

function readBytes(decoder: decoding.Decoder): Uint8Array {
  const length = decoding.readVarUint(decoder);
  if (decoder.pos + length > decoder.arr.length) throw new BusMessageError('Bus message payload longer than the message');
  // A view into the decoder's own copy of the message, which nothing else holds.
  return decoding.readUint8Array(decoder, length);
}

function readAccessChange(json: string): AccessChange {
  let parsed: unknown;
  try {
    parsed = JSON.parse(json);
  } catch {
    throw new BusMessageError('Access change is not JSON');
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new BusMessageError('Access change is not an object');
  const { documentId, userId, documentDeleted } = parsed as Record<string, unknown>;
  if (documentId !== undefined && typeof documentId !== 'string') throw new BusMessageError('Access change documentId is not a string');
  if (userId !== undefined && typeof userId !== 'string') throw new BusMessageError('Access change userId is not a string');
  if (documentDeleted !== undefined && typeof documentDeleted !== 'boolean') throw new BusMessageError('Access change documentDeleted is not a boolean');
  return {
    ...(documentId === undefined ? {} : { documentId }),
    ...(userId === undefined ? {} : { userId }),
    ...(documentDeleted === undefined ? {} : { documentDeleted }),
  };
}
