import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { WebSocket } from 'ws';
import { setUpAdmin, type Account } from './access';
import { startServer, temporaryDataDir, type ServerProcess } from './server-process';
import { connectStockClient, contentOf, eventually, synced, type StockClient } from './stock-client';

function typeParagraph(client: StockClient, text: string): void {
  const paragraph = new Y.XmlElement('paragraph');
  paragraph.insert(0, [new Y.XmlText(text)]);
  client.fragment.insert(client.fragment.length, [paragraph]);
}

describe('documents survive restarts', () => {
  const data = temporaryDataDir();
  const clients: StockClient[] = [];
  let server: ServerProcess | undefined;
  // One DATA_DIR for the file, so one administrator: made on the first start, kept across restarts
  // (the database and the generated AUTH_SECRET both live in DATA_DIR).
  let admin: Account | undefined;

  afterEach(async () => {
    for (const client of clients.splice(0)) client.destroy();
    await server?.kill();
  });

  /** Starts the server on the file's DATA_DIR; the API token made on the first start works on every later one. */
  async function start(): Promise<{ server: ServerProcess; admin: Account }> {
    server = await startServer({ dataDir: data.dir });
    admin = admin ? admin.at(server) : await setUpAdmin(server);
    return { server, admin };
  }

  function connect(documentId: string): StockClient {
    const client = connectStockClient(server!.wsUrl, documentId, { params: admin!.params });
    clients.push(client);
    return client;
  }

  it('a fresh client after a graceful restart sees the same document, and the stop says 1001', async () => {
    const started = await start();
    await started.admin.createDocument('restart');
    const writer = connect('restart');
    await synced(writer);
    for (let i = 0; i < 20; i++) typeParagraph(writer, `line ${i}`);
    const observer = connect('restart');
    await synced(observer);
    await eventually(() => contentOf(observer) === contentOf(writer), 'observer has every line');
    const before = contentOf(writer);

    const raw = new WebSocket(started.admin.socketUrl('restart'));
    await new Promise((resolve) => raw.once('open', resolve));
    const closeCode = new Promise<number>((resolve) => raw.once('close', (code) => resolve(code)));
    writer.provider.disconnect();
    observer.provider.disconnect();
    expect(await started.server.stop()).toBe(0);
    expect(await closeCode).toBe(1001);

    await start();
    const fresh = connect('restart');
    await synced(fresh);
    await eventually(() => contentOf(fresh) === before, 'fresh client sees the document as it was');
  });

  it('an update another client has seen survives kill -9', async () => {
    const started = await start();
    await started.admin.createDocument('crash');
    const writer = connect('crash');
    const observer = connect('crash');
    await Promise.all([synced(writer), synced(observer)]);
    typeParagraph(writer, 'seen before the crash');
    await eventually(() => contentOf(observer).includes('seen before the crash'), 'observer receives the edit');
    writer.destroy();
    observer.destroy();
    await started.server.kill();

    await start();
    const fresh = connect('crash');
    await synced(fresh);
    await eventually(() => contentOf(fresh).includes('seen before the crash'), 'the edit is still there');
  });

  it('lists a document with the title taken from its first line', async () => {
    const { admin } = await start();
    const created = await admin.request<{ id: string; title: string; role: string }>('POST', '/api/documents', {});
    expect(created.status).toBe(201);
    const { id } = created.body;
    expect(id).toMatch(/^[A-Za-z0-9_-]{1,128}$/);
    expect(created.body).toMatchObject({ title: '', role: 'owner' });

    const writer = connect(id);
    await synced(writer);
    typeParagraph(writer, 'Meeting notes');
    typeParagraph(writer, 'second line');
    const deadline = Date.now() + 10_000;
    let listed: { id: string; title: string; updatedAt: string } | undefined;
    while (Date.now() < deadline) {
      const list = await admin.request<{ owned: Array<{ id: string; title: string; updatedAt: string }> }>('GET', '/api/documents');
      listed = list.body.owned.find((document) => document.id === id);
      if (listed?.title === 'Meeting notes') break;
      await new Promise((r) => setTimeout(r, 50));
    }
    expect(listed?.title).toBe('Meeting notes');
    expect(Number.isNaN(Date.parse(listed?.updatedAt ?? ''))).toBe(false);
  });

  it('refuses to create a document by connecting to it: an unknown id closes with 4404 and stays unknown', async () => {
    const { admin } = await start();
    const stray = connect('never-created');
    const closed = await new Promise<{ code: number }>((resolve) => stray.provider.once('closed', (event) => resolve(event)));
    expect(closed.code).toBe(4404);
    expect(stray.provider.synced).toBe(false);
    // The id is still free: connecting created nothing.
    expect((await admin.request('POST', '/api/documents', { id: 'never-created' })).status).toBe(201);
  });
});
