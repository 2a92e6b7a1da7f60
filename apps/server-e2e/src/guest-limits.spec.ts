import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setUpAdmin, type Account } from './access';
import { startServer, temporaryDataDir, type ServerProcess } from './server-process';
import { connectStockClient, synced, type StockClient } from './stock-client';

const GUESTS = 3;
const CONNECTIONS = 5;

/** Issue 16 item 5: guests on a viewer link share a bounded part of a document's connections. */
describe('guests cannot lock members out', () => {
  const data = temporaryDataDir();
  let server: ServerProcess;
  let admin: Account;
  const clients: StockClient[] = [];

  beforeAll(async () => {
    server = await startServer({
      dataDir: data.dir,
      env: { MAX_GUEST_CONNECTIONS_PER_DOCUMENT: String(GUESTS), MAX_CONNECTIONS_PER_DOCUMENT: String(CONNECTIONS) },
    });
    admin = await setUpAdmin(server);
  });

  afterAll(async () => {
    for (const client of clients) client.destroy();
    await server?.stop();
    data.remove();
  });

  const connect = (documentId: string, token: string) => {
    const client = connectStockClient(server.wsUrl, documentId, { params: { token }, maxBackoffTime: 100_000 });
    clients.push(client);
    return client;
  };

  async function guestTicket(linkToken: string, headers: Record<string, string> = {}): Promise<Response> {
    return fetch(`${server.httpUrl}/api/links/${linkToken}/tickets`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify({ name: 'Guest' }),
    });
  }

  it(`lets ${GUESTS} guests in, refuses the next with 1008, and still lets members in up to ${CONNECTIONS}`, async () => {
    const id = await admin.createDocument(undefined, 'Open day');
    const link = await admin.request<{ token: string }>('POST', `/api/documents/${id}/links`, { role: 'viewer' });
    const guests: StockClient[] = [];
    for (let i = 0; i < GUESTS; i++) {
      const answer = await guestTicket(link.body.token);
      expect(answer.status).toBe(201);
      guests.push(connect(id, ((await answer.json()) as { ticket: string }).ticket));
    }
    await Promise.all(guests.map((guest) => synced(guest)));
    const extra = await guestTicket(link.body.token);
    expect(extra.status).toBe(201);
    const refusedGuest = connect(id, ((await extra.json()) as { ticket: string }).ticket);
    const refused = await new Promise<number>((resolve) => refusedGuest.provider.once('connection-close', (event: { code: number }) => resolve(event.code)));
    refusedGuest.destroy();
    expect(refused).toBe(1008);
    const members = [connect(id, admin.bearer), connect(id, admin.bearer)];
    await Promise.all(members.map((member) => synced(member)));
  });

  it('limits guest tickets per address: a flood gets 429 with Retry-After', async () => {
    const id = await admin.createDocument(undefined, 'Flooded');
    const link = await admin.request<{ token: string }>('POST', `/api/documents/${id}/links`, { role: 'viewer' });
    const statuses: number[] = [];
    for (let i = 0; i < 40; i++) statuses.push((await guestTicket(link.body.token)).status);
    expect(statuses.filter((status) => status === 201).length).toBeGreaterThanOrEqual(25);
    expect(statuses.at(-1)).toBe(429);
    const answer = await guestTicket(link.body.token);
    expect(answer.status).toBe(429);
    expect(Number(answer.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(((await answer.json()) as { message: string }).message).toMatch(/try again/);
  });
});
