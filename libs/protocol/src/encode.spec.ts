import * as encoding from 'lib0/encoding';
import * as syncProtocol from 'y-protocols/sync';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import {
  encodeAuthDenied,
  encodeAwareness,
  encodeQueryAwareness,
  encodeSyncStep1,
  encodeSyncStep2,
  encodeUpdate,
} from './encode';

const bytes = (...values: number[]) => Uint8Array.from(values);

describe('encoders write the exact y-websocket bytes', () => {
  it('sync step 1: type 0, sub-type 0, length-prefixed state vector', () => {
    expect(encodeSyncStep1(bytes(1, 2, 3))).toEqual(bytes(0, 0, 3, 1, 2, 3));
  });

  it('sync step 2: type 0, sub-type 1, length-prefixed update', () => {
    expect(encodeSyncStep2(bytes(9, 8))).toEqual(bytes(0, 1, 2, 9, 8));
  });

  it('update: type 0, sub-type 2, length-prefixed update', () => {
    expect(encodeUpdate(bytes(7))).toEqual(bytes(0, 2, 1, 7));
  });

  it('awareness: type 1, length-prefixed payload', () => {
    expect(encodeAwareness(bytes(5, 6))).toEqual(bytes(1, 2, 5, 6));
  });

  it('query awareness: the single byte 3', () => {
    expect(encodeQueryAwareness()).toEqual(bytes(3));
  });

  it('auth denied: type 2, sub-type 0, length-prefixed UTF-8 reason', () => {
    expect(encodeAuthDenied('no')).toEqual(bytes(2, 0, 2, 0x6e, 0x6f));
  });

  it('lengths of 128 bytes and more use a multi-byte varint', () => {
    const payload = new Uint8Array(300).fill(1);
    const frame = encodeUpdate(payload);
    // 300 = 0b10_0101100 -> 0xac 0x02
    expect(Array.from(frame.subarray(0, 4))).toEqual([0, 2, 0xac, 0x02]);
    expect(frame.length).toBe(4 + 300);
  });

  it('matches what y-protocols writes for a real document', () => {
    const doc = new Y.Doc();
    doc.getText('t').insert(0, 'hello');

    const theirs = encoding.createEncoder();
    encoding.writeVarUint(theirs, 0);
    syncProtocol.writeSyncStep1(theirs, doc);
    expect(encodeSyncStep1(Y.encodeStateVector(doc))).toEqual(encoding.toUint8Array(theirs));

    const theirStep2 = encoding.createEncoder();
    encoding.writeVarUint(theirStep2, 0);
    syncProtocol.writeSyncStep2(theirStep2, doc);
    expect(encodeSyncStep2(Y.encodeStateAsUpdate(doc))).toEqual(encoding.toUint8Array(theirStep2));

    const awareness = new awarenessProtocol.Awareness(doc);
    awareness.setLocalState({ user: { name: 'Ada' } });
    const payload = awarenessProtocol.encodeAwarenessUpdate(awareness, [doc.clientID]);
    expect(encodeAwareness(payload)).toEqual(bytes(1, payload.length, ...payload));
    awareness.destroy();
  });
});
