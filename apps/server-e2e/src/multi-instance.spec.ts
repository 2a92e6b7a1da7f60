import { findRedisServer, RedisServer } from '@quire/bus/testing';
import { TITLE_CHANGED_AT } from '@quire/constants';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { randomBytes } from 'node:crypto';
import { setUpAdmin, type Account } from './access';
import { startCluster, type Cluster } from './cluster';
import { startLoadBalancer, type LoadBalancer } from './load-balancer';
import { containsState } from './observed-state';
import { randomEdit, seededRandom } from './random-edits';
import { connectStockClient, contentOf, eventually, synced, type StockClient } from './stock-client';
import { createTestDatabase, postgresUnavailableReason, type TestDatabase } from './test-database';

// Both must run in CI (each helper throws there when its server is missing); elsewhere, skipped with the reason printed.
const postgresSkipReason = await postgresUnavailableReason();
// Each stock provider listens for the process' exit; this file holds a few dozen of them.
process.setMaxListeners(64);
const redisAvailable = await findRedisServer('multi-instance suite');

const INSTANCES = 3;
/** The bound the issue sets: converged within this long after Redis is back. */
const CONVERGED_WITHIN_MS = 5_000;
/** y-protocols' awareness timeout: a state nobody renews disappears after it. */
const AWARENESS_TIMEOUT_MS = 30_000;
const quickReconnect = { maxBackoffTime: 300 };

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const seed = Number(process.env.QUIRE_TEST_SEED ?? Date.now() % 100_000);

