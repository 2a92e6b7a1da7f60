import { encodeAwareness, encodeAwarenessUpdate, encodeUpdate } from '@quire/protocol';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import { setUpAdmin, signUp, type Account } from './access';
import { metricSample } from './prometheus-text';
import { startServer, temporaryDataDir, type ServerProcess } from './server-process';
import { ProtocolSocket, rawOutcome, terminalClose } from './socket-outcome';
import { connectStockClient, contentOf, eventually, synced, type StockClient } from './stock-client';

/**
 * The security matrix of issue 5 against a real server process, with the stock y-websocket client
 * and raw sockets. Setup, sign-up and cookies: security-setup.spec.ts; several instances on one
 * PostgreSQL database: security-postgres.spec.ts.
 */

const ALLOWED_ORIGIN = 'http://localhost:3000';
/** Short, so that an expired ticket takes a second and a half to make, not a minute. */
const TICKET_LIFETIME_MS = 1_500;
/** docs/api.md: revoking closes the sockets it opened within 5 s. */
const REVOKED_WITHIN_MS = 5_000;
const PASSWORD = 'a long enough password';

function typeParagraph(client: StockClient, text: string): void {
  const paragraph = new Y.XmlElement('paragraph');
  paragraph.insert(0, [new Y.XmlText(text)]);
  client.fragment.insert(client.fragment.length, [paragraph]);
}

/** A Yjs update that adds a paragraph, as a client of its own would send it. */
function paragraphUpdate(text: string): Uint8Array {
  const doc = new Y.Doc();
  const paragraph = new Y.XmlElement('paragraph');
  paragraph.insert(0, [new Y.XmlText(text)]);
  doc.getXmlFragment('prosemirror').insert(0, [paragraph]);
  return Y.encodeStateAsUpdate(doc);
}

/** An awareness frame for `clientId` with `state`, clock 1. */
function awarenessFrame(clientId: number, state: unknown, clock = 1): Uint8Array {
  return encodeAwareness(encodeAwarenessUpdate([{ clientId, clock, state: state as Record<string, unknown> }]));
}

