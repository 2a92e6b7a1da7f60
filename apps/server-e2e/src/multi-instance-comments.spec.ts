import { findRedisServer, RedisServer } from '@quire/bus/testing';
import { CommentView } from '@quire/api-contract';
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { setUpAdmin, signUp, type Account } from './access';
import { startCluster, type Cluster } from './cluster';
import { markedText, revision, startThread, threadsOf, writeAndSee } from './comments-fixture';
import { connectStockClient, eventually, synced, type StockClient } from './stock-client';
import { createTestDatabase, postgresUnavailableReason, type TestDatabase } from './test-database';
import { PASSWORD } from './versions-fixture';

// Both must run in CI (each helper throws there when its server is missing); elsewhere, skipped with the reason printed.
const postgresSkipReason = await postgresUnavailableReason('multi-instance comments');
const redisAvailable = await findRedisServer('multi-instance comments');

/**
 * Comments across two instances on one PostgreSQL database and one Redis: a thread made at one
 * instance reaches the clients of the other within a second (its mark and the comments revision,
 * both ordinary document updates), is listed there, answered there, and an access change made at
 * one instance stops comment access at the other at once.
 */
describe.skipIf(postgresSkipReason !== undefined || !redisAvailable)('comments across two instances on PostgreSQL and Redis', () => {
  let database: TestDatabase;
  let redis: RedisServer;
  let cluster: Cluster;
  let admin: Account;
  /** Erin, a commenter, speaking to the second instance. */
  let erin: Account;
  const clients: StockClient[] = [];

  beforeAll(async () => {
    database = await createTestDatabase('multi_comments');
    redis = await RedisServer.start();
    cluster = await startCluster(2, { DATABASE_URL: database.url, REDIS_URL: redis.url, AUTH_SECRET: randomBytes(32).toString('base64url') });
    admin = await setUpAdmin(cluster.instances[0]);
    erin = (await signUp(cluster.instances[0], { email: 'erin@example.com', name: 'Erin', password: PASSWORD })).at(cluster.instances[1]);
  }, 60_000);

  afterAll(async () => {
    for (const client of clients) client.destroy();
    await cluster?.stop();
    await redis?.stop();
    await database?.drop();
  });

  async function documentWith(text: string): Promise<string> {
    const id = await admin.createDocument();
    expect((await admin.request('POST', `/api/documents/${id}/members`, { email: 'erin@example.com', role: 'commenter' })).status).toBe(201);
    await writeAndSee(cluster.instances[0].wsUrl, id, admin.params, text);
    return id;
  }

  async function connect(account: Account, instance: number, documentId: string): Promise<StockClient> {
    const client = connectStockClient(cluster.instances[instance].wsUrl, documentId, { params: account.params });
    clients.push(client);
    await synced(client);
    return client;
  }

  it('shows a thread made at one instance to the clients of the other within a second, and lists it there', { timeout: 30_000 }, async () => {
    const id = await documentWith('The launch date is open');
    const [atA, atB] = [await connect(admin, 0, id), await connect(erin, 1, id)];
    const before = revision(atB);
    const started = performance.now();
    const thread = await startThread(admin, id, 'launch date', 'When?');
    await eventually(() => markedText(atB)[thread.id] === 'launch date' && revision(atB) > before, 'the other instance’s client sees the thread’s mark and the revision', 1_000);
    const seenAfterMs = performance.now() - started;
    expect(seenAfterMs).toBeLessThan(1_000);
    expect(await threadsOf(erin, id)).toEqual([thread]);

    // A reply at the second instance: the first instance's client hears of it.
    const atABefore = revision(atA);
    const reply = await erin.request('POST', `/api/documents/${id}/threads/${thread.id}/comments`, { body: 'Next week' });
    expect(reply.status, reply.text).toBe(201);
    expect(CommentView.parse(reply.body).author.name).toBe('Erin');
    await eventually(() => revision(atA) > atABefore, 'the first instance’s client sees the reply’s revision', 1_000);
    expect((await threadsOf(admin, id))[0].comments.map((comment) => comment.body)).toEqual(['When?', 'Next week']);
  });

  it('tells at either instance that a thread is detached once its text is deleted at the other', { timeout: 30_000 }, async () => {
    const id = await documentWith('Remove these words please');
    const thread = await startThread(erin, id, 'these words');
    const editor = await connect(admin, 0, id);
    await eventually(() => markedText(editor)[thread.id] === 'these words', 'the mark reaches the first instance');
    const text = (editor.fragment.get(0) as Y.XmlElement).get(0) as Y.XmlText;
    text.delete('Remove '.length, 'these words'.length);
    await expect.poll(async () => (await threadsOf(erin, id))[0]?.detached, { timeout: 10_000 }).toBe(true);
    expect((await threadsOf(admin, id))[0]).toMatchObject({ id: thread.id, detached: true, quote: 'these words' });
  });

  it('stops comment access at the other instance at once when the owner removes a member', { timeout: 30_000 }, async () => {
    const id = await documentWith('Access at a distance');
    const thread = await startThread(erin, id, 'distance');
    expect((await admin.request('DELETE', `/api/documents/${id}/members/${erin.user.id}`)).status).toBe(204);
    expect((await erin.request('POST', `/api/documents/${id}/threads/${thread.id}/comments`, { body: 'Still?' })).status).toBe(404);
    expect((await erin.request('GET', `/api/documents/${id}/threads`)).status).toBe(404);
  });
});
