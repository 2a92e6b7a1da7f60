import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, setUpAdmin, signUp, type Account } from './access';
import { freePort, startServer, temporaryDataDir, type ServerProcess } from './server-process';
import { createTestDatabase, postgresUnavailableReason } from './test-database';
import { startWebhookReceiver, type ReceivedDelivery, type WebhookReceiver } from './webhook-receiver';

const skipReason = await postgresUnavailableReason('webhooks on PostgreSQL');

const PASSWORD = 'a long enough password';
const ALL_EVENTS = ['document.created', 'document.updated', 'document.deleted', 'member.added', 'member.removed'];
/** Tests shorten document.updated's quiet spell. */
const DEBOUNCE_MS = 1500;

interface Delivery {
  id: string;
  event: string;
  status: string;
  attempts: number;
  responseStatus: number | null;
  error: string | null;
}

async function createWebhook(account: Account, body: Record<string, unknown>): Promise<{ id: string; secret: string }> {
  const answer = await account.request<{ id: string; secret: string }>('POST', '/api/webhooks', body);
  expect(answer.status, answer.text).toBe(201);
  expect(Object.keys(answer.body).sort()).toEqual(['id', 'secret']);
  return answer.body;
}

async function deliveries(account: Account, webhookId: string): Promise<Delivery[]> {
  const answer = await account.request<{ deliveries: Delivery[] }>('GET', `/api/webhooks/${webhookId}/deliveries`);
  expect(answer.status, answer.text).toBe(200);
  return answer.body.deliveries;
}

