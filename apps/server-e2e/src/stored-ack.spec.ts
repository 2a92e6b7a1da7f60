import { findRedisServer, RedisServer } from '@quire/bus/testing';
import { randomBytes } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import * as Y from 'yjs';
import { setUpAdmin } from './access';
import { connectAcknowledgingClient, ownClock, type AcknowledgingClient } from './acknowledging-client';
import { startCluster, type Cluster } from './cluster';
import { startServer, temporaryDataDir, type ServerProcess } from './server-process';
import { connectStockClient, contentOf, eventually, synced, type StockClient } from './stock-client';
import { startTcpProxy, type TcpProxy } from './tcp-proxy';
import { createTestDatabase, postgresUnavailableReason, type TestDatabase } from './test-database';

const postgresSkipReason = await postgresUnavailableReason('stored acknowledgements on PostgreSQL');
const redisAvailable = await findRedisServer('stored acknowledgements across instances');
process.setMaxListeners(32);

function typeParagraph(client: StockClient, text: string): void {
  const paragraph = new Y.XmlElement('paragraph');
  paragraph.insert(0, [new Y.XmlText(text)]);
  client.fragment.insert(client.fragment.length, [paragraph]);
}

/** A stock client whose socket records the type byte of every frame the server sends it. */
function connectRecordingStockClient(wsUrl: string, documentId: string, params: Record<string, string>): StockClient & { readonly types: number[] } {
  const types: number[] = [];
  class RecordingSocket extends WebSocket {
    constructor(...args: ConstructorParameters<typeof WebSocket>) {
      super(...args);
      this.on('message', (data: ArrayBuffer | Buffer) => types.push(new Uint8Array(data)[0] ?? -1));
    }
  }
  const client = connectStockClient(wsUrl, documentId, { params, WebSocketPolyfill: RecordingSocket as unknown as typeof globalThis.WebSocket });
  return { ...client, types };
}

/** Types, waits until everything is acknowledged, and checks the acknowledged clock is exactly the client's own. */
async function typeAndExpectExactAck(client: AcknowledgingClient, text: string): Promise<void> {
  typeParagraph(client, text);
  await eventually(() => client.allStored() && client.clocks.get(client.doc.clientID) === ownClock(client), `"${text}" acknowledged`);
  expect(client.through()).toBe(client.sent());
  expect(client.clocks.get(client.doc.clientID)).toBe(ownClock(client));
}

for (const flavour of ['SQLite', 'PostgreSQL'] as const) {
  describe.skipIf(flavour === 'PostgreSQL' && postgresSkipReason !== undefined)(`stored acknowledgements on ${flavour}`, () => {
    let server: ServerProcess | undefined;
    let database: TestDatabase | undefined;
    const clients: StockClient[] = [];
    const data = temporaryDataDir();

    afterAll(async () => {
      for (const client of clients) client.destroy();
      await server?.stop();
      await database?.drop();
      data.remove();
    });

    it('reach the client that asked with its exact clocks, and nothing changes for a stock client beside it', async () => {
      database = flavour === 'PostgreSQL' ? await createTestDatabase('stored_ack') : undefined;
      server = await startServer({ dataDir: data.dir, env: database ? { DATABASE_URL: database.url } : {} });
      const admin = await setUpAdmin(server);
      await admin.createDocument('acks');
      const stock = connectRecordingStockClient(server.wsUrl, 'acks', admin.params);
      const asking = connectAcknowledgingClient(server.wsUrl, 'acks', { params: admin.params });
      clients.push(stock, asking);
      await Promise.all([synced(stock), synced(asking)]);

      await typeAndExpectExactAck(asking, 'first');
      await typeAndExpectExactAck(asking, 'second');
      // A deletion moves no clock; the frame count still covers it.
      asking.fragment.delete(0, 1);
      await eventually(() => asking.allStored(), 'the deletion is acknowledged');
      typeParagraph(stock, 'from the stock client');
      await eventually(() => contentOf(asking) === contentOf(stock) && contentOf(stock).includes('from the stock client'), 'both converge');
      await eventually(() => contentOf(stock) === '<paragraph>second</paragraph><paragraph>from the stock client</paragraph>', 'stock sees all');

      // The stock client saw only the standard messages (0 sync, 1 awareness), never a 4.
      expect(stock.types.length).toBeGreaterThan(3);
      expect(stock.types.filter((type) => type !== 0 && type !== 1)).toEqual([]);
      // What was acknowledged is really stored: a fresh client reads it after a restart.
      await server.stop();
      server = await startServer({ dataDir: data.dir, env: database ? { DATABASE_URL: database.url } : {} });
      const fresh = connectStockClient(server.wsUrl, 'acks', { params: admin.at(server).params });
      clients.push(fresh);
      await synced(fresh);
      expect(contentOf(fresh)).toBe('<paragraph>second</paragraph><paragraph>from the stock client</paragraph>');
    });
  });
}

