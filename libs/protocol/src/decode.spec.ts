import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { decodeMessage } from './decode';
import {
  encodeAuthDenied,
  encodeAwareness,
  encodeQueryAwareness,
  encodeSyncStep1,
  encodeSyncStep2,
  encodeUpdate,
} from './encode';
import { ProtocolError, type ProtocolErrorReason } from './protocol-error';

const bytes = (...values: number[]) => Uint8Array.from(values);

function reasonOf(frame: Uint8Array): ProtocolErrorReason {
  try {
    decodeMessage(frame);
  } catch (error) {
    expect(error).toBeInstanceOf(ProtocolError);
    return (error as ProtocolError).reason;
  }
  throw new Error('frame was accepted');
}

describe('decodeMessage', () => {
  it('round-trips every message type', () => {
    const payload = bytes(4, 5, 6);
    expect(decodeMessage(encodeSyncStep1(payload))).toEqual({ type: 'sync-step-1', stateVector: payload });
    expect(decodeMessage(encodeSyncStep2(payload))).toEqual({ type: 'sync-step-2', update: payload });
    expect(decodeMessage(encodeUpdate(payload))).toEqual({ type: 'update', update: payload });
    expect(decodeMessage(encodeAwareness(payload))).toEqual({ type: 'awareness', update: payload });
    expect(decodeMessage(encodeQueryAwareness())).toEqual({ type: 'query-awareness' });
    expect(decodeMessage(encodeAuthDenied('go away'))).toEqual({ type: 'auth-denied', reason: 'go away' });
  });

  it('decodes a real Yjs update that applies', () => {
    const doc = new Y.Doc();
    doc.getText('t').insert(0, 'hi');
    const message = decodeMessage(encodeUpdate(Y.encodeStateAsUpdate(doc)));
    const copy = new Y.Doc();
    if (message.type !== 'update') throw new Error(message.type);
    Y.applyUpdate(copy, message.update);
    expect(copy.getText('t').toString()).toBe('hi');
  });

  it('never reads past the frame, even when the buffer behind it goes on', () => {
    // A pooled buffer: the frame is a slice, and bytes after it belong to someone else.
    const pool = bytes(0, 2, 5, 1, 2, 9, 9, 9, 9, 9);
    const frame = pool.subarray(0, 5);
    expect(reasonOf(frame)).toBe('length-exceeds-frame');
  });

  it('refuses malformed frames with a reason', () => {
    expect(reasonOf(bytes())).toBe('empty');
    expect(reasonOf(bytes(7))).toBe('unknown-message-type');
    expect(reasonOf(bytes(0, 3, 0))).toBe('unknown-sync-type');
    expect(reasonOf(bytes(2, 1, 0))).toBe('unknown-auth-type');
    expect(reasonOf(bytes(0))).toBe('truncated');
    expect(reasonOf(bytes(0, 0))).toBe('truncated');
    expect(reasonOf(bytes(0, 0, 0x80))).toBe('truncated');
    expect(reasonOf(bytes(0, 2, 3, 1))).toBe('length-exceeds-frame');
    expect(reasonOf(bytes(0, 2, 0xff, 0xff, 0xff, 0xff, 0x0f))).toBe('length-exceeds-frame');
    expect(reasonOf(bytes(0, 2, 1, 1, 0))).toBe('trailing-bytes');
    expect(reasonOf(bytes(3, 3))).toBe('trailing-bytes');
    expect(reasonOf(bytes(0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x01))).toBe('bad-varint');
    expect(reasonOf(bytes(2, 0, 2, 0xc3, 0x28))).toBe('bad-string');
  });
});