/** Polls the deliveries list until `check` passes (the outcome is recorded just after the receiver answers). */
async function eventually<T>(read: () => Promise<T>, check: (value: T) => boolean, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (check(value)) return value;
    if (Date.now() > deadline) throw new Error(`not reached within ${timeoutMs} ms: ${JSON.stringify(value)}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

const ofDocument = (documentId: string, event?: string) => (delivery: ReceivedDelivery) => delivery.json.document.id === documentId && (!event || delivery.json.event === event);

/**
 * Webhooks (docs/api.md, "Webhooks") on a real server with a local receiver, which only
 * WEBHOOK_ALLOW_PRIVATE_NETWORKS lets the server reach: every event with its signed body (checked
 * with the documented recipe), debounced updates with their authors, a retry after a 500, who may
 * make and read a webhook. Run on SQLite and PostgreSQL.
 */
function describeWebhooks(openDatabase: () => Promise<{ env: Record<string, string>; drop(): Promise<void> }>): void {
  const data = temporaryDataDir();
  let database: { env: Record<string, string>; drop(): Promise<void> };
  let server: ServerProcess;
  let receiver: WebhookReceiver;
  let admin: Account;
  let bob: Account;
  let carol: Account;
  let webhookId: string;

  beforeAll(async () => {
    database = await openDatabase();
    receiver = await startWebhookReceiver();
    server = await startServer({ dataDir: data.dir, env: { ...database.env, WEBHOOK_ALLOW_PRIVATE_NETWORKS: 'true', WEBHOOK_DEBOUNCE_MS: String(DEBOUNCE_MS) } });
    admin = await setUpAdmin(server);
    [bob, carol] = await Promise.all(['Bob', 'Carol'].map((name) => signUp(server, { email: `${name.toLowerCase()}@example.com`, name, password: PASSWORD })));
    const created = await createWebhook(admin, { url: receiver.url, events: ALL_EVENTS });
    webhookId = created.id;
    receiver.secret = created.secret;
  });

  afterAll(async () => {
    await server?.stop();
    await receiver?.close();
    await database?.drop();
    data.remove();
  });

  it('delivers document.created, signed so that the documented recipe verifies it, and lists it delivered', async () => {
    const id = await admin.createDocument(undefined, 'Webhook plan');
    const [delivery] = await receiver.waitFor(ofDocument(id, 'document.created'));
    expect(delivery!.signatureValid).toBe(true);
    expect(delivery!.headers['content-type']).toBe('application/json');
    expect(delivery!.headers['x-quire-event']).toBe('document.created');
    expect(delivery!.headers['x-quire-delivery']).toBe(delivery!.json.id);
    expect(delivery!.json).toEqual({
      id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      event: 'document.created',
      occurredAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
      document: { id, title: 'Webhook plan' },
      authors: [{ id: admin.user.id, name: admin.user.name }],
    });
    // The recipe refuses the same body under another secret, or changed by a byte.
    expect(receiver.received.filter(ofDocument(id)).every((received) => received.signatureValid)).toBe(true);
    const listed = await eventually(() => deliveries(admin, webhookId), (list) => list.some((entry) => entry.id === delivery!.json.id && entry.status === 'delivered'));
    expect(listed.find((entry) => entry.id === delivery!.json.id)).toMatchObject({ event: 'document.created', status: 'delivered', attempts: 1, responseStatus: 200, error: null });
    const webhooks = await admin.request<{ webhooks: Array<Record<string, unknown>> }>('GET', '/api/webhooks');
    expect(webhooks.body.webhooks).toEqual([
      { id: webhookId, url: receiver.url, events: ALL_EVENTS, documentId: null, createdAt: expect.any(String), disabledAt: null, disabledReason: null },
    ]);
  });

  it('delivers member.added, member.removed and document.deleted, each with who did it and whom', async () => {
    const id = await admin.createDocument(undefined, 'Team notes');
    expect((await admin.request('POST', `/api/documents/${id}/members`, { email: bob.user.email, role: 'editor' })).status).toBe(201);
    // A role change is not an addition.
    expect((await admin.request('PATCH', `/api/documents/${id}/members/${bob.user.id}`, { role: 'viewer' })).status).toBe(200);
    expect((await admin.request('DELETE', `/api/documents/${id}/members/${bob.user.id}`)).status).toBe(204);
    expect((await admin.request('DELETE', `/api/documents/${id}`)).status).toBe(204);
    const events = await receiver.waitFor(ofDocument(id), 4);
    expect(events.map((delivery) => delivery.json.event)).toEqual(['document.created', 'member.added', 'member.removed', 'document.deleted']);
    expect(events[1]!.json).toMatchObject({ document: { id, title: 'Team notes' }, authors: [{ id: admin.user.id, name: admin.user.name }], member: { id: bob.user.id, name: 'Bob' } });
    expect(events[2]!.json.member).toEqual({ id: bob.user.id, name: 'Bob' });
    expect(events[3]!.json).toMatchObject({ event: 'document.deleted', document: { id, title: 'Team notes' } });
    expect(events.every((delivery) => delivery.signatureValid)).toBe(true);
  });

  it('debounces document.updated: edits by two people within the quiet spell make one delivery with both as authors', async () => {
    const id = await admin.createDocument(undefined, 'Edited');
    expect((await admin.request('POST', `/api/documents/${id}/members`, { email: carol.user.email, role: 'editor' })).status).toBe(201);
    const put = (account: Account, text: string) =>
      fetch(`${server.httpUrl}/api/documents/${id}/content`, { method: 'PUT', headers: { authorization: `Bearer ${account.bearer}`, 'content-type': 'text/markdown' }, body: text });
    expect((await put(admin, '# Edited\n\nFirst words.')).status).toBe(200);
    expect((await put(carol, '# Edited\n\nFirst words, and more.')).status).toBe(200);
    const [updated] = await receiver.waitFor(ofDocument(id, 'document.updated'));
    // One quiet spell later nothing more comes for these edits.
    await new Promise((resolve) => setTimeout(resolve, DEBOUNCE_MS * 3));
    expect(receiver.received.filter(ofDocument(id, 'document.updated'))).toHaveLength(1);
    expect(updated!.json.authors.map((author) => author.name).sort()).toEqual(['Ada Admin', 'Carol']);
    expect(updated!.json.document).toEqual({ id, title: 'Edited', updatedAt: expect.stringMatching(/^\d{4}-/) });
    expect(updated!.signatureValid).toBe(true);
  });

  it('retries a delivery the receiver answered 500, with the same id, and lists the attempts', async () => {
    receiver.answer = ({ json, attempt }) => (json.document.title === 'Flaky' && attempt === 1 ? 500 : 200);
    try {
      const id = await admin.createDocument(undefined, 'Flaky');
      const attempts = await receiver.waitFor(ofDocument(id, 'document.created'), 2);
      expect(attempts.map((delivery) => delivery.answeredWith)).toEqual([500, 200]);
      expect(attempts[0]!.json.id).toBe(attempts[1]!.json.id);
      expect(attempts[0]!.body).toBe(attempts[1]!.body);
      expect(attempts.every((delivery) => delivery.signatureValid)).toBe(true);
      const listed = await eventually(() => deliveries(admin, webhookId), (list) => list.some((entry) => entry.id === attempts[0]!.json.id && entry.status === 'delivered'));
      expect(listed.find((entry) => entry.id === attempts[0]!.json.id)).toMatchObject({ status: 'delivered', attempts: 2, responseStatus: 200 });
    } finally {
      receiver.answer = () => 200;
    }
  });

  it('a webhook for one document hears only of it; only its owner may make one; a webhook is its owner’s alone', async () => {
    const id = await admin.createDocument(undefined, 'Scoped');
    const other = await admin.createDocument(undefined, 'Elsewhere');
    expect((await admin.request('POST', `/api/documents/${id}/members`, { email: bob.user.email, role: 'editor' })).status).toBe(201);
    expect((await admin.request('POST', `/api/documents/${id}/members`, { email: carol.user.email, role: 'viewer' })).status).toBe(201);
    const scopedReceiver = await startWebhookReceiver();
    try {
      const scoped = await createWebhook(admin, { url: scopedReceiver.url, events: ['member.removed'], documentId: id });
      scopedReceiver.secret = scoped.secret;
      for (const [account, status] of [
        [bob, 403],
        [carol, 403],
      ] as const) {
        expect((await account.request('POST', '/api/webhooks', { url: scopedReceiver.url, events: ['document.updated'], documentId: id })).status).toBe(status);
      }
      expect((await bob.request('POST', '/api/webhooks', { url: scopedReceiver.url, events: ['document.updated'], documentId: other })).status).toBe(404);
      expect((await bob.request('DELETE', `/api/webhooks/${scoped.id}`)).status).toBe(404);
      expect((await bob.request('GET', `/api/webhooks/${scoped.id}/deliveries`)).status).toBe(404);
      expect((await bob.request<{ webhooks: unknown[] }>('GET', '/api/webhooks')).body.webhooks).toEqual([]);
      expect((await api(server, 'GET', '/api/webhooks')).status).toBe(401);
      // A browser session reads the same list; another site's page cannot make one with it.
      const bySession = await api<{ webhooks: Array<{ id: string }> }>(server, 'GET', '/api/webhooks', { as: { session: admin.session } });
      expect(bySession.body.webhooks.map((webhook) => webhook.id).sort()).toEqual([scoped.id, webhookId].sort());
      const crossSite = await api(server, 'POST', '/api/webhooks', { as: { session: admin.session }, headers: { origin: 'https://evil.example' }, body: { url: scopedReceiver.url, events: ['document.created'] } });
      expect(crossSite.status).toBe(403);
      for (const body of [{ url: scopedReceiver.url, events: [] }, { url: scopedReceiver.url, events: ['document.renamed'] }, { url: 'ftp://example.com/x', events: ['document.created'] }, { events: ['document.created'] }]) {
        expect((await admin.request('POST', '/api/webhooks', body)).status, JSON.stringify(body)).toBe(400);
      }

      expect((await admin.request('DELETE', `/api/documents/${other}`)).status).toBe(204);
      expect((await admin.request('DELETE', `/api/documents/${id}/members/${carol.user.id}`)).status).toBe(204);
      const [removed] = await scopedReceiver.waitFor(ofDocument(id, 'member.removed'));
      expect(removed!.signatureValid).toBe(true);
      expect(removed!.json.member).toEqual({ id: carol.user.id, name: 'Carol' });
      await new Promise((resolve) => setTimeout(resolve, 500));
      expect(scopedReceiver.received.map((delivery) => `${delivery.json.event} ${delivery.json.document.title}`)).toEqual(['member.removed Scoped']);

      expect((await admin.request('DELETE', `/api/webhooks/${scoped.id}`)).status).toBe(204);
      expect((await admin.request('GET', `/api/webhooks/${scoped.id}/deliveries`)).status).toBe(404);
    } finally {
      await scopedReceiver.close();
    }
  });
}

describe('webhooks on SQLite', () => {
  describeWebhooks(async () => ({ env: {}, drop: async () => undefined }));
});

describe.skipIf(skipReason !== undefined)('webhooks on PostgreSQL', () => {
  describeWebhooks(async () => {
    const database = await createTestDatabase('webhooks');
    return { env: { DATABASE_URL: database.url }, drop: () => database.drop() };
  });
});

describe('webhook addresses without WEBHOOK_ALLOW_PRIVATE_NETWORKS', () => {
  const data = temporaryDataDir();
  let server: ServerProcess;
  let admin: Account;

  beforeAll(async () => {
    server = await startServer({ dataDir: data.dir });
    admin = await setUpAdmin(server);
  });

  afterAll(async () => {
    await server?.stop();
    data.remove();
  });

  it('refuses loopback by address, by name and IPv4-mapped, private networks and the metadata address, with 422 and the reason', async () => {
    const port = await freePort();
    const cases: Array<[string, RegExp]> = [
      [`http://127.0.0.1:${port}/hooks`, /127\.0\.0\.1 is a loopback address/],
      [`http://localhost:${port}/hooks`, /is a loopback address/],
      [`http://[::ffff:127.0.0.1]:${port}/hooks`, /127\.0\.0\.1 is a loopback address/],
      ['http://10.1.2.3/hooks', /10\.1\.2\.3 is a private-network address/],
      ['http://192.168.0.10/hooks', /private-network address/],
      ['http://169.254.169.254/latest/meta-data/', /cloud metadata address/],
      ['http://[fd00:ec2::254]/', /cloud metadata address/],
      ['http://no-such-host.invalid/hooks', /could not be found/],
    ];
    for (const [url, reason] of cases) {
      const answer = await admin.request<{ message: string }>('POST', '/api/webhooks', { url, events: ['document.created'] });
      expect(answer.status, url).toBe(422);
      expect(answer.body.message, url).toMatch(/^This webhook address cannot be used: /);
      expect(answer.body.message, url).toMatch(reason);
    }
    expect((await admin.request<{ webhooks: unknown[] }>('GET', '/api/webhooks')).body.webhooks).toEqual([]);
  });
});