describe('security matrix: one server, real sockets', () => {
  const data = temporaryDataDir();
  let server: ServerProcess;
  /** Owns every document here. */
  let admin: Account;
  /** An editor of the shared documents. */
  let bob: Account;
  /** A viewer of the shared documents. */
  let carol: Account;
  /** Signed up, a member of nothing. */
  let dave: Account;
  const clients: StockClient[] = [];
  const sockets: ProtocolSocket[] = [];
  /** Every secret the suite handled; none may appear in the server's log. */
  const secrets = new Set<string>();

  beforeAll(async () => {
    server = await startServer({
      dataDir: data.dir,
      // debug: the most the server ever logs, so that the log check covers every line it can write.
      env: { ALLOWED_ORIGINS: ALLOWED_ORIGIN, TICKET_LIFETIME_MS: String(TICKET_LIFETIME_MS), LOG_LEVEL: 'debug' },
    });
    admin = await setUpAdmin(server);
    bob = await signUp(server, { email: 'bob@example.com', name: 'Bob', password: PASSWORD });
    carol = await signUp(server, { email: 'carol@example.com', name: 'Carol', password: PASSWORD });
    dave = await signUp(server, { email: 'dave@example.com', name: 'Dave', password: PASSWORD });
    for (const account of [admin, bob, carol, dave]) {
      secrets.add(account.bearer);
      if (account.session) secrets.add(account.session);
    }
  });

  afterEach(() => {
    vi.restoreAllMocks();
    for (const client of clients.splice(0)) client.destroy();
    for (const socket of sockets.splice(0)) socket.close();
  });

  afterAll(async () => {
    await server?.stop();
    data.remove();
  });

  const path = (documentId: string, token?: string) => `/collab/${documentId}${token === undefined ? '' : `?token=${encodeURIComponent(token)}`}`;

  async function addMember(documentId: string, account: Account, role: 'editor' | 'viewer'): Promise<void> {
    const answer = await admin.request('POST', `/api/documents/${documentId}/members`, { email: account.user.email, role });
    expect(answer.status, answer.text).toBe(201);
  }

  /** A document the administrator owns, with Bob as editor and Carol as viewer. */
  async function sharedDocument(title = 'Quarterly plan'): Promise<string> {
    const id = await admin.createDocument(undefined, title);
    await addMember(id, bob, 'editor');
    await addMember(id, carol, 'viewer');
    return id;
  }

  /** A ticket as a browser gets one: with its session cookie. */
  async function ticketFor(account: Account, documentId: string): Promise<string> {
    const { ticket } = await account.ticket(documentId, 'session');
    secrets.add(ticket);
    return ticket;
  }

  /** A stock client, with the account's API token unless another token is given (or none: `null`). */
  function connect(account: Account, documentId: string, token: string | null = account.bearer): StockClient {
    const client = connectStockClient(server.wsUrl, documentId, { params: token === null ? {} : { token } });
    clients.push(client);
    return client;
  }

  async function open(url: string): Promise<ProtocolSocket> {
    const socket = await ProtocolSocket.open(url);
    sockets.push(socket);
    return socket;
  }

  /** Waits until no document is loaded: what a fresh client then receives comes from the store. */
  async function everyDocumentUnloaded(): Promise<void> {
    const deadline = Date.now() + 10_000;
    for (;;) {
      const text = await (await fetch(`${server.httpUrl}/metrics`)).text();
      if (metricSample(text, 'quire_documents_loaded') === 0) return;
      if (Date.now() > deadline) throw new Error('documents stayed loaded');
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  describe('opening a socket', () => {
    it('no token: 4401 right after the handshake, and not one document byte', async () => {
      const id = await sharedDocument();
      const raw = await rawOutcome(server.port, path(id));
      expect(raw).toMatchObject({ status: 101, closeCode: 4401, dataFrames: [] });
      const stock = connect(admin, id, null);
      expect((await terminalClose(stock)).code).toBe(4401);
      expect(stock.provider.synced).toBe(false);
    });

    it('a token that is neither a ticket nor an API token, a session secret included: 4401', async () => {
      const id = await sharedDocument();
      for (const token of ['nonsense', 'qk_unknown-ticket', 'qt_unknown-token', admin.session ?? '']) {
        expect(await rawOutcome(server.port, path(id, token)), token.slice(0, 3)).toMatchObject({ status: 101, closeCode: 4401, dataFrames: [] });
      }
    });

    it(`an expired ticket (TICKET_LIFETIME_MS=${TICKET_LIFETIME_MS}): 4401, no document byte`, async () => {
      const id = await sharedDocument();
      const answer = await bob.ticket(id, 'session');
      secrets.add(answer.ticket);
      const lifetime = Date.parse(answer.expiresAt) - Date.now();
      expect(lifetime).toBeGreaterThan(0);
      expect(lifetime).toBeLessThanOrEqual(TICKET_LIFETIME_MS);
      await new Promise((resolve) => setTimeout(resolve, lifetime + 200));
      expect(await rawOutcome(server.port, path(id, answer.ticket))).toMatchObject({ status: 101, closeCode: 4401, dataFrames: [] });
    });

    it('a used ticket: the first connection syncs, a second use is closed with 4401', async () => {
      const id = await sharedDocument();
      const ticket = await ticketFor(bob, id);
      const first = connect(bob, id, ticket);
      await synced(first);
      expect(await rawOutcome(server.port, path(id, ticket))).toMatchObject({ status: 101, closeCode: 4401, dataFrames: [] });
      expect(first.provider.wsconnected).toBe(true);
    });

    it('a ticket for another document: 4403, and the ticket is spent', async () => {
      const a = await sharedDocument();
      const b = await sharedDocument();
      const ticket = await ticketFor(bob, a);
      expect(await rawOutcome(server.port, path(b, ticket))).toMatchObject({ status: 101, closeCode: 4403, dataFrames: [] });
      expect(await rawOutcome(server.port, path(a, ticket))).toMatchObject({ status: 101, closeCode: 4401, dataFrames: [] });
    });

    it('a document that does not exist: 4404 (connecting creates nothing)', async () => {
      expect(await rawOutcome(server.port, path('no-such-document', admin.bearer))).toMatchObject({ status: 101, closeCode: 4404, dataFrames: [] });
      expect(await admin.request('GET', '/api/documents/no-such-document')).toMatchObject({ status: 404 });
    });

    it('someone who is not a member: no ticket (404), and their API token is closed with 4403', async () => {
      const id = await sharedDocument();
      expect((await dave.request('POST', `/api/documents/${id}/tickets`)).status).toBe(404);
      expect(await rawOutcome(server.port, path(id, dave.bearer))).toMatchObject({ status: 101, closeCode: 4403, dataFrames: [] });
    });

    it('a foreign Origin is refused at the upgrade (HTTP 403) even with a valid ticket, which stays unspent', async () => {
      const id = await sharedDocument();
      const ticket = await ticketFor(bob, id);
      const refused = await rawOutcome(server.port, path(id, ticket), ['Origin: https://evil.example']);
      expect(refused.status).toBe(403);
      expect(refused.dataFrames).toEqual([]);
      // The origin is checked before the ticket is taken: the page of the right origin still gets in.
      const allowed = await open(`${bob.socketUrl(id, ticket)}`);
      expect(allowed.isOpen).toBe(true);
      const viaAllowedOrigin = await rawOutcome(server.port, path(id, await ticketFor(bob, id)), [`Origin: ${ALLOWED_ORIGIN}`], 1_000);
      expect(viaAllowedOrigin.status).toBe(101);
      expect(viaAllowedOrigin.closeCode).toBeUndefined();
      expect(viaAllowedOrigin.dataFrames.length).toBeGreaterThan(0);
    });
  });

  it('a viewer receives everything, and its updates are dropped: not applied, stored or relayed; told once', async () => {
    const id = await sharedDocument();
    const owner = connect(admin, id);
    const editor = connect(bob, id, await ticketFor(bob, id));
    await Promise.all([synced(owner), synced(editor)]);
    typeParagraph(owner, 'canary');
    await eventually(() => contentOf(editor).includes('canary'), 'the editor receives the canary');

    // Carol's browser, read-only in the UI but edited anyway through the stock client.
    const warnings = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const denied = () => warnings.mock.calls.filter((call) => String(call[0]).includes('Permission denied')).length;
    const viewer = connect(carol, id, await ticketFor(carol, id));
    await synced(viewer);
    expect(contentOf(viewer)).toContain('canary');
    typeParagraph(viewer, 'viewer edit 1');
    typeParagraph(viewer, 'viewer edit 2');
    await eventually(() => denied() > 0, 'the stock client is told it is read-only');

    // And a script holding Carol's ticket, sending updates by hand.
    const raw = await open(carol.socketUrl(id, await ticketFor(carol, id)));
    raw.send(encodeUpdate(paragraphUpdate('raw viewer edit 1')));
    raw.send(encodeUpdate(paragraphUpdate('raw viewer edit 2')));
    await eventually(() => raw.received('auth-denied').length > 0, 'the raw viewer is told it is read-only');

    // A barrier: the owner's next edit reaches the editor after anything relayed before it.
    typeParagraph(owner, 'after the viewers');
    await eventually(() => contentOf(editor).includes('after the viewers'), 'the editor receives the next edit');
    await eventually(() => contentOf(viewer).includes('after the viewers'), 'the viewer receives it too');
    for (const client of [owner, editor]) expect(contentOf(client)).not.toMatch(/viewer edit/);
    expect(raw.received('auth-denied')).toHaveLength(1);
    expect(raw.received('auth-denied')[0].reason).toMatch(/^read-only/);
    expect(raw.received('update').some((message) => message.update.length > 0)).toBe(true);
    expect(denied()).toBe(1);
    expect(raw.isOpen && viewer.provider.wsconnected).toBe(true);
    const expected = contentOf(owner);

    // Not stored: once everyone leaves and the document unloads, a fresh client loads it from the store.
    for (const client of clients.splice(0)) client.destroy();
    for (const socket of sockets.splice(0)) socket.close();
    await everyDocumentUnloaded();
    const fresh = connect(bob, id, await ticketFor(bob, id));
    await synced(fresh);
    expect(contentOf(fresh)).toBe(expected);
    expect(contentOf(fresh)).not.toMatch(/viewer edit/);
  });

  describe('revocations close open sockets', () => {
    it(`removing a member closes their socket with 4403 within ${REVOKED_WITHIN_MS} ms, and they get no new ticket`, async () => {
      const id = await sharedDocument();
      const editor = connect(bob, id, await ticketFor(bob, id));
      await synced(editor);
      const closed = terminalClose(editor);
      expect((await admin.request('DELETE', `/api/documents/${id}/members/${bob.user.id}`)).status).toBe(204);
      const close = await closed;
      expect(close.code).toBe(4403);
      expect(close.afterMs).toBeLessThan(REVOKED_WITHIN_MS);
      expect((await bob.request('POST', `/api/documents/${id}/tickets`)).status).toBe(404);
    });

    it('lowering a member to viewer: their browser’s socket closes with 4403 (to reconnect read-only); their script’s stays, read-only', async () => {
      const id = await sharedDocument();
      const owner = connect(admin, id);
      const browser = connect(bob, id, await ticketFor(bob, id));
      const script = connect(bob, id);
      await Promise.all([synced(owner), synced(browser), synced(script)]);
      const warnings = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
      const closed = terminalClose(browser);
      expect((await admin.request('PATCH', `/api/documents/${id}/members/${bob.user.id}`, { role: 'viewer' })).status).toBe(200);
      const close = await closed;
      expect(close.code).toBe(4403);
      expect(close.afterMs).toBeLessThan(REVOKED_WITHIN_MS);
      expect((await bob.ticket(id, 'session')).role).toBe('viewer');

      // The stock client of a script does not reconnect after a 44xx close: it is made read-only in place.
      expect(script.provider.wsconnected).toBe(true);
      typeParagraph(script, 'script edit after the demotion');
      await eventually(() => warnings.mock.calls.some((call) => String(call[0]).includes('Permission denied')), 'the script is told it is read-only');
      typeParagraph(owner, 'owner edit');
      await eventually(() => contentOf(script).includes('owner edit'), 'the script still receives edits');
      expect(contentOf(owner)).not.toContain('script edit');
    });

    it('revoking a share link closes its guests’ sockets with 4403; guests get tickets from viewer links only', async () => {
      const id = await sharedDocument();
      const viewerLink = await admin.request<{ id: string; token: string }>('POST', `/api/documents/${id}/links`, { role: 'viewer' });
      const editorLink = await admin.request<{ id: string; token: string }>('POST', `/api/documents/${id}/links`, { role: 'editor' });
      expect([viewerLink.status, editorLink.status]).toEqual([201, 201]);
      secrets.add(viewerLink.body.token);
      secrets.add(editorLink.body.token);

      const refused = await admin.request('POST', `/api/links/${editorLink.body.token}/tickets`, { name: 'Guest' });
      expect(refused.status).toBe(401);
      expect(refused.text).not.toContain('qk_');

      const guestAnswer = await fetch(`${server.httpUrl}/api/links/${viewerLink.body.token}/tickets`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ name: 'Guest <b>' }),
      });
      expect(guestAnswer.status).toBe(201);
      const guest = (await guestAnswer.json()) as { ticket: string; role: string; documentId: string; user: { id: string; name: string } };
      secrets.add(guest.ticket);
      expect(guest).toMatchObject({ role: 'viewer', documentId: id, user: { name: 'Guest <b>' } });
      const client = connect(admin, id, guest.ticket);
      await synced(client);
      const closed = terminalClose(client);
      expect((await admin.request('DELETE', `/api/documents/${id}/links/${viewerLink.body.id}`)).status).toBe(204);
      const close = await closed;
      expect(close.code).toBe(4403);
      expect(close.afterMs).toBeLessThan(REVOKED_WITHIN_MS);
      expect((await admin.request('POST', `/api/links/${viewerLink.body.token}/tickets`, { name: 'Guest' })).status).toBe(404);
    });

    it('deleting an API token closes the sockets it opened with 4401; the API refuses it (401)', async () => {
      const id = await sharedDocument();
      const created = await bob.request<{ id: string; token: string }>('POST', '/api/tokens', { name: 'script' }, 'session');
      expect(created.status).toBe(201);
      secrets.add(created.body.token);
      const client = connect(bob, id, created.body.token);
      await synced(client);
      const closed = terminalClose(client);
      expect((await bob.request('DELETE', `/api/tokens/${created.body.id}`, undefined, 'session')).status).toBe(204);
      const close = await closed;
      expect(close.code).toBe(4401);
      expect(close.afterMs).toBeLessThan(REVOKED_WITHIN_MS);
      const afterwards = await fetch(`${server.httpUrl}/api/documents`, { headers: { authorization: `Bearer ${created.body.token}` } });
      expect(afterwards.status).toBe(401);
    });

    it('deleting a document closes every socket on it with 4404; it cannot be opened again', async () => {
      const id = await sharedDocument();
      const owner = connect(admin, id);
      const editor = connect(bob, id, await ticketFor(bob, id));
      await Promise.all([synced(owner), synced(editor)]);
      const closes = Promise.all([terminalClose(owner), terminalClose(editor)]);
      expect((await admin.request('DELETE', `/api/documents/${id}`)).status).toBe(204);
      for (const close of await closes) {
        expect(close.code).toBe(4404);
        expect(close.afterMs).toBeLessThan(REVOKED_WITHIN_MS);
      }
      expect(await rawOutcome(server.port, path(id, admin.bearer))).toMatchObject({ status: 101, closeCode: 4404, dataFrames: [] });
    });
  });

  describe('awareness is untrusted', () => {
    /** Every state `client` ever holds for each remote client id, in order. */
    function recordStates(client: StockClient): (clientId: number) => unknown[] {
      const states = new Map<number, unknown[]>();
      client.provider.awareness.on('change', ({ added, updated }: { added: number[]; updated: number[] }) => {
        for (const clientId of [...added, ...updated]) {
          if (clientId === client.doc.clientID) continue;
          states.set(clientId, [...(states.get(clientId) ?? []), structuredClone(client.provider.awareness.getStates().get(clientId))]);
        }
      });
      return (clientId) => states.get(clientId) ?? [];
    }

    /** A shared document with the owner's stock client on it, recording what it sees. */
    async function watchedDocument(): Promise<{ id: string; owner: StockClient; seen: (clientId: number) => unknown[] }> {
      const id = await sharedDocument();
      const owner = connect(admin, id);
      await synced(owner);
      return { id, owner, seen: recordStates(owner) };
    }

    it('a state claiming another user’s id or name is not relayed; the connection’s own is', async () => {
      const { id, seen } = await watchedDocument();
      const socket = await open(bob.socketUrl(id, await ticketFor(bob, id)));
      const clientId = 424_242;
      socket.send(awarenessFrame(clientId, { user: { id: admin.user.id, name: admin.user.name, color: '#000000' } }, 1));
      socket.send(awarenessFrame(clientId, { user: { id: bob.user.id, name: admin.user.name, color: '#000000' } }, 2));
      socket.send(awarenessFrame(clientId, { user: { id: admin.user.id, name: bob.user.name, color: '#000000' } }, 3));
      socket.send(awarenessFrame(clientId, { user: { name: bob.user.name }, cursor: null }, 4));
      // The connection's own user: relayed, and a barrier (one socket's frames are handled in order).
      const own = { user: { id: bob.user.id, name: bob.user.name, color: '#00aa00' }, cursor: null };
      socket.send(awarenessFrame(clientId, own, 5));
      await eventually(() => seen(clientId).length > 0, 'the owner sees Bob’s own state');
      expect(seen(clientId)).toEqual([own]);
    });

    it('a state over 4 KiB is dropped, without closing the connection', async () => {
      const { id, seen } = await watchedDocument();
      const socket = await open(bob.socketUrl(id, await ticketFor(bob, id)));
      const clientId = 434_343;
      const user = { id: bob.user.id, name: bob.user.name, color: '#00aa00' };
      socket.send(awarenessFrame(clientId, { user, padding: 'x'.repeat(5 * 1024) }, 1));
      const own = { user, cursor: null };
      socket.send(awarenessFrame(clientId, own, 2));
      await eventually(() => seen(clientId).length > 0, 'the owner sees Bob’s small state');
      expect(seen(clientId)).toEqual([own]);
      expect(socket.isOpen).toBe(true);
    });

    it('a client id another connection introduced is not taken over', async () => {
      const { id, owner } = await watchedDocument();
      owner.provider.awareness.setLocalState(admin.awareness('#aa0000'));
      const editor = connect(bob, id, await ticketFor(bob, id));
      const seenByEditor = recordStates(editor);
      await synced(editor);
      await eventually(() => seenByEditor(owner.doc.clientID).length > 0, 'Bob sees the owner');
      const socket = await open(bob.socketUrl(id, await ticketFor(bob, id)));
      const bobState = { user: { id: bob.user.id, name: bob.user.name, color: '#00aa00' }, cursor: null };
      socket.send(awarenessFrame(owner.doc.clientID, bobState, 1_000));
      socket.send(awarenessFrame(545_454, bobState, 1));
      await eventually(() => seenByEditor(545_454).length > 0, 'Bob’s own client id is relayed');
      expect(seenByEditor(owner.doc.clientID).every((state) => JSON.stringify(state) === JSON.stringify(admin.awareness('#aa0000')))).toBe(true);
      expect(editor.provider.awareness.getStates().get(owner.doc.clientID)).toEqual(admin.awareness('#aa0000'));
    });
  });

  describe('the HTTP API', () => {
    it('another user’s document: 404 on every route (for a viewer, 403 where it may not change), with no data in the body', async () => {
      const id = await sharedDocument('Secret plans of Ada');
      const link = await admin.request<{ id: string; token: string }>('POST', `/api/documents/${id}/links`, { role: 'viewer' });
      secrets.add(link.body.token);
      const routes: Array<[string, string, unknown?]> = [
        ['GET', `/api/documents/${id}`],
        ['PATCH', `/api/documents/${id}`, { title: 'mine now' }],
        ['DELETE', `/api/documents/${id}`],
        ['GET', `/api/documents/${id}/members`],
        ['POST', `/api/documents/${id}/members`, { email: dave.user.email, role: 'editor' }],
        ['PATCH', `/api/documents/${id}/members/${bob.user.id}`, { role: 'viewer' }],
        ['DELETE', `/api/documents/${id}/members/${bob.user.id}`],
        ['GET', `/api/documents/${id}/links`],
        ['POST', `/api/documents/${id}/links`, { role: 'editor' }],
        ['DELETE', `/api/documents/${id}/links/${link.body.id}`],
        ['POST', `/api/documents/${id}/tickets`],
      ];
      const leaks = ['Secret plans', admin.user.email, admin.user.name, bob.user.email, link.body.token, 'qk_'];
      for (const [method, route, body] of routes) {
        for (const as of ['token', 'session'] as const) {
          const answer = await dave.request(method, route, body, as);
          expect(answer.status, `${method} ${route} as Dave (${as})`).toBe(404);
          for (const leak of leaks) expect(answer.text, `${method} ${route}`).not.toContain(leak);
        }
      }
      const list = await dave.request<{ owned: unknown[]; shared: unknown[] }>('GET', '/api/documents');
      expect(list.body).toEqual({ owned: [], shared: [] });

      // Carol may see it (a viewer), not change it.
      const forbidden: Array<[string, string, unknown?]> = [
        ['PATCH', `/api/documents/${id}`, { title: 'mine now' }],
        ['DELETE', `/api/documents/${id}`],
        ['POST', `/api/documents/${id}/members`, { email: dave.user.email, role: 'editor' }],
        ['DELETE', `/api/documents/${id}/members/${bob.user.id}`],
        ['GET', `/api/documents/${id}/links`],
        ['POST', `/api/documents/${id}/links`, { role: 'editor' }],
      ];
      for (const [method, route, body] of forbidden) {
        const answer = await carol.request(method, route, body);
        expect(answer.status, `${method} ${route} as Carol`).toBe(403);
        expect(answer.text).not.toContain(link.body.token);
      }
      // Nothing changed.
      const after = await admin.request<{ title: string }>('GET', `/api/documents/${id}`);
      expect(after.body.title).toBe('Secret plans of Ada');
      const members = await admin.request<{ members: Array<{ user: { id: string }; role: string }> }>('GET', `/api/documents/${id}/members`);
      expect(members.body.members.map((member) => [member.user.id, member.role]).sort()).toEqual(
        [
          [admin.user.id, 'owner'],
          [bob.user.id, 'editor'],
          [carol.user.id, 'viewer'],
        ].sort(),
      );
    });

    it('without credentials: 401 on the document routes', async () => {
      for (const [method, route] of [
        ['GET', '/api/documents'],
        ['POST', '/api/documents'],
        ['POST', `/api/documents/${await sharedDocument()}/tickets`],
      ]) {
        const answer = await fetch(`${server.httpUrl}${route}`, { method });
        expect(answer.status, `${method} ${route}`).toBe(401);
      }
    });

    it('the API token works as a bearer on /api/documents and as the stock client’s token', async () => {
      const id = await admin.createDocument(undefined, 'Scripted');
      const list = await admin.request<{ owned: Array<{ id: string; role: string }> }>('GET', '/api/documents');
      expect(list.status).toBe(200);
      expect(list.body.owned).toContainEqual(expect.objectContaining({ id, role: 'owner' }));
      const writer = connect(admin, id);
      const reader = connect(admin, id);
      await Promise.all([synced(writer), synced(reader)]);
      typeParagraph(writer, 'from a script');
      await eventually(() => contentOf(reader).includes('from a script'), 'the edit reaches the other client');
    });

    it('a session secret is not a bearer token', async () => {
      const answer = await fetch(`${server.httpUrl}/api/documents`, { headers: { authorization: `Bearer ${admin.session}` } });
      expect(answer.status).toBe(401);
    });

    it('wrong passwords: the sixth attempt for one account is refused with 429 and Retry-After, even with the right password', async () => {
      const eve = await signUp(server, { email: 'eve@example.com', name: 'Eve', password: PASSWORD });
      secrets.add(eve.bearer);
      const signin = (email: string, password: string) =>
        fetch(`${server.httpUrl}/api/auth/signin`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password }) });
      for (let attempt = 1; attempt <= 5; attempt++) expect((await signin('eve@example.com', `wrong password ${attempt}`)).status).toBe(401);
      const sixth = await signin('eve@example.com', PASSWORD);
      expect(sixth.status).toBe(429);
      expect(Number(sixth.headers.get('retry-after'))).toBeGreaterThan(0);
      expect(sixth.headers.getSetCookie()).toEqual([]);
      // Per account: another account from the same address still signs in.
      const other = await signin('dave@example.com', PASSWORD);
      expect(other.status).toBe(200);
      const cookie = other.headers.getSetCookie()[0] ?? '';
      secrets.add(/quire_session=([^;]*)/.exec(cookie)?.[1] ?? 'missing');
    });
  });

  // Last: every secret the tests above handled is known by now.
  it('no token of any kind appears in the server’s log', () => {
    const log = server.output();
    expect(log.length).toBeGreaterThan(0);
    expect(secrets.size).toBeGreaterThan(10);
    for (const secret of secrets) {
      expect(secret.length).toBeGreaterThan(10);
      expect(log.includes(secret), `a secret starting ${secret.slice(0, 4)} is in the log`).toBe(false);
    }
    for (const prefix of ['qk_', 'qt_', 'qs_']) expect(log, prefix).not.toContain(prefix);
  });
});