describe.skipIf(postgresSkipReason !== undefined)('stored acknowledgements while PostgreSQL is unreachable', () => {
  let database: TestDatabase | undefined;
  let proxy: TcpProxy | undefined;
  let server: ServerProcess | undefined;
  const clients: StockClient[] = [];
  const data = temporaryDataDir();

  afterAll(async () => {
    for (const client of clients) client.destroy();
    await server?.kill();
    await proxy?.close();
    await database?.drop();
    data.remove();
  });

  it('are withheld while the edits are held, and arrive once they are finally stored', { timeout: 60_000 }, async () => {
    database = await createTestDatabase('stored_ack_outage');
    proxy = await startTcpProxy(Number(new URL(database.url).port || 5432));
    const viaProxy = new URL(database.url);
    viaProxy.port = String(proxy.port);
    server = await startServer({ dataDir: data.dir, env: { DATABASE_URL: viaProxy.toString() } });
    const admin = await setUpAdmin(server);
    await admin.createDocument('outage');
    const writer = connectAcknowledgingClient(server.wsUrl, 'outage', { params: admin.params });
    clients.push(writer);
    await synced(writer);
    await typeAndExpectExactAck(writer, 'before the outage');

    await proxy.cut();
    const acknowledgedBefore = writer.clocks.get(writer.doc.clientID);
    typeParagraph(writer, 'during the outage');
    // Long enough for several failed appends (100 ms doubling): none of them may be acknowledged.
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    expect(writer.provider.wsconnected).toBe(true);
    expect(writer.allStored()).toBe(false);
    expect(writer.clocks.get(writer.doc.clientID)).toBe(acknowledgedBefore);

    await proxy.restore();
    await eventually(() => writer.allStored(), 'the held edit is acknowledged once stored', 20_000);
    expect(writer.clocks.get(writer.doc.clientID)).toBe(ownClock(writer));
  });
});

describe.skipIf(postgresSkipReason !== undefined || !redisAvailable)('stored acknowledgements across two instances', () => {
  let database: TestDatabase;
  let redis: RedisServer;
  let cluster: Cluster;
  const clients: StockClient[] = [];

  afterAll(async () => {
    for (const client of clients) client.destroy();
    await cluster?.stop();
    await redis?.stop();
    await database?.drop();
  });

  it('come from the instance each client is connected to, for its own client id only', { timeout: 60_000 }, async () => {
    database = await createTestDatabase('stored_ack_multi');
    redis = await RedisServer.start();
    cluster = await startCluster(2, { DATABASE_URL: database.url, REDIS_URL: redis.url, AUTH_SECRET: randomBytes(32).toString('base64url') });
    const [first, second] = cluster.instances;
    const admin = await setUpAdmin(first!);
    await admin.createDocument('spread');
    const onFirst = connectAcknowledgingClient(first!.wsUrl, 'spread', { params: admin.params });
    const onSecond = connectAcknowledgingClient(second!.wsUrl, 'spread', { params: admin.at(second!).params });
    clients.push(onFirst, onSecond);
    await Promise.all([synced(onFirst), synced(onSecond)]);

    await typeAndExpectExactAck(onFirst, 'typed at the first');
    await eventually(() => contentOf(onSecond).includes('typed at the first'), 'the second instance relays it');
    await typeAndExpectExactAck(onSecond, 'typed at the second');
    await eventually(() => contentOf(onFirst).includes('typed at the second'), 'the first instance relays it');

    expect([...onFirst.clocks.keys()]).toEqual([onFirst.doc.clientID]);
    expect([...onSecond.clocks.keys()]).toEqual([onSecond.doc.clientID]);
  });
});
