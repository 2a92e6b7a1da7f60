import * as decoding from 'lib0/decoding';
import { ProtocolError } from './protocol-error';

/*
 * lib0's readers trust the lengths they read: a length prefix larger than the frame makes
 * `readVarUint8Array` return a view past the end of the message, into whatever else shares the
 * underlying buffer (ws hands out slices of pooled buffers). Every read here checks bounds first.
 */

const MAX_VARUINT_BYTES = 8; // 53 bits fit in 8 bytes of 7 bits each.

/** Reads an unsigned varint, refusing truncated or over-long encodings. */
export function readVarUint(decoder: decoding.Decoder): number {
  let value = 0;
  let multiplier = 1;
  for (let i = 0; i < MAX_VARUINT_BYTES; i++) {
    if (decoder.pos >= decoder.arr.length) {
      throw new ProtocolError('truncated', 'Frame ended inside a varint');
    }
    const byte = decoder.arr[decoder.pos++];
    value += (byte & 0x7f) * multiplier;
    if (byte < 0x80) {
      if (!Number.isSafeInteger(value)) break;
      return value;
    }
    multiplier *= 128;
  }
  throw new ProtocolError('bad-varint', 'Varint is longer than 53 bits');
}

/** Reads a length-prefixed byte array as a view, refusing lengths beyond the frame. */
export function readVarUint8Array(decoder: decoding.Decoder): Uint8Array {
  const length = readVarUint(decoder);
  const remaining = decoder.arr.length - decoder.pos;
  if (length > remaining) {
    throw new ProtocolError(
      'length-exceeds-frame',
      `Declared length ${length} exceeds the ${remaining} bytes left in the frame`,
    );
  }
  const view = decoder.arr.subarray(decoder.pos, decoder.pos + length);
  decoder.pos += length;
  return view;
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** Reads a length-prefixed UTF-8 string, refusing invalid UTF-8. */
export function readVarString(decoder: decoding.Decoder): string {
  const bytes = readVarUint8Array(decoder);
  try {
    return utf8.decode(bytes);
  } catch {
    throw new ProtocolError('bad-string', 'String is not valid UTF-8');
  }
}

/** Throws unless the decoder consumed the whole frame. */
export function expectEnd(decoder: decoding.Decoder): void {
  if (decoder.pos !== decoder.arr.length) {
    throw new ProtocolError(
      'trailing-bytes',
      `${decoder.arr.length - decoder.pos} unexpected bytes after the message`,
    );
  }
}
