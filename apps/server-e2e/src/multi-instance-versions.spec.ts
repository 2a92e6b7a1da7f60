import { findRedisServer, RedisServer } from '@quire/bus/testing';
import { Version, VersionList } from '@quire/api-contract';
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setUpAdmin, signUp, type Account } from './access';
import { startCluster, type Cluster } from './cluster';
import { connectStockClient, eventually, synced, type StockClient } from './stock-client';
import { createTestDatabase, postgresUnavailableReason, type TestDatabase } from './test-database';
import { addParagraphs, paragraphs, PASSWORD, VERSION_TIMING } from './versions-fixture';

/** Long enough that the burst below never goes quiet halfway, even on a busy machine. */
const VERSION_IDLE_MS = 2_000;

// Both must run in CI (each helper throws there when its server is missing); elsewhere, skipped with the reason printed.
const postgresSkipReason = await postgresUnavailableReason('multi-instance versions');
const redisAvailable = await findRedisServer('multi-instance versions');

/**
 * Versions across two instances on one PostgreSQL database and one Redis: a burst edited on both
 * is recorded once (the database's compare-and-set decides), a version made at one is listed and
 * opened at the other, and a restore made at one reaches the clients of the other.
 */
describe.skipIf(postgresSkipReason !== undefined || !redisAvailable)('versions across two instances on PostgreSQL and Redis', () => {
  let database: TestDatabase;
  let redis: RedisServer;
  let cluster: Cluster;
  let admin: Account;
  let bob: Account;
  const clients: StockClient[] = [];

  beforeAll(async () => {
    database = await createTestDatabase('multi_versions');
    redis = await RedisServer.start();
    cluster = await startCluster(2, { DATABASE_URL: database.url, REDIS_URL: redis.url, AUTH_SECRET: randomBytes(32).toString('base64url'), ...VERSION_TIMING, VERSION_IDLE_MS: String(VERSION_IDLE_MS) });
    admin = await setUpAdmin(cluster.instances[0]);
    bob = (await signUp(cluster.instances[0], { email: 'bob@example.com', name: 'Bob', password: PASSWORD })).at(cluster.instances[1]);
  });

  afterAll(async () => {
    for (const client of clients) client.destroy();
    await cluster?.stop();
    await redis?.stop();
    await database?.drop();
  });

  async function sharedDocument(): Promise<string> {
    const id = await admin.createDocument();
    expect((await admin.request('POST', `/api/documents/${id}/members`, { email: 'bob@example.com', role: 'editor' })).status).toBe(201);
    return id;
  }

  async function connect(account: Account, instance: number, documentId: string): Promise<StockClient> {
    const client = connectStockClient(cluster.instances[instance].wsUrl, documentId, { params: account.params });
    clients.push(client);
    await synced(client);
    return client;
  }

  async function versions(account: Account, documentId: string): Promise<Version[]> {
    const answer = await account.request('GET', `/api/documents/${documentId}/versions`);
    expect(answer.status, answer.text).toBe(200);
    return VersionList.parse(answer.body).versions;
  }

  it('records a burst edited on both instances once, with both editors, and both instances list it', { timeout: 60_000 }, async () => {
    const id = await sharedDocument();
    const [ada, bobby] = [await connect(admin, 0, id), await connect(bob, 1, id)];
    for (let round = 0; round < 5; round++) {
      addParagraphs(ada, `ada ${round}`);
      addParagraphs(bobby, `bob ${round}`);
      await eventually(() => paragraphs(ada.doc).length === 2 * (round + 1) && paragraphs(bobby.doc).length === 2 * (round + 1), 'both instances relay');
    }
    await eventually(() => JSON.stringify(paragraphs(ada.doc)) === JSON.stringify(paragraphs(bobby.doc)), 'the clients converge');
    // Both instances' timers fire at the end of the burst; only one version may come of it.
    await new Promise((resolve) => setTimeout(resolve, VERSION_IDLE_MS * 4));

    const [atA, atB] = [await versions(admin, id), await versions(bob, id)];
    expect(atA).toHaveLength(1);
    expect(atB).toEqual(atA);
    expect(atA[0].authors.map((author) => author.name).sort()).toEqual(['Ada Admin', 'Bob']);
    const text = await bob.request('GET', `/api/documents/${id}/versions/${atA[0].id}?format=text`);
    expect(text.text).toBe(`${paragraphs(ada.doc).join('\n')}\n`);
  });

  it('a version named at one instance opens at the other, and a restore made at one reaches the clients of the other', { timeout: 60_000 }, async () => {
    const id = await sharedDocument();
    const [ada, bobby] = [await connect(admin, 0, id), await connect(bob, 1, id)];
    addParagraphs(ada, 'first');
    await eventually(() => paragraphs(bobby.doc).join() === 'first', 'bob has it');
    const named = await admin.request('POST', `/api/documents/${id}/versions`, { name: 'First' });
    expect(named.status, named.text).toBe(201);
    const version = Version.parse(named.body);
    addParagraphs(bobby, 'second');
    await eventually(() => paragraphs(ada.doc).join() === 'first,second', 'ada has it');

    const atB = await bob.request('GET', `/api/documents/${id}/versions/${version.id}?format=text`);
    expect(atB.text).toBe('first\n');
    const restored = await admin.request('POST', `/api/documents/${id}/versions/${version.id}/restore`);
    expect(restored.status, restored.text).toBe(200);

    await eventually(() => paragraphs(bobby.doc).join() === 'first' && paragraphs(ada.doc).join() === 'first', 'the restore reaches the client at the other instance', 5_000);
    expect((await versions(bob, id)).filter((listed) => listed.kind !== 'auto').map((listed) => listed.kind)).toEqual(['restore', 'before-restore', 'named']);
  });
});
