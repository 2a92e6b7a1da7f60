import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { Account, ADMIN, api, readSetupCode, SESSION_COOKIE, sessionFrom } from './access';
import { startServer, temporaryDataDir, type ServerProcess } from './server-process';
import { connectStockClient, contentOf, eventually, synced, type StockClient } from './stock-client';

/**
 * The first visit to a fresh instance (setup code, administrator), sign-up switched off, the
 * session cookie's flags, cross-site requests, and a script's stock client across a restart. The
 * rest of the matrix: security.spec.ts.
 */
describe('a fresh instance with ALLOW_SIGNUP=false behind a trusted proxy', () => {
  const data = temporaryDataDir();
  let server: ServerProcess;
  let admin: Account | undefined;
  const clients: StockClient[] = [];
  const person = { email: 'mallory@example.com', name: 'Mallory', password: 'a long enough password' };

  beforeAll(async () => {
    server = await startServer({ dataDir: data.dir, env: { ALLOW_SIGNUP: 'false', TRUST_PROXY: '127.0.0.1' } });
  });

  afterEach(() => {
    for (const client of clients.splice(0)) client.destroy();
  });

  afterAll(async () => {
    await server?.stop();
    data.remove();
  });

  it('prints a setup code, refuses a wrong one (403), takes the right one once (201), then answers 409', async () => {
    expect((await api(server, 'GET', '/api/session')).body).toEqual({ user: null, setupNeeded: true, allowSignup: false, maxUploadBytes: 25 * 1024 * 1024 });
    const code = await readSetupCode(server);
    expect(code).toMatch(/^[0-9A-F]{6}-[0-9A-F]{6}-[0-9A-F]{6}$/);
    expect(server.output()).toContain(`Setup code: ${code}`);

    const wrong = await api(server, 'POST', '/api/setup', { body: { code: 'AAAAAA-BBBBBB-CCCCCC', ...ADMIN } });
    expect(wrong.status).toBe(403);
    expect(sessionFrom(wrong.headers)).toBeUndefined();
    // Nobody can sign up before the administrator exists, whatever ALLOW_SIGNUP says.
    expect((await api(server, 'POST', '/api/auth/signup', { body: person })).status).toBe(403);

    // Over HTTPS (as the trusted proxy says): the cookie is Secure as well.
    const right = await api<{ user: { email: string; isAdmin: boolean } }>(server, 'POST', '/api/setup', {
      body: { code, ...ADMIN },
      headers: { 'x-forwarded-proto': 'https' },
    });
    expect(right.status).toBe(201);
    expect(right.body.user).toMatchObject({ email: ADMIN.email, isAdmin: true });
    const cookie = right.headers.getSetCookie().find((line) => line.startsWith(`${SESSION_COOKIE}=`)) ?? '';
    expect(cookie.split('; ').slice(1).sort()).toEqual(['HttpOnly', 'Max-Age=2592000', 'Path=/', 'SameSite=Lax', 'Secure']);

    const again = await api(server, 'POST', '/api/setup', { body: { code, email: 'second@example.com', name: 'Second', password: 'another password' } });
    expect(again.status).toBe(409);
    expect(sessionFrom(again.headers)).toBeUndefined();
    expect((await api(server, 'GET', '/api/session')).body).toMatchObject({ setupNeeded: false, allowSignup: false });
  });

  it('signing in over plain HTTP sets an HttpOnly, SameSite=Lax cookie (not Secure)', async () => {
    const answer = await api(server, 'POST', '/api/auth/signin', { body: { email: ADMIN.email, password: ADMIN.password } });
    expect(answer.status).toBe(200);
    const cookie = answer.headers.getSetCookie().find((line) => line.startsWith(`${SESSION_COOKIE}=`)) ?? '';
    expect(cookie.split('; ').slice(1).sort()).toEqual(['HttpOnly', 'Max-Age=2592000', 'Path=/', 'SameSite=Lax']);
    const session = sessionFrom(answer.headers);
    const tokenAnswer = await api<{ token: string }>(server, 'POST', '/api/tokens', { as: { session }, body: { name: 'script' } });
    expect(tokenAnswer.status).toBe(201);
    const me = await api<{ user: { id: string; name: string; email: string } }>(server, 'GET', '/api/session', { as: { session } });
    admin = new Account(server, me.body.user, tokenAnswer.body.token, session);
  });

  it('ALLOW_SIGNUP=false: POST /api/auth/signup answers 403 and creates no account', async () => {
    const answer = await api(server, 'POST', '/api/auth/signup', { body: person });
    expect(answer.status).toBe(403);
    expect(sessionFrom(answer.headers)).toBeUndefined();
    expect((await api(server, 'POST', '/api/auth/signin', { body: { email: person.email, password: person.password } })).status).toBe(401);
  });

  it('a request from another origin may not act with the session cookie (403); scripts without Origin may', async () => {
    const account = admin!;
    const crossSite = await api(server, 'POST', '/api/documents', { as: { session: account.session }, body: {}, headers: { origin: 'https://evil.example' } });
    expect(crossSite.status).toBe(403);
    const listed = await account.request<{ owned: unknown[] }>('GET', '/api/documents', undefined, 'session');
    expect(listed.body.owned).toEqual([]);
    expect((await account.request('POST', '/api/documents', {}, 'session')).status).toBe(201);
  });

  it('a stock client with an API token reconnects with the same URL after the server restarts (1001) and syncs', async () => {
    const account = admin!;
    const id = await account.createDocument();
    const writer = connectStockClient(server.wsUrl, id, { params: account.params, maxBackoffTime: 300 });
    clients.push(writer);
    await synced(writer);
    const paragraph = new Y.XmlElement('paragraph');
    paragraph.insert(0, [new Y.XmlText('before the restart')]);
    writer.fragment.insert(0, [paragraph]);
    const reader = connectStockClient(server.wsUrl, id, { params: account.params });
    clients.push(reader);
    await eventually(() => contentOf(reader).includes('before the restart'), 'stored and relayed before the restart');
    reader.destroy();

    const closes: number[] = [];
    writer.provider.on('connection-close', (event: { code: number } | null) => closes.push(event?.code ?? 0));
    expect(await server.stop()).toBe(0);
    await eventually(() => closes.includes(1001), 'the writer is told the server is going away (1001)');
    server = await startServer({ dataDir: data.dir, port: server.port, env: { ALLOW_SIGNUP: 'false', TRUST_PROXY: '127.0.0.1' } });
    expect(server.output()).not.toContain('Setup code');
    await eventually(() => writer.provider.wsconnected && writer.provider.synced, 'the writer reconnects and syncs', 20_000);
    const after = new Y.XmlElement('paragraph');
    after.insert(0, [new Y.XmlText('after the restart')]);
    writer.fragment.insert(writer.fragment.length, [after]);
    const fresh = connectStockClient(server.wsUrl, id, { params: account.params });
    clients.push(fresh);
    await synced(fresh);
    await eventually(() => contentOf(fresh) === contentOf(writer), 'a fresh client sees both edits');
    expect(contentOf(fresh)).toMatch(/before the restart.*after the restart/);
  });
});
