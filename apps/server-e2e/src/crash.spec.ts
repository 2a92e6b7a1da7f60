import { afterAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { setUpAdmin, type Account } from './access';
import { containsState } from './observed-state';
import { randomEdit, seededRandom } from './random-edits';
import { startServer, temporaryDataDir, type ServerProcess } from './server-process';
import { connectStockClient, eventually, synced, type StockClient } from './stock-client';
import { createTestDatabase, postgresUnavailableReason, type TestDatabase } from './test-database';

const KILL_POINTS = 10;
const postgresSkipReason = await postgresUnavailableReason();

interface Backend {
  readonly name: string;
  readonly skip: boolean;
  env(): Promise<Record<string, string>>;
}

const databases: TestDatabase[] = [];
const dataDirs: Array<{ remove: () => void }> = [];

const backends: Backend[] = [
  { name: 'SQLite', skip: false, env: async () => ({}) },
  {
    name: 'PostgreSQL',
    skip: postgresSkipReason !== undefined,
    env: async () => {
      const database = await createTestDatabase('crash');
      databases.push(database);
      return { DATABASE_URL: database.url };
    },
  },
];

afterAll(async () => {
  for (const database of databases) await database.drop();
  for (const dir of dataDirs) dir.remove();
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Items a document holds from every client: the sum of its state vector's clocks. */
function itemsIn(doc: Y.Doc): number {
  let total = 0;
  for (const clock of Y.decodeStateVector(Y.encodeStateVector(doc)).values()) total += clock;
  return total;
}

for (const backend of backends) {
  describe.skipIf(backend.skip)(`${backend.name}: kill -9 during bursts of edits`, () => {
    // About 3 minutes on a busy 2-core machine: twenty server starts, and every kill waits for edits to flow.
    it(`loses no update that an observer had received, across ${KILL_POINTS} kill points`, { timeout: 360_000 }, async () => {
      const seed = Number(process.env.QUIRE_TEST_SEED ?? Date.now() % 100_000);
      const random = seededRandom(seed);
      const data = temporaryDataDir();
      dataDirs.push(data);
      // Compact often, so that some kills land during a compaction.
      const env = { ...(await backend.env()), COMPACT_AFTER_UPDATES: '40' };
      let observedTotal = 0;
      // Made on the first start; the database and DATA_DIR (with the generated AUTH_SECRET) outlive every kill.
      let admin: Account | undefined;

      for (let point = 0; point < KILL_POINTS; point++) {
        const server: ServerProcess = await startServer({ dataDir: data.dir, env });
        if (!admin) {
          admin = await setUpAdmin(server);
          await admin.createDocument('crash');
        }
        const { params } = admin;
        const writers = [connectStockClient(server.wsUrl, 'crash', { params }), connectStockClient(server.wsUrl, 'crash', { params })];
        const observer = connectStockClient(server.wsUrl, 'crash', { params });
        const clients: StockClient[] = [...writers, observer];
        await Promise.all(clients.map((client) => synced(client)));
        // What the observer holds, in items (characters, paragraphs) counted by the state vector's
        // clocks: the server merges what one turn relays into one update, so updates are not counted.
        const before = itemsIn(observer.doc);

        let typing = true;
        const burst = (async () => {
          for (let i = 0; typing; i++) {
            randomEdit(writers[i % 2].fragment, random, `k${point}w${i % 2}`);
            if (i % 4 === 3) await sleep(1);
          }
        })();
        // Killed at a random moment once edits flow (the first relay waits for a cold server's
        // first commits, long on a busy machine): updates are then in flight at every kill point.
        await eventually(() => itemsIn(observer.doc) > before, 'the observer receives the first edits', 20_000);
        await sleep(Math.floor(random() * 400));
        await server.kill();
        typing = false;
        await burst;
        await eventually(() => !observer.provider.wsconnected, 'observer notices the server is gone');
        const observed = Y.encodeStateAsUpdate(observer.doc);
        observedTotal += itemsIn(observer.doc) - before;
        for (const client of clients) client.destroy();

        const restarted = await startServer({ dataDir: data.dir, env });
        const fresh = connectStockClient(restarted.wsUrl, 'crash', { params });
        await synced(fresh);
        expect(containsState(fresh.doc, observed), `kill point ${point}, seed ${seed}: observed updates lost`).toBe(true);
        fresh.destroy();
        await restarted.stop();
      }
      // The test means something only if observers saw edits before the kills.
      expect(observedTotal, `seed ${seed}`).toBeGreaterThan(KILL_POINTS * 5);
    });
  });
}

describe('20 graceful restarts with clients attached', () => {
  it('leave the document unchanged, with nothing duplicated', { timeout: 240_000 }, async () => {
    const data = temporaryDataDir();
    dataDirs.push(data);
    let server = await startServer({ dataDir: data.dir });
    const admin = await setUpAdmin(server);
    await admin.createDocument('restarts');
    const port = server.port;
    // Quick reconnects keep the 20 restarts short; the stock default backs off up to 2.5 s. The
    // stock client reconnects with the same URL: the API token, which every restart accepts.
    const reconnectQuickly = { maxBackoffTime: 300, params: admin.params };
    const clients = [
      connectStockClient(server.wsUrl, 'restarts', reconnectQuickly),
      connectStockClient(server.wsUrl, 'restarts', reconnectQuickly),
    ];
    await Promise.all(clients.map((client) => synced(client)));
    for (let i = 0; i < 30; i++) {
      const paragraph = new Y.XmlElement('paragraph');
      paragraph.insert(0, [new Y.XmlText(`line ${i}`)]);
      clients[i % 2].fragment.insert(clients[i % 2].fragment.length, [paragraph]);
    }
    await eventually(
      () => clients[0].fragment.length === 30 && clients[1].fragment.toString() === clients[0].fragment.toString(),
      'both clients hold all 30 lines',
    );
    const expected = clients[0].fragment.toString();

    for (let restart = 0; restart < 20; restart++) {
      await server.stop();
      server = await startServer({ dataDir: data.dir, port });
      await eventually(() => clients.every((client) => client.provider.wsconnected && client.provider.synced), `clients reconnect after restart ${restart}`, 20_000);
      const fresh = connectStockClient(server.wsUrl, 'restarts', { params: admin.params });
      await synced(fresh);
      expect(fresh.fragment.toString(), `after restart ${restart}`).toBe(expected);
      expect(fresh.fragment.length).toBe(30);
      fresh.destroy();
    }
    for (const client of clients) {
      expect(client.fragment.toString()).toBe(expected);
      client.destroy();
    }
    await server.stop();
  });
});