describe('webhook deliveries across a crash and a change of setting (SQLite)', () => {
  const data = temporaryDataDir();
  let server: ServerProcess | undefined;
  let receiver: WebhookReceiver | undefined;

  afterAll(async () => {
    await server?.stop();
    await receiver?.close();
    data.remove();
  });

  it('a delivery stored but not yet delivered survives kill -9 and goes out once after the restart; one to a refused address is never sent', async () => {
    // The receiver's port, with nothing listening yet: every attempt fails, so the delivery stays stored.
    const port = await freePort();
    const env = { WEBHOOK_ALLOW_PRIVATE_NETWORKS: 'true' };
    server = await startServer({ dataDir: data.dir, env });
    const admin = await setUpAdmin(server);
    const webhook = await createWebhook(admin, { url: `http://127.0.0.1:${port}/hooks`, events: ['document.created'] });
    const id = await admin.createDocument(undefined, 'Survives');
    const pending = await eventually(() => deliveries(admin, webhook.id), (list) => list.length === 1 && list[0]!.error !== null);
    expect(pending[0]).toMatchObject({ event: 'document.created', status: 'pending', responseStatus: null, error: expect.stringMatching(/ECONNREFUSED/) });

    await server.kill();
    receiver = await startWebhookReceiver(port);
    receiver.secret = webhook.secret;
    server = await startServer({ dataDir: data.dir, port: server.port, env });
    const [delivered] = await receiver.waitFor(ofDocument(id, 'document.created'));
    expect(delivered!.signatureValid).toBe(true);
    expect(delivered!.json.id).toBe(pending[0]!.id);
    const after = admin.at(server);
    await eventually(() => deliveries(after, webhook.id), (list) => list[0]?.status === 'delivered');
    await new Promise((resolve) => setTimeout(resolve, 1000));
    expect(receiver.received.filter(ofDocument(id))).toHaveLength(1);

    // Restarted without the setting: the stored delivery's address is refused at its attempt, and nothing reaches the receiver.
    await server.stop();
    server = await startServer({ dataDir: data.dir, port: server.port });
    const refusedId = await after.at(server).createDocument(undefined, 'Refused at delivery');
    const refused = await eventually(() => deliveries(after.at(server!), webhook.id), (list) => list.length === 2 && list[0]!.error !== null);
    expect(refused[0]).toMatchObject({ status: 'pending', error: expect.stringMatching(/Refused to connect to 127\.0\.0\.1:\d+: 127\.0\.0\.1 is a loopback address/) });
    expect(receiver.received.filter(ofDocument(refusedId))).toEqual([]);
  });
});
