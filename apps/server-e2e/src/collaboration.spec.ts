import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { setUpAdmin, type Account } from './access';
import { randomEdit, seededRandom } from './random-edits';
import { startServer, temporaryDataDir, type ServerProcess } from './server-process';
import { connectStockClient, contentOf, eventually, synced, type StockClient } from './stock-client';

describe('the stock y-websocket client against the server', () => {
  const data = temporaryDataDir();
  let server: ServerProcess;
  let admin: Account;
  const clients: StockClient[] = [];

  beforeAll(async () => {
    server = await startServer({ dataDir: data.dir });
    admin = await setUpAdmin(server);
    for (const id of ['converge', 'apart-a', 'apart-b', 'presence']) await admin.createDocument(id);
  });

  afterAll(async () => {
    for (const client of clients) client.destroy();
    await server?.stop();
    data.remove();
  });

  function connect(documentId: string): StockClient {
    const client = connectStockClient(server.wsUrl, documentId, { params: admin.params });
    clients.push(client);
    return client;
  }

  it('several clients converge on random concurrent edits to the prosemirror fragment', async () => {
    const seed = Number(process.env.QUIRE_TEST_SEED ?? Date.now() % 100_000);
    const random = seededRandom(seed);
    const writers = [connect('converge'), connect('converge'), connect('converge'), connect('converge')];
    await Promise.all(writers.map((client) => synced(client)));

    for (let round = 0; round < 40; round++) {
      // Every writer edits before anything is exchanged, so edits are truly concurrent.
      writers.forEach((client, index) => randomEdit(client.fragment, random, `c${index}r${round}`));
      if (round % 5 === 0) await new Promise((r) => setImmediate(r));
    }

    const same = () => {
      const first = contentOf(writers[0]);
      return writers.every((client) => contentOf(client) === first);
    };
    await eventually(same, `4 clients converge (seed ${seed})`);
    expect(contentOf(writers[0]).length, `seed ${seed}`).toBeGreaterThan(0);

    const late = connect('converge');
    await synced(late);
    await eventually(() => contentOf(late) === contentOf(writers[0]), 'a late joiner receives the whole document');
    for (const client of writers) {
      expect(Y.encodeStateVector(client.doc)).toEqual(Y.encodeStateVector(writers[0].doc));
    }
  });

  it('keeps documents apart', async () => {
    const a = connect('apart-a');
    const b = connect('apart-b');
    await Promise.all([synced(a), synced(b)]);
    const paragraph = new Y.XmlElement('paragraph');
    paragraph.insert(0, [new Y.XmlText('only in a')]);
    a.fragment.insert(0, [paragraph]);
    const a2 = connect('apart-a');
    await synced(a2);
    await eventually(() => contentOf(a2).includes('only in a'), 'second client of a sees it');
    expect(contentOf(b)).toBe('');
  });

  it('relays awareness and removes it when a client leaves', async () => {
    const ada = connect('presence');
    const grace = connect('presence');
    await Promise.all([synced(ada), synced(grace)]);
    // The server relays only states that carry the connection's own user (the API token's).
    ada.provider.awareness.setLocalStateField('user', admin.awareness('#aa3355').user);
    const adaId = ada.doc.clientID;
    await eventually(
      () => (grace.provider.awareness.getStates().get(adaId) as { user?: { name?: string } } | undefined)?.user?.name === admin.user.name,
      'Grace sees Ada',
    );
    ada.provider.disconnect();
    await eventually(() => !grace.provider.awareness.getStates().has(adaId), 'Ada disappears for Grace');
  });
});