describe.skipIf(postgresSkipReason !== undefined || !redisAvailable)(`${INSTANCES} instances on one PostgreSQL and one Redis`, () => {
  let database: TestDatabase;
  let redis: RedisServer;
  let cluster: Cluster;
  // One database, so one administrator for every instance; its API token opens sockets on any of them.
  let admin: Account;
  // The awareness state a connection of the administrator may publish: its own user id and name.
  let alice: ReturnType<Account['awareness']>;
  const clients: StockClient[] = [];
  const balancers: LoadBalancer[] = [];
  const random = seededRandom(seed);

  beforeAll(async () => {
    database = await createTestDatabase('multi');
    redis = await RedisServer.start();
    // Compaction often, so that instances compact a log the others append to.
    // Instances over one Redis must share AUTH_SECRET (sessions, tokens and tickets are keyed with it).
    const authSecret = randomBytes(32).toString('base64url');
    cluster = await startCluster(INSTANCES, {
      DATABASE_URL: database.url,
      REDIS_URL: redis.url,
      AUTH_SECRET: authSecret,
      COMPACT_AFTER_UPDATES: '40',
    });
    admin = await setUpAdmin(cluster.instances[0]);
    alice = admin.awareness('#aa0000');
    for (const id of ['spread', 'presence', 'rename', 'while-down', 'redis-restart', 'kill']) await admin.createDocument(id);
  });

  afterAll(async () => {
    for (const client of clients) client.destroy();
    for (const balancer of balancers) await balancer.close();
    await cluster?.stop();
    await redis?.stop();
    await database?.drop();
  });

  function connect(url: string, documentId: string): StockClient {
    const client = connectStockClient(url, documentId, { ...quickReconnect, params: admin.params });
    clients.push(client);
    return client;
  }

  /** `perInstance` clients on each instance, synced. */
  async function spread(documentId: string, perInstance: number): Promise<StockClient[]> {
    const spreadClients = cluster.instances.flatMap((instance) => Array.from({ length: perInstance }, () => connect(instance.wsUrl, documentId)));
    await Promise.all(spreadClients.map((client) => synced(client)));
    return spreadClients;
  }

  const converged = (group: readonly StockClient[]) => {
    const first = contentOf(group[0]);
    return group.every((client) => contentOf(client) === first);
  };

  /** A fresh client on every instance (what each instance holds), all equal to `expected`. */
  async function everyInstanceHolds(documentId: string, expected: string): Promise<void> {
    const fresh = cluster.instances.map((instance) => connect(instance.wsUrl, documentId));
    await Promise.all(fresh.map((client) => synced(client)));
    for (const [index, client] of fresh.entries()) expect(contentOf(client), `instance ${index}`).toBe(expected);
  }

  it('clients spread across the instances converge on random concurrent edits', { timeout: 60_000 }, async () => {
    const writers = await spread('spread', 2);
    for (let round = 0; round < 60; round++) {
      writers.forEach((client, index) => randomEdit(client.fragment, random, `w${index}r${round}`));
      if (round % 5 === 0) await sleep(2);
    }
    const started = performance.now();
    await eventually(() => converged(writers), `${writers.length} clients on ${INSTANCES} instances converge (seed ${seed})`);
    console.log(`[multi-instance] random edits: converged ${(performance.now() - started).toFixed(0)} ms after the last edit`);
    expect(contentOf(writers[0]).length).toBeGreaterThan(0);
    await everyInstanceHolds('spread', contentOf(writers[0]));
  });

  it('awareness crosses instances, and goes when its client leaves', { timeout: 60_000 }, async () => {
    const [a, b, c] = await spread('presence', 1);
    a.provider.awareness.setLocalState(alice);
    const seen = (client: StockClient) => client.provider.awareness.getStates().has(a.doc.clientID);
    await eventually(() => seen(b) && seen(c), 'clients on the other instances see alice');
    expect(b.provider.awareness.getStates().get(a.doc.clientID)).toEqual(alice);
    const late = connect(cluster.instances[2].wsUrl, 'presence');
    await eventually(() => seen(late), 'a client joining later sees alice at once');
    a.destroy();
    await eventually(() => !seen(b) && !seen(c) && !seen(late), 'alice is gone everywhere once she leaves');
  });

  it('a rename at an instance where the document is not open is announced to the clients of the others', { timeout: 30_000 }, async () => {
    const readers = [connect(cluster.instances[1].wsUrl, 'rename'), connect(cluster.instances[2].wsUrl, 'rename')];
    await Promise.all(readers.map((client) => synced(client)));
    const renamed = await admin.request('PATCH', '/api/documents/rename', { title: 'Renamed at the first instance' });
    expect(renamed.status).toBe(200);
    // The server's own state: nobody's presence, just "read the title again".
    const heard = (client: StockClient) =>
      [...client.provider.awareness.getStates().values()].some((state) => typeof state[TITLE_CHANGED_AT] === 'number' && !('user' in state));
    await eventually(() => readers.every(heard), 'the clients of the other instances hear of the rename');
  });

  it('an edit made while Redis is down reaches the clients of the other instances once it is back', { timeout: 60_000 }, async () => {
    const [a, b, c] = await spread('while-down', 1);
    await redis.kill();
    await waitForHealth((health) => health.every((h) => h.redis === 'down' && h.status === 'degraded'), 'every instance reports Redis down');
    const line = new Y.XmlElement('paragraph');
    line.insert(0, [new Y.XmlText('written while Redis was down')]);
    a.fragment.insert(0, [line]);
    await sleep(500);
    expect(contentOf(b), 'b cannot have it without Redis').not.toContain('written while Redis was down');
    await redis.start();
    const back = performance.now();
    await eventually(() => [b, c].every((client) => contentOf(client) === contentOf(a)), 'b and c receive the edit', CONVERGED_WITHIN_MS);
    console.log(`[multi-instance] edit made while Redis was down: at the other instances' clients ${(performance.now() - back).toFixed(0)} ms after Redis was back`);
    await waitForHealth((health) => health.every((h) => h.redis === 'ok' && h.status === 'ok'), 'every instance reports Redis up');
  });

  it(`a Redis restart during edits leaves every instance and client converged within ${CONVERGED_WITHIN_MS} ms of its return`, { timeout: 90_000 }, async () => {
    const writers = await spread('redis-restart', 2);
    let typing = true;
    let edits = 0;
    const typist = (async () => {
      while (typing) {
        const index = Math.floor(random() * writers.length);
        randomEdit(writers[index].fragment, random, `r${edits}`);
        edits++;
        await sleep(3);
      }
    })();
    await sleep(400);
    await redis.kill();
    await sleep(1_000);
    await redis.start();
    const back = performance.now();
    await sleep(300);
    typing = false;
    await typist;
    const lastEdit = performance.now();
    await eventually(() => converged(writers), `clients converge after the Redis restart (seed ${seed})`, CONVERGED_WITHIN_MS);
    const convergedAt = performance.now();
    console.log(
      `[multi-instance] Redis restart during ${edits} edits: converged ${(convergedAt - back).toFixed(0)} ms after Redis was back ` +
        `(${(convergedAt - lastEdit).toFixed(0)} ms after the last edit)`,
    );
    expect(convergedAt - back).toBeLessThan(CONVERGED_WITHIN_MS);
    await everyInstanceHolds('redis-restart', contentOf(writers[0]));
  });

  it('SIGKILL of an instance: its clients reconnect to another with nothing lost, its presence expires', { timeout: 120_000 }, async () => {
    const victimIndex = 0;
    const victim = cluster.instances[victimIndex];
    const others = cluster.instances.filter((_instance, index) => index !== victimIndex);
    // The victim's clients come through a load balancer that prefers it and fails over to the others.
    const balancer = await startLoadBalancer([victim.port, ...others.map((instance) => instance.port)], 'first-available');
    balancers.push(balancer);
    const viaBalancer = [connect(balancer.wsUrl, 'kill'), connect(balancer.wsUrl, 'kill')];
    const elsewhere = others.map((instance) => connect(instance.wsUrl, 'kill'));
    // Connected to the victim directly, it cannot follow: its presence must expire everywhere.
    const stranded = connect(victim.wsUrl, 'kill');
    const writers = [...viaBalancer, ...elsewhere];
    await Promise.all([...writers, stranded].map((client) => synced(client)));
    expect(new Set(balancer.routed)).toEqual(new Set([victim.port]));
    stranded.provider.awareness.setLocalState(alice);
    const strandedSeen = (client: StockClient) => client.provider.awareness.getStates().has(stranded.doc.clientID);
    await eventually(() => elsewhere.every(strandedSeen), 'the others see the stranded client');

    let typing = true;
    let edits = 0;
    const typist = (async () => {
      while (typing) {
        writers.forEach((client, index) => randomEdit(client.fragment, random, `k${index}.${edits}`));
        edits++;
        await sleep(5);
      }
    })();
    await sleep(300 + Math.floor(random() * 300));
    await victim.kill();
    const killedAt = performance.now();
    await sleep(300);
    typing = false;
    await typist;
    const observed = writers.map((client) => Y.encodeStateAsUpdate(client.doc));

    await eventually(() => viaBalancer.every((client) => client.provider.wsconnected && client.provider.synced), 'the victim’s clients reconnect elsewhere', 20_000);
    await eventually(() => converged(writers), `every writer converges after the kill (seed ${seed})`, 20_000);
    console.log(`[multi-instance] SIGKILL during ${edits} rounds of edits: converged ${(performance.now() - killedAt).toFixed(0)} ms after the kill`);
    expect(balancer.routed.slice(2).every((port) => port !== victim.port)).toBe(true);

    const fresh = connect(others[1].wsUrl, 'kill');
    await synced(fresh);
    await eventually(() => contentOf(fresh) === contentOf(writers[0]), 'a fresh client has everything');
    for (const [index, state] of observed.entries()) {
      expect(containsState(fresh.doc, state), `writer ${index}'s edits survive (seed ${seed})`).toBe(true);
    }

    await eventually(() => !elsewhere.some(strandedSeen), 'the stranded client’s presence expires', AWARENESS_TIMEOUT_MS);
    console.log(`[multi-instance] presence of the killed instance's client gone ${(performance.now() - killedAt).toFixed(0)} ms after the kill`);
    stranded.destroy();
    await cluster.restart(victimIndex);
  });

  async function waitForHealth(
    condition: (health: Array<{ status: string; redis: string }>) => boolean,
    what: string,
  ): Promise<void> {
    const deadline = Date.now() + 15_000;
    for (;;) {
      if (condition(await cluster.health())) return;
      if (Date.now() > deadline) throw new Error(`timed out waiting for: ${what}: ${JSON.stringify(await cluster.health())}`);
      await sleep(50);
    }
  }
});
