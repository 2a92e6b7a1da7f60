import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setUpAdmin, type Account } from './access';
import { startCluster, type Cluster } from './cluster';
import { freePort } from './server-process';
import { createTestDatabase, postgresUnavailableReason, type TestDatabase } from './test-database';
import { startWebhookReceiver, type WebhookReceiver } from './webhook-receiver';

const skipReason = await postgresUnavailableReason('webhooks across two instances');

/**
 * Two instances over one PostgreSQL database, each with its delivery worker: every delivery is
 * sent once, whichever instance stored it and whichever claims it (docs/api.md, "Webhooks").
 */
describe.skipIf(skipReason !== undefined)('webhook deliveries with two instances', () => {
  let database: TestDatabase;
  let cluster: Cluster;
  let receiver: WebhookReceiver | undefined;
  let admin: Account;

  beforeAll(async () => {
    database = await createTestDatabase('webhooks_multi');
    cluster = await startCluster(2, { DATABASE_URL: database.url, AUTH_SECRET: randomBytes(32).toString('base64url'), WEBHOOK_ALLOW_PRIVATE_NETWORKS: 'true' });
    admin = await setUpAdmin(cluster.instances[0]!);
  });

  afterAll(async () => {
    await cluster?.stop();
    await receiver?.close();
    await database?.drop();
  });

  it('sends each delivery once: those that waited for the receiver, which both workers reach for at once, and those made while it listens', async () => {
    const port = await freePort();
    const created = await admin.request<{ id: string; secret: string }>('POST', '/api/webhooks', { url: `http://127.0.0.1:${port}/hooks`, events: ['document.created'] });
    expect(created.status, created.text).toBe(201);
    const [first, second] = cluster.instances.map((instance) => admin.at(instance));

    // Stored at both instances while the receiver is down: every attempt fails, and both workers retry.
    const waited: string[] = [];
    for (let index = 0; index < 12; index++) waited.push(await (index % 2 === 0 ? first! : second!).createDocument(undefined, `Waited ${index}`));
    receiver = await startWebhookReceiver(port);
    receiver.secret = created.body.secret;
    await receiver.waitFor((delivery) => waited.includes(delivery.json.document.id), waited.length, 30_000);

    const live: string[] = await Promise.all(Array.from({ length: 20 }, (_, index) => (index % 2 === 0 ? first! : second!).createDocument(undefined, `Live ${index}`)));
    await receiver.waitFor((delivery) => live.includes(delivery.json.document.id), live.length, 30_000);
    // Long enough for a second sending of any of them to arrive.
    await new Promise((resolve) => setTimeout(resolve, 3000));

    const ids = receiver.received.map((delivery) => delivery.json.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(receiver.received.map((delivery) => delivery.json.document.id).sort()).toEqual([...waited, ...live].sort());
    expect(receiver.received.every((delivery) => delivery.signatureValid)).toBe(true);
    const listed = await admin.request<{ deliveries: Array<{ status: string }> }>('GET', `/api/webhooks/${created.body.id}/deliveries`);
    expect(listed.body.deliveries).toHaveLength(32);
    expect(listed.body.deliveries.every((delivery) => delivery.status === 'delivered')).toBe(true);
  });
});
