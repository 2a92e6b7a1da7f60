import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { setUpAdmin, type Account } from './access';
import { closeCode, openSocket, upgradeStatus } from './ws-probe';
import { startServer, temporaryDataDir, type ServerProcess } from './server-process';
import { connectStockClient, contentOf, eventually, synced, type StockClient } from './stock-client';

describe('what the server refuses', () => {
  const data = temporaryDataDir();
  let server: ServerProcess;
  let admin: Account;
  const clients: StockClient[] = [];

  beforeAll(async () => {
    server = await startServer({ dataDir: data.dir, env: { ALLOWED_ORIGINS: 'http://localhost:3000', MAX_MESSAGE_BYTES: '65536' } });
    admin = await setUpAdmin(server);
    for (const id of ['doc', 'malformed', 'big']) await admin.createDocument(id);
  });

  function connect(documentId: string): StockClient {
    const client = connectStockClient(server.wsUrl, documentId, { params: admin.params });
    clients.push(client);
    return client;
  }

  afterAll(async () => {
    for (const client of clients) client.destroy();
    await server?.stop();
    data.remove();
  });

  it('answers /health with the state of its parts', async () => {
    const response = await fetch(`${server.httpUrl}/health`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok', database: 'ok', redis: 'disabled' });
    expect((await fetch(`${server.httpUrl}/health/live`)).status).toBe(200);
  });

  it('refuses foreign origins, bad ids and other paths at the upgrade', async () => {
    // Valid credentials do not let a foreign origin in: the origin is checked first.
    expect(await upgradeStatus(admin.socketUrl('doc'), { Origin: 'https://evil.example' })).toBe(403);
    expect(await upgradeStatus(admin.socketUrl('doc'), { Origin: 'http://localhost:3000' })).toBe(101);
    expect(await upgradeStatus(admin.socketUrl('bad.id'))).toBe(400);
    expect(await upgradeStatus(`ws://127.0.0.1:${server.port}/elsewhere?token=${admin.bearer}`)).toBe(404);
  });

  it('asks an outdated editor to reload with 4426', async () => {
    const socket = await openSocket(`${admin.socketUrl('doc')}&schema=0`);
    expect(await closeCode(socket)).toBe(4426);
  });

  it('closes only the connection that sent a malformed frame, and the document is unchanged', async () => {
    const good = connect('malformed');
    await synced(good);
    const paragraph = new Y.XmlElement('paragraph');
    paragraph.insert(0, [new Y.XmlText('canary')]);
    good.fragment.insert(0, [paragraph]);
    const before = contentOf(good);

    for (const frame of [Uint8Array.from([0, 2, 200, 1]), Uint8Array.from([9, 9, 9]), Uint8Array.from([])]) {
      const bad = await openSocket(admin.socketUrl('malformed'));
      const code = closeCode(bad);
      bad.send(frame);
      expect(await code).toBe(1002);
    }
    const text = await openSocket(admin.socketUrl('malformed'));
    const textCode = closeCode(text);
    text.send('hello');
    expect(await textCode).toBe(1003);

    const fresh = connect('malformed');
    await synced(fresh);
    await eventually(() => contentOf(fresh) === before, 'a fresh client sees the canary unchanged');
    expect(good.provider.wsconnected).toBe(true);
  });

  it('closes a connection whose frame is larger than MAX_MESSAGE_BYTES with 1009', async () => {
    const socket = await openSocket(admin.socketUrl('big'));
    const code = closeCode(socket);
    socket.send(new Uint8Array(70_000));
    expect(await code).toBe(1009);
    const after = await fetch(`${server.httpUrl}/health`);
    expect(after.status).toBe(200);
  });
});
