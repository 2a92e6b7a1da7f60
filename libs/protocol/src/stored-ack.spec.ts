import * as decoding from 'lib0/decoding';
import { describe, expect, it } from 'vitest';
import { decodeMessage } from './decode';
import { messageStored } from './message-types';
import { ProtocolError } from './protocol-error';
import { encodeStoredAck, readStoredAck } from './stored-ack';

const bytes = (...values: number[]) => Uint8Array.from(values);

describe('stored acknowledgement', () => {
  it('is type 4, the frame count, the clock count, then client id and clock pairs as varints', () => {
    const frame = encodeStoredAck({ through: 3, clocks: new Map([[5, 200]]) });
    // 200 = 0xc8: varint 0xc8 0x01.
    expect(frame).toEqual(bytes(messageStored, 3, 1, 5, 0xc8, 0x01));
  });

  it('with nothing stored of any client carries an empty clock list', () => {
    expect(encodeStoredAck({ through: 1, clocks: new Map() })).toEqual(bytes(4, 1, 0));
  });

  it('decodes to exactly what was encoded, including 32-bit client ids', () => {
    const clocks = new Map([
      [4_294_967_295, 1],
      [1, 123_456_789],
    ]);
    const message = decodeMessage(encodeStoredAck({ through: 70_000, clocks }));
    expect(message).toEqual({ type: 'stored', through: 70_000, clocks });
  });

  it('refuses a clock count the frame cannot hold, a truncated pair and trailing bytes', () => {
    expect(() => decodeMessage(bytes(4, 1, 200, 1, 1))).toThrow(ProtocolError);
    expect(() => decodeMessage(bytes(4, 1, 1, 5))).toThrow(ProtocolError);
    expect(() => decodeMessage(bytes(4, 1, 0, 9))).toThrow(ProtocolError);
  });

  it('reads from a decoder standing after the type byte, as a y-websocket message handler gets it', () => {
    const decoder = decoding.createDecoder(encodeStoredAck({ through: 2, clocks: new Map([[7, 9]]) }));
    decoding.readVarUint(decoder);
    expect(readStoredAck(decoder)).toEqual({ through: 2, clocks: new Map([[7, 9]]) });
    expect(decoder.pos).toBe(decoder.arr.length);
  });
});
