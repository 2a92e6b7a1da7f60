import * as awarenessProtocol from 'y-protocols/awareness';
import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { decodeAwarenessUpdate, encodeAwarenessUpdate } from './awareness-update';
import { ProtocolError } from './protocol-error';

describe('awareness update payloads', () => {
  it('reads what y-protocols writes, including a removal', () => {
    const doc = new Y.Doc();
    const awareness = new awarenessProtocol.Awareness(doc);
    awareness.setLocalState({ user: { id: 'u1', name: 'Ada', color: '#aa3355' }, cursor: null });
    const added = decodeAwarenessUpdate(awarenessProtocol.encodeAwarenessUpdate(awareness, [doc.clientID]));
    expect(added).toEqual([
      { clientId: doc.clientID, clock: 1, state: { user: { id: 'u1', name: 'Ada', color: '#aa3355' }, cursor: null } },
    ]);

    awareness.setLocalState(null);
    const removed = decodeAwarenessUpdate(awarenessProtocol.encodeAwarenessUpdate(awareness, [doc.clientID]));
    expect(removed).toEqual([{ clientId: doc.clientID, clock: 2, state: null }]);
    awareness.destroy();
  });

  it('writes what y-protocols reads', () => {
    const doc = new Y.Doc();
    const awareness = new awarenessProtocol.Awareness(doc);
    const payload = encodeAwarenessUpdate([{ clientId: 42, clock: 3, state: { user: { name: 'Grace' } } }]);
    awarenessProtocol.applyAwarenessUpdate(awareness, payload, 'test');
    expect(awareness.getStates().get(42)).toEqual({ user: { name: 'Grace' } });
    awareness.destroy();
  });

  it('encodes the exact bytes of the grammar', () => {
    expect(encodeAwarenessUpdate([{ clientId: 1, clock: 2, state: null }])).toEqual(
      Uint8Array.from([1, 1, 2, 4, ...new TextEncoder().encode('null')]),
    );
  });

  it('refuses invalid JSON, lying counts and trailing bytes', () => {
    const badJson = Uint8Array.from([1, 1, 1, 1, 0x7b]);
    expect(() => decodeAwarenessUpdate(badJson)).toThrow(ProtocolError);
    expect(() => decodeAwarenessUpdate(Uint8Array.from([0xff, 0xff, 0x03]))).toThrow(ProtocolError);
    const valid = encodeAwarenessUpdate([{ clientId: 1, clock: 1, state: {} }]);
    expect(() => decodeAwarenessUpdate(Uint8Array.from([...valid, 0]))).toThrow(ProtocolError);
  });
});
