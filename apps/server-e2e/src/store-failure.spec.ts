import { afterAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { setUpAdmin } from './access';
import { upgradeStatus } from './ws-probe';
import { startServer, temporaryDataDir, type ServerProcess } from './server-process';
import { connectStockClient, contentOf, eventually, synced, type StockClient } from './stock-client';
import { startTcpProxy, type TcpProxy } from './tcp-proxy';
import { createTestDatabase, postgresUnavailableReason, type TestDatabase } from './test-database';

const skipReason = await postgresUnavailableReason();

function typeParagraph(client: StockClient, text: string): void {
  const paragraph = new Y.XmlElement('paragraph');
  paragraph.insert(0, [new Y.XmlText(text)]);
  client.fragment.insert(client.fragment.length, [paragraph]);
}

async function healthOf(server: ServerProcess): Promise<{ status: number; body: { status: string; database: string } }> {
  const response = await fetch(`${server.httpUrl}/health`);
  return { status: response.status, body: (await response.json()) as { status: string; database: string } };
}

describe.skipIf(skipReason !== undefined)('the database goes away and comes back', () => {
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

  it('holds edits back while PostgreSQL is unreachable, reports it, and stores and relays them once it returns', { timeout: 60_000 }, async () => {
    database = await createTestDatabase('outage');
    proxy = await startTcpProxy(Number(new URL(database.url).port || 5432));
    const viaProxy = new URL(database.url);
    viaProxy.port = String(proxy.port);
    server = await startServer({ dataDir: data.dir, env: { DATABASE_URL: viaProxy.toString() } });
    let admin = await setUpAdmin(server);
    await admin.createDocument('outage');

    const writer = connectStockClient(server.wsUrl, 'outage', { params: admin.params });
    const reader = connectStockClient(server.wsUrl, 'outage', { params: admin.params });
    clients.push(writer, reader);
    await Promise.all([synced(writer), synced(reader)]);
    typeParagraph(writer, 'before the outage');
    await eventually(() => contentOf(reader).includes('before the outage'), 'reader sees the first edit');

    await proxy.cut();
    typeParagraph(writer, 'during the outage');
    const health = await (async () => {
      for (;;) {
        const current = await healthOf(server!);
        if (current.status === 503) return current;
        await new Promise((r) => setTimeout(r, 50));
      }
    })();
    expect(health.body).toMatchObject({ status: 'unavailable', database: 'down' });
    // Not stored, so not relayed.
    expect(contentOf(reader)).not.toContain('during the outage');

    // A new socket's credentials cannot be checked without the database: refused at the upgrade,
    // before any document byte. Open sockets were let in earlier and stay (the writer, the reader).
    expect(await upgradeStatus(admin.socketUrl('outage'))).toBe(503);
    expect(writer.provider.wsconnected && reader.provider.wsconnected).toBe(true);

    await proxy.restore();
    await eventually(() => contentOf(reader).includes('during the outage'), 'reader receives the held edit', 20_000);
    await eventually(() => contentOf(reader) === contentOf(writer), 'writer and reader converge');
    expect((await healthOf(server)).status).toBe(200);

    writer.destroy();
    reader.destroy();
    await server.stop();
    server = await startServer({ dataDir: data.dir, env: { DATABASE_URL: viaProxy.toString() } });
    admin = admin.at(server);
    const fresh = connectStockClient(server.wsUrl, 'outage', { params: admin.params });
    clients.push(fresh);
    await synced(fresh);
    const text = contentOf(fresh);
    expect(text.match(/before the outage/g)).toHaveLength(1);
    expect(text.match(/during the outage/g)).toHaveLength(1);
  });
});
