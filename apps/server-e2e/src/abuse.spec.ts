import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { setUpAdmin, type Account } from './access';
import { closeCodeOf, encodeFrame, Opcode, rawUpgrade, serverFrames, type RawConnection } from './raw-websocket';
import { startServer, temporaryDataDir, type ServerProcess } from './server-process';
import { connectStockClient, contentOf, eventually, synced } from './stock-client';

/** Pings every 300 ms, so that a client that never answers is dropped within a test's patience. */
const PING_INTERVAL_MS = 300;

describe('raw WebSocket abuse', () => {
  const data = temporaryDataDir();
  let server: ServerProcess;
  let admin: Account;
  const sockets: RawConnection[] = [];

  beforeAll(async () => {
    server = await startServer({ dataDir: data.dir, env: { PING_INTERVAL_MS: String(PING_INTERVAL_MS) } });
    admin = await setUpAdmin(server);
    // Each abuse comes with valid credentials for an existing document: what is refused is the abuse.
    for (const id of ['abuse-many-headers', 'abuse-protocol', 'abuse-rsv', 'abuse-unmasked', 'abuse-fragments', 'abuse-half-open']) {
      await admin.createDocument(id);
    }
  });

  afterAll(async () => {
    for (const connection of sockets) connection.socket.destroy();
    await server?.stop();
    data.remove();
  });

  /** After every abuse the server still answers, and a stock client still syncs an edit. */
  afterEach(async () => {
    expect((await fetch(`${server.httpUrl}/health/live`)).status).toBe(200);
    const documentId = await admin.createDocument();
    const writer = connectStockClient(server.wsUrl, documentId, { params: admin.params });
    const reader = connectStockClient(server.wsUrl, documentId, { params: admin.params });
    try {
      await Promise.all([synced(writer), synced(reader)]);
      const paragraph = new Y.XmlElement('paragraph');
      paragraph.insert(0, [new Y.XmlText('still here')]);
      writer.fragment.insert(0, [paragraph]);
      await eventually(() => contentOf(reader) === contentOf(writer), 'the edit reaches the other client');
    } finally {
      writer.destroy();
      reader.destroy();
    }
  });

  /** A raw upgrade of `/collab/<documentId>` with the API token. */
  const upgrade = async (documentId: string, headers: readonly string[] = []) => {
    const connection = await rawUpgrade(server.port, admin.socketPath(documentId), { headers });
    sockets.push(connection);
    return connection;
  };

  it('refuses an upgrade request with thousands of headers beyond the header size limit (431)', async () => {
    const headers = Array.from({ length: 5_000 }, (_, i) => `X-Abuse-${i}: ${'v'.repeat(10)}`);
    const connection = await upgrade('abuse-headers', headers);
    expect(connection.status).toBe(431);
  });

  it('serves an upgrade with 2,500 small headers within the size limit (Node keeps the first 2,000)', async () => {
    const headers = Array.from({ length: 2_500 }, (_, i) => `${i.toString(36)}:1`);
    expect(headers.join('\r\n').length).toBeLessThan(16 * 1024);
    const connection = await upgrade('abuse-many-headers', headers);
    expect(connection.status).toBe(101);
  });

  it('refuses a Sec-WebSocket-Protocol header of 100 kB (431), and survives a long valid list', async () => {
    const huge = await upgrade('abuse-protocol', [`Sec-WebSocket-Protocol: ${'p'.repeat(100_000)}`]);
    expect(huge.status).toBe(431);
    const list = Array.from({ length: 1_500 }, (_, i) => `p${i}`).join(', ');
    const long = await upgrade('abuse-protocol', [`Sec-WebSocket-Protocol: ${list}`]);
    expect([101, 400]).toContain(long.status);
  });

  it.each([
    ['RSV1', 0b100],
    ['RSV2', 0b010],
    ['RSV3', 0b001],
  ])('closes a connection that sends a frame with %s set (1002)', async (_name, rsv) => {
    const connection = await upgrade('abuse-rsv');
    expect(connection.status).toBe(101);
    const { frames, closed } = serverFrames(connection);
    connection.socket.write(encodeFrame({ opcode: Opcode.binary, rsv, payload: Uint8Array.from([3]) }));
    await closed;
    expect(closeCodeOf(frames)).toBe(1002);
  });

  it('closes a connection that sends an unmasked frame (1002)', async () => {
    const connection = await upgrade('abuse-unmasked');
    const { frames, closed } = serverFrames(connection);
    connection.socket.write(encodeFrame({ opcode: Opcode.binary, mask: false, payload: Uint8Array.from([3]) }));
    await closed;
    expect(closeCodeOf(frames)).toBe(1002);
  });

  it('closes a connection that sends 100,000 one-byte fragments of one message (1008)', async () => {
    const connection = await upgrade('abuse-fragments');
    const { frames, closed } = serverFrames(connection);
    let ended = false;
    void closed.then(() => (ended = true));
    // In batches well under the server's fragment limit (1,024), stopping once the server closes:
    // frames it never reads would make its kernel reset the connection, and the reset can discard
    // the close frame before it is read.
    for (let sent = 0; sent < 100_000 && !ended && closeCodeOf(frames) === undefined; ) {
      const batch: Buffer[] = [];
      for (const end = sent + 100; sent < end; sent++) {
        const payload = Uint8Array.from([0]);
        batch.push(encodeFrame({ opcode: sent === 0 ? Opcode.binary : Opcode.continuation, fin: sent === 99_999, payload }));
      }
      connection.socket.write(Buffer.concat(batch));
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    await closed;
    expect(closeCodeOf(frames)).toBe(1008);
  });

  it(`drops a half-open client that completes the upgrade, then never reads nor answers pings (PING_INTERVAL_MS=${PING_INTERVAL_MS})`, async () => {
    const connection = await upgrade('abuse-half-open');
    expect(connection.status).toBe(101);
    // Not reading (rawUpgrade leaves the socket paused): what the server sends, pings included,
    // stays in the kernel's buffers.
    let ended = false;
    connection.socket.once('end', () => (ended = true));
    connection.socket.once('close', () => (ended = true));
    connection.socket.on('error', () => (ended = true));
    // Two intervals without a pong are enough for the server to give up; wait a few more.
    await new Promise((resolve) => setTimeout(resolve, PING_INTERVAL_MS * 6));
    const { frames } = serverFrames(connection);
    await eventually(() => ended, 'the server dropped the silent client', 2_000);
    expect(frames.some((frame) => frame.opcode === Opcode.ping)).toBe(true);
  });
});
