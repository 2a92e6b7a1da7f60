import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { WebSocket } from 'ws';
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

  afterEach(async () => {
    for (const client of clients.splice(0)) client.destroy();
    await server?.kill();
  });

  it('a fresh client after a graceful restart sees the same document, and the stop says 1001', async () => {
    server = await startServer({ dataDir: data.dir });
    const writer = connectStockClient(server.wsUrl, 'restart');
    clients.push(writer);
    await synced(writer);
    for (let i = 0; i < 20; i++) typeParagraph(writer, `line ${i}`);
    const observer = connectStockClient(server.wsUrl, 'restart');
    clients.push(observer);
    await synced(observer);
    await eventually(() => contentOf(observer) === contentOf(writer), 'observer has every line');
    const before = contentOf(writer);

    const raw = new WebSocket(`${server.wsUrl}/restart`);
    await new Promise((resolve) => raw.once('open', resolve));
    const closeCode = new Promise<number>((resolve) => raw.once('close', (code) => resolve(code)));
    writer.provider.disconnect();
    observer.provider.disconnect();
    expect(await server.stop()).toBe(0);
    expect(await closeCode).toBe(1001);

    server = await startServer({ dataDir: data.dir });
    const fresh = connectStockClient(server.wsUrl, 'restart');
    clients.push(fresh);
    await synced(fresh);
    await eventually(() => contentOf(fresh) === before, 'fresh client sees the document as it was');
  });

  it('an update another client has seen survives kill -9', async () => {
    server = await startServer({ dataDir: data.dir });
    const writer = connectStockClient(server.wsUrl, 'crash');
    const observer = connectStockClient(server.wsUrl, 'crash');
    clients.push(writer, observer);
    await Promise.all([synced(writer), synced(observer)]);
    typeParagraph(writer, 'seen before the crash');
    await eventually(() => contentOf(observer).includes('seen before the crash'), 'observer receives the edit');
    writer.destroy();
    observer.destroy();
    await server.kill();

    server = await startServer({ dataDir: data.dir });
    const fresh = connectStockClient(server.wsUrl, 'crash');
    clients.push(fresh);
    await synced(fresh);
    await eventually(() => contentOf(fresh).includes('seen before the crash'), 'the edit is still there');
  });

  it('lists a document with the title taken from its first line', async () => {
    server = await startServer({ dataDir: data.dir });
    const created = await fetch(`${server.httpUrl}/api/documents`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{}',
    });
    expect(created.status).toBe(201);
    const { id } = (await created.json()) as { id: string };
    expect(id).toMatch(/^[A-Za-z0-9_-]{1,128}$/);

    const writer = connectStockClient(server.wsUrl, id);
    clients.push(writer);
    await synced(writer);
    typeParagraph(writer, 'Meeting notes');
    typeParagraph(writer, 'second line');
    const deadline = Date.now() + 10_000;
    let listed: { id: string; title: string; updatedAt: string } | undefined;
    while (Date.now() < deadline) {
      const list = (await (await fetch(`${server.httpUrl}/api/documents`)).json()) as {
        documents: Array<{ id: string; title: string; updatedAt: string }>;
      };
      listed = list.documents.find((document) => document.id === id);
      if (listed?.title === 'Meeting notes') break;
      await new Promise((r) => setTimeout(r, 50));
    }
    expect(listed?.title).toBe('Meeting notes');
    expect(Number.isNaN(Date.parse(listed?.updatedAt ?? ''))).toBe(false);
  });
});
