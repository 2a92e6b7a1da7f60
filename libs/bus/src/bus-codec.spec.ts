import { describe, expect, it } from 'vitest';
import { BusMessageError, decodeBusMessage, decodeInstanceSignal, encodeBusMessage, encodeInstanceSignal, encodeSenderPrefix } from './bus-codec';

describe('bus codec', () => {
  it('writes the documented bytes', () => {
    // varUint(1) • varString("ab") • varUint(0) • varByteArray([7, 8])
    expect([...encodeBusMessage('ab', { type: 'update', update: Uint8Array.from([7, 8]) })]).toEqual([1, 2, 97, 98, 0, 2, 7, 8]);
    expect([...encodeBusMessage('ab', { type: 'awareness', update: Uint8Array.from([5]) })]).toEqual([1, 2, 97, 98, 1, 1, 5]);
    expect([...encodeBusMessage('ab', { type: 'hello', catchUp: true })]).toEqual([1, 2, 97, 98, 2, 1]);
    expect([...encodeBusMessage('ab', { type: 'hello', catchUp: false })]).toEqual([1, 2, 97, 98, 2, 0]);
    expect([...encodeInstanceSignal('ab', 'alive')]).toEqual([1, 2, 97, 98, 0]);
    expect([...encodeInstanceSignal('ab', 'goodbye')]).toEqual([1, 2, 97, 98, 1]);
  });

  it('tells an instance its own messages by their first bytes, and no other instance’s', () => {
    const own = Buffer.from(encodeBusMessage('abc', { type: 'update', update: Uint8Array.of(1, 2) }));
    const other = Buffer.from(encodeBusMessage('ab', { type: 'update', update: Uint8Array.of(1, 2) }));
    const startsWith = (data: Buffer, prefix: Buffer) => prefix.equals(data.subarray(0, prefix.length));
    expect(startsWith(own, encodeSenderPrefix('abc'))).toBe(true);
    expect(startsWith(other, encodeSenderPrefix('abc'))).toBe(false);
    expect(startsWith(own, encodeSenderPrefix('ab'))).toBe(false);
  });

  it('reads back what it writes', () => {
    const update = Uint8Array.from({ length: 300 }, (_unused, i) => i % 256);
    expect(decodeBusMessage(encodeBusMessage('instance-1', { type: 'update', update }))).toEqual({
      from: 'instance-1',
      message: { type: 'update', update },
    });
    expect(decodeInstanceSignal(encodeInstanceSignal('i', 'goodbye'))).toEqual({ from: 'i', signal: 'goodbye' });
    const change = { documentId: 'doc-1', userId: 'u1', documentDeleted: true };
    expect(decodeBusMessage(encodeBusMessage('i', { type: 'access', change }))).toEqual({ from: 'i', message: { type: 'access', change } });
    expect(decodeBusMessage(encodeBusMessage('i', { type: 'access', change: { userId: 'u2' } })).message).toEqual({
      type: 'access',
      change: { userId: 'u2' },
    });
  });

  it('refuses access changes whose fields are not what they claim', () => {
    const access = (json: string) => {
      const head = [...encodeBusMessage('a', { type: 'hello', catchUp: false })].slice(0, 3);
      const text = new TextEncoder().encode(json);
      return Uint8Array.from([...head, 3, text.length, ...text]);
    };
    expect(decodeBusMessage(access('{"userId":"u"}')).message).toEqual({ type: 'access', change: { userId: 'u' } });
    for (const bad of ['nope', '[]', 'null', '{"userId":5}', '{"documentId":{}}', '{"documentDeleted":"yes"}']) {
      expect(() => decodeBusMessage(access(bad)), bad).toThrow(BusMessageError);
    }
  });

  it('gives payloads memory of their own, even from a view into a larger buffer', () => {
    const bytes = encodeBusMessage('a', { type: 'update', update: Uint8Array.from([1, 2, 3]) });
    const pool = new Uint8Array(64).fill(0xee);
    pool.set(bytes, 10);
    const view = pool.subarray(10, 10 + bytes.length);
    const { message } = decodeBusMessage(view);
    pool.fill(0);
    expect(message).toEqual({ type: 'update', update: Uint8Array.from([1, 2, 3]) });
  });

  it('refuses what it cannot read, with a BusMessageError', () => {
    const good = encodeBusMessage('a', { type: 'update', update: Uint8Array.from([1, 2, 3]) });
    const pool = new Uint8Array(64).fill(1);
    pool.set(good.subarray(0, good.length - 1), 0);
    for (const bad of [
      Uint8Array.from([]),
      Uint8Array.from([2, 1, 97, 2, 0]), // version 2
      Uint8Array.from([1, 1, 97, 9]), // type 9
      good.subarray(0, good.length - 1), // truncated payload
      pool.subarray(0, good.length - 1), // truncated, inside a larger buffer
      Uint8Array.from([...good, 0]), // a byte too many
    ]) {
      expect(() => decodeBusMessage(bad), `bytes ${[...bad.subarray(0, 8)]}`).toThrow(BusMessageError);
    }
    expect(() => decodeInstanceSignal(Uint8Array.from([1, 1, 97, 5]))).toThrow(BusMessageError);
  });
});
