import { findRedisServer, RedisServer } from '@quire/bus/testing';
import { createQuireClient } from '@quire/api-contract';
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { setUpAdmin, signUp, type Account } from './access';
import { startCluster, type Cluster } from './cluster';
import { rawRequest } from './content-fixture';
import { connectStockClient, eventually, synced, type StockClient } from './stock-client';
import { createTestDatabase, postgresUnavailableReason, type TestDatabase } from './test-database';
import { addParagraphs, paragraphs, PASSWORD } from './versions-fixture';

// Both must run in CI (each helper throws there when its server is missing); elsewhere, skipped with the reason printed.
const postgresSkipReason = await postgresUnavailableReason('multi-instance content');
const redisAvailable = await findRedisServer('multi-instance content');

/**
 * docs/api.md, "Content", across two instances on one PostgreSQL database and one Redis: a PUT at
 * one instance reaches a stock client connected to the other at once, merged with what that
 * client typed meanwhile, and an append made there is read back at the first.
 */
describe.skipIf(postgresSkipReason !== undefined || !redisAvailable)('document content across two instances on PostgreSQL and Redis', () => {
  let database: TestDatabase;
  let redis: RedisServer;
  let cluster: Cluster;
  let admin: Account;
  let bob: Account;
  const clients: StockClient[] = [];

  beforeAll(async () => {
    database = await createTestDatabase('multi_content');
    redis = await RedisServer.start();
    cluster = await startCluster(2, { DATABASE_URL: database.url, REDIS_URL: redis.url, AUTH_SECRET: randomBytes(32).toString('base64url') });
    admin = await setUpAdmin(cluster.instances[0]);
    bob = (await signUp(cluster.instances[0], { email: 'bob@example.com', name: 'Bob', password: PASSWORD })).at(cluster.instances[1]);
  });

  afterAll(async () => {
    for (const client of clients) client.destroy();
    await cluster?.stop();
    await redis?.stop();
    await database?.drop();
  });

  async function connect(account: Account, instance: number, documentId: string): Promise<StockClient> {
    const client = connectStockClient(cluster.instances[instance].wsUrl, documentId, { params: account.params });
    clients.push(client);
    await synced(client);
    return client;
  }

  it('a PUT at one instance is seen at once by a stock client on the other, and an append there is read back at the first', { timeout: 60_000 }, async () => {
    const id = await admin.createDocument(undefined, 'Shared');
    expect((await admin.request('POST', `/api/documents/${id}/members`, { email: 'bob@example.com', role: 'editor' })).status).toBe(201);
    const atB = await connect(bob, 1, id);
    addParagraphs(atB, 'Typed at B before the script');
    // Stored (and so what A loads) before the script replaces it: otherwise the two would be
    // concurrent edits, and the paragraph would rightly survive the replacement.
    for (let tries = 0; ; tries++) {
      const stored = await rawRequest(cluster.instances[0], 'GET', `/api/documents/${id}/content?format=text`, { as: admin });
      if (stored.text === 'Typed at B before the script\n') break;
      if (tries > 100) throw new Error(`B's paragraph was never stored: ${stored.text}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }

    const answered = await rawRequest(cluster.instances[0], 'PUT', `/api/documents/${id}/content`, { as: admin, type: 'text/markdown', body: '# From the script\n\nWritten at A' });
    expect(answered.status, answered.text).toBe(200);
    const afterAnswer = Date.now();
    await eventually(() => paragraphs(atB.doc).join('|') === 'From the script|Written at A', 'the client at B sees the PUT', 3_000);
    console.log(`a PUT at instance A reached the stock client at instance B ${Date.now() - afterAnswer} ms after the answer`);
    expect(atB.fragment.get(0)).toBeInstanceOf(Y.XmlElement);
    expect((atB.fragment.get(0) as Y.XmlElement).nodeName).toBe('heading');

    // The typed client, at B: an append, read back at A.
    const quireAtB = createQuireClient(cluster.instances[1].httpUrl, bob.bearer);
    await quireAtB.addContent(id, { text: 'Appended at B' });
    await eventually(() => paragraphs(atB.doc).at(-1) === 'Appended at B', 'the client at B sees the append');
    const quireAtA = createQuireClient(cluster.instances[0].httpUrl, admin.bearer);
    expect(await quireAtA.getContent(id, 'text')).toBe('From the script\nWritten at A\nAppended at B\n');
  });
});
