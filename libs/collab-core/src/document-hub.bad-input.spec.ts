import { CloseCode } from '@quire/constants';
import { encodeAwareness, encodeSyncStep1, encodeUpdate } from '@quire/protocol';
import { afterEach, describe, expect, it } from 'vitest';
import { HubFixture } from './testing/hub-fixture';
import { settle, type TestClient } from './testing/test-client';
import { twoConsecutiveUpdates } from './testing/updates';

let f: HubFixture;
afterEach(() => f.cleanup());

const [firstOfTwo, secondOfTwo] = twoConsecutiveUpdates();
const valid = encodeUpdate(firstOfTwo);
const utf8 = new TextEncoder();

/** A bad frame, how the server must close, and the protocol-error reason it logs (if any). */
const badFrames: { name: string; frame: Uint8Array; isBinary?: boolean; code: number; reason?: string }[] = [
  { name: 'random bytes', frame: new Uint8Array([0xff, 0xff, 0xff]), code: CloseCode.ProtocolError, reason: 'truncated' },
  { name: 'a truncated update', frame: valid.subarray(0, valid.length - 3), code: CloseCode.ProtocolError, reason: 'length-exceeds-frame' },
  { name: 'an unknown message type', frame: new Uint8Array([7, 0]), code: CloseCode.ProtocolError, reason: 'unknown-message-type' },
  { name: 'an empty frame', frame: new Uint8Array(0), code: CloseCode.ProtocolError, reason: 'empty' },
  { name: 'trailing bytes', frame: new Uint8Array([...valid, 0]), code: CloseCode.ProtocolError, reason: 'trailing-bytes' },
  { name: 'a text frame', frame: utf8.encode('{"hello":1}'), isBinary: false, code: CloseCode.UnsupportedData },
  { name: 'an update with a gap in its clocks', frame: encodeUpdate(secondOfTwo), code: CloseCode.UnsupportedData },
  { name: 'an update that does not follow the update grammar', frame: encodeUpdate(new Uint8Array([5, 1, 2, 3, 4, 5, 6])), code: CloseCode.ProtocolError, reason: 'bad-update' },
  { name: 'an unreadable state vector', frame: encodeSyncStep1(new Uint8Array([5, 1])), code: CloseCode.UnsupportedData },
  {
    name: 'awareness with invalid JSON',
    frame: encodeAwareness(new Uint8Array([1, 1, 1, 3, ...utf8.encode('{x:')])),
    code: CloseCode.ProtocolError,
    reason: 'bad-string',
  },
  { name: 'a truncated awareness update', frame: encodeAwareness(new Uint8Array([1, 1])), code: CloseCode.ProtocolError, reason: 'length-exceeds-frame' },
  {
    name: 'an oversized awareness update',
    frame: encodeAwareness(new Uint8Array(64 * 1024 + 1)),
    code: CloseCode.PolicyViolation,
  },
];

async function documentWithThreeClients() {
  f = new HubFixture();
  const bad = f.client();
  const good = f.client();
  await settle();
  good.text.insert(0, 'hello');
  await settle();
  const watcher = f.client();
  await settle();
  return { bad, good, watcher };
}

function text(client: TestClient): string {
  return client.text.toString();
}

describe('DocumentHub bad input', () => {
  it.each(badFrames)('closes only the sender of $name', async ({ frame, isBinary, code, reason }) => {
    const { bad, good, watcher } = await documentWithThreeClients();
    const appends = f.store.appendCalls.length;
    bad.socket.deliver(frame, isBinary ?? true);
    await settle();

    expect(bad.socket.closeCode).toBe(code);
    expect(good.socket.isClosed).toBe(false);
    expect(watcher.socket.isClosed).toBe(false);
    expect(f.store.appendCalls).toHaveLength(appends);
    expect(f.storedText()).toBe('hello');
    const warnings = f.logger.at('warn');
    expect(warnings).toHaveLength(1);
    expect(warnings[0].fields).toMatchObject({ connectionId: bad.connectionId, documentId: 'doc-1' });
    if (reason) expect(warnings[0].fields).toMatchObject({ reason });
    expect(f.hub.stats.connections).toBe(2);

    good.text.insert(5, ' world');
    await settle();
    expect(text(watcher)).toBe('hello world');
    expect(f.storedText()).toBe('hello world');
  });

  it('does not keep the rest of a gapped update pending for a later update to complete', async () => {
    const { bad, good, watcher } = await documentWithThreeClients();
    bad.socket.deliver(encodeUpdate(secondOfTwo));
    await settle();
    good.socket.deliver(encodeUpdate(firstOfTwo));
    await settle();
    expect(bad.socket.closeCode).toBe(CloseCode.UnsupportedData);
    expect(good.socket.isClosed).toBe(false);
    // Concurrent inserts at 0: Yjs orders them by client id, so only the content is certain.
    expect([...text(watcher)].sort().join('')).toBe([...'firsthello'].sort().join(''));
    expect(f.storedText()).toBe(text(watcher));
  });

  it('ignores frames that arrive after the server closed the connection', async () => {
    const { bad, watcher } = await documentWithThreeClients();
    bad.socket.deliver(new Uint8Array([7]));
    bad.socket.deliver(encodeUpdate(firstOfTwo));
    await settle();
    expect(text(watcher)).toBe('hello');
    expect(f.logger.at('warn')).toHaveLength(1);
  });
});
