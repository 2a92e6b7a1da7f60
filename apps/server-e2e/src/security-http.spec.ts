import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Account, ADMIN, api, readSetupCode, sessionFrom, setUpAdmin, signUp, type ApiAnswer, type Caller } from './access';
import { documentedRoutes } from './documented-routes';
import { requestFrom } from './peer-request';
import { startServer, temporaryDataDir, type ServerProcess } from './server-process';
import { writeAndSee } from './comments-fixture';

/**
 * The HTTP edge of issue 16: routes that take a browser session only, the cross-site check on
 * every state-changing route, X-Forwarded-Host from trusted proxies only, response headers, the
 * sign-in, setup-code, sign-up and member-add limits, names, and the security events the
 * administrator reads. The server trusts 127.0.0.1 as its proxy, so each test chooses the address
 * it speaks from with X-Forwarded-For (and a request from 127.0.0.2 is an untrusted peer).
 */

const ORIGIN = 'http://localhost:3000';
const PASSWORD = 'a long enough password';

/** An upload's form: a one-pixel PNG in the field `file`. */
function pixelForm(): FormData {
  const form = new FormData();
  const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=', 'base64');
  form.append('file', new Blob([png], { type: 'image/png' }), 'pixel.png');
  return form;
}

/** An import's form: a Markdown file in the field `file`. */
function markdownForm(): FormData {
  const form = new FormData();
  form.append('file', new Blob(['# Imported by a script\n\nHello'], { type: 'text/markdown' }), 'notes.md');
  return form;
}

/** A caller speaking from `address` (as the trusted proxy at 127.0.0.1 reports it). */
function from(address: string, headers: Record<string, string> = {}): Record<string, string> {
  return { 'x-forwarded-for': address, ...headers };
}

describe('the HTTP edge', () => {
  const data = temporaryDataDir();
  const secrets = new Set<string>();
  let server: ServerProcess;
  let admin: Account;
  let bob: Account;
  let carol: Account;
  let dave: Account;

  const keep = (...values: Array<string | undefined>) => values.forEach((value) => value && secrets.add(value));

  beforeAll(async () => {
    server = await startServer({ dataDir: data.dir, env: { ALLOWED_ORIGINS: ORIGIN, TRUST_PROXY: '127.0.0.1', LOG_LEVEL: 'debug' } });
    admin = await setUpAdmin(server);
    [bob, carol, dave] = await Promise.all(
      ['Bob', 'Carol', 'Dave'].map((name) => signUp(server, { email: `${name.toLowerCase()}@example.com`, name, password: PASSWORD })),
    );
    for (const account of [admin, bob, carol, dave]) keep(account.bearer, account.session);
  });

  afterAll(async () => {
    await server?.stop();
    data.remove();
  });

  /** A viewer link to the administrator's document. */
  async function newLink(documentId: string): Promise<{ id: string; token: string }> {
    const link = await admin.request<{ id: string; token: string }>('POST', `/api/documents/${documentId}/links`, { role: 'viewer' });
    expect(link.status, link.text).toBe(201);
    keep(link.body.token);
    return link.body;
  }

  /** A file the administrator uploads to a document; resolves its id. */
  async function uploadTo(documentId: string): Promise<string> {
    const uploaded = await api<{ id: string }>(server, 'POST', `/api/documents/${documentId}/files`, { as: { bearer: admin.bearer }, body: pixelForm() });
    expect(uploaded.status, uploaded.text).toBe(201);
    return uploaded.body.id;
  }

  /** A named version of the administrator's document, made for a route that needs one. */
  async function namedVersion(documentId: string): Promise<string> {
    const version = await admin.request<{ id: string }>('POST', `/api/documents/${documentId}/versions`, { name: 'For the walk' });
    expect(version.status, version.text).toBe(201);
    return version.body.id;
  }

  /** Text the comment routes of the walk anchor to, written once per document. */
  const COMMENTED = 'Text to discuss';
  const written = new Map<string, Promise<void>>();
  function commentable(documentId: string): Promise<void> {
    if (!written.has(documentId)) written.set(documentId, writeAndSee(server.wsUrl, documentId, admin.params, COMMENTED));
    return written.get(documentId) as Promise<void>;
  }

  /** A thread of the administrator's on a document, for a route that needs one; resolves its path. */
  async function threadPath(documentId: string): Promise<string> {
    await commentable(documentId);
    const thread = await admin.request<{ id: string; comments: Array<{ id: string }> }>('POST', `/api/documents/${documentId}/threads`, { body: 'For the walk', quote: COMMENTED });
    expect(thread.status, thread.text).toBe(201);
    return `/api/documents/${documentId}/threads/${thread.body.id}/comments/${thread.body.comments[0].id}`;
  }

  /** An account of its own for a test that ends its sessions and tokens (a password reset). */
  async function throwaway(name: string): Promise<Account> {
    const account = await signUp(server, { email: `${name}-${Date.now()}@example.com`, name, password: PASSWORD });
    keep(account.bearer, account.session);
    return account;
  }

  /** A document the administrator owns, with Bob as editor and Carol as viewer, and a viewer link. */
  async function sharedDocument(): Promise<{ id: string; linkId: string; linkToken: string }> {
    const id = await admin.createDocument(undefined, 'Plans');
    for (const [account, role] of [
      [bob, 'editor'],
      [carol, 'viewer'],
    ] as const) {
      const added = await admin.request('POST', `/api/documents/${id}/members`, { email: account.user.email, role });
      expect(added.status, added.text).toBe(201);
    }
    const link = await newLink(id);
    return { id, linkId: link.id, linkToken: link.token };
  }

  /** A document of the administrator's, moved to the trash. */
  async function trashedDocument(): Promise<string> {
    const { id } = await sharedDocument();
    expect((await admin.request('DELETE', `/api/documents/${id}`)).status).toBe(204);
    return id;
  }

  /** A folder of the administrator's, shared with Bob as a viewer. */
  async function sharedFolder(): Promise<string> {
    const folder = await admin.request<{ id: string }>('POST', '/api/folders', { name: 'Walked folder' });
    expect(folder.status, folder.text).toBe(201);
    expect((await admin.request('POST', `/api/folders/${folder.body.id}/members`, { email: bob.user.email, role: 'viewer' })).status).toBe(201);
    return folder.body.id;
  }

  describe('routes that take a browser session only', () => {
    type Walked = { id: string; linkId: string; linkToken: string };

    interface Row {
      /** What the administrator's API token gets. */
      readonly bearer: number;
      /** What the administrator's session gets, for the session-only routes (proving the route is there). */
      readonly session?: number;
      /** The path to call, when the route's own with the walk's document is not it (made fresh when it is destroyed). */
      readonly path?: (doc: Walked) => string | Promise<string>;
      readonly body?: unknown;
      /** The address the request is sent from, for the routes that count per address. */
      readonly address?: string;
    }

    // Every route of docs/api.md, and what an administrator's API token gets from it. A route added
    // to docs/api.md without a row here fails the test: decide whether a token may call it.
    const table: Record<string, Row> = {
      'GET /api/session': { bearer: 200 },
      'POST /api/setup': { bearer: 409, body: { code: 'AAAAAA-BBBBBB-CCCCCC', email: 'x@example.com', name: 'X', password: PASSWORD } },
      'POST /api/auth/signup': { bearer: 201, body: { email: 'walker@example.com', name: 'Walker', password: PASSWORD }, address: '198.51.100.200' },
      'POST /api/auth/signin': { bearer: 200, body: { email: ADMIN.email, password: ADMIN.password }, address: '198.51.100.201' },
      'POST /api/auth/signout': { bearer: 204 },
      'PATCH /api/account': { bearer: 403, session: 200, body: { name: ADMIN.name } },
      'POST /api/account/password': { bearer: 403, session: 401, body: { currentPassword: 'not the password', newPassword: 'another long password' } },
      'GET /api/tokens': { bearer: 403, session: 200 },
      'POST /api/tokens': { bearer: 403, session: 201, body: { name: 'from the route walk' } },
      'DELETE /api/tokens/:id': { bearer: 403, session: 404, path: () => '/api/tokens/no-such-token' },
      'GET /api/admin/users': { bearer: 403, session: 200 },
      'POST /api/admin/users/:id/password': { bearer: 403, session: 201, path: async () => `/api/admin/users/${(await throwaway('reset')).user.id}/password` },
      'GET /api/admin/events': { bearer: 403, session: 200 },
      'POST /api/auth/password-reset-requests': { bearer: 204, body: { email: 'forgetful@example.com' }, address: '198.51.100.202' },
      'GET /api/invitations/:token': { bearer: 404, path: () => '/api/invitations/qi_no-such-invitation' },
      'PUT /api/admin/users/:id/disabled': { bearer: 403, session: 200, path: async () => `/api/admin/users/${(await throwaway('disable')).user.id}/disabled`, body: { disabled: true } },
      'GET /api/admin/users/:id/documents': { bearer: 403, session: 200, path: async () => `/api/admin/users/${(await throwaway('owned')).user.id}/documents` },
      'POST /api/admin/users/:id/deletion': { bearer: 403, session: 200, path: async () => `/api/admin/users/${(await throwaway('delete')).user.id}/deletion`, body: { heirId: null } },
      'GET /api/admin/signup': { bearer: 403, session: 200 },
      'PUT /api/admin/signup': { bearer: 403, session: 200, body: { allowSignup: true } },
      'GET /api/admin/password-reset-requests': { bearer: 403, session: 200 },
      'DELETE /api/admin/password-reset-requests/:id': { bearer: 403, session: 404, path: () => '/api/admin/password-reset-requests/no-such-request' },
      'GET /api/documents': { bearer: 200 },
      'POST /api/documents': { bearer: 201, body: { title: 'From a script' } },
      'GET /api/documents/:id': { bearer: 200 },
      'PATCH /api/documents/:id': { bearer: 200, body: { title: 'Renamed by a script' } },
      'DELETE /api/documents/:id': { bearer: 204, path: async () => `/api/documents/${(await sharedDocument()).id}` },
      'GET /api/documents/:id/members': { bearer: 200 },
      'POST /api/documents/:id/members': { bearer: 201, body: { email: 'dave@example.com', role: 'viewer' } },
      'PATCH /api/documents/:id/members/:userId': { bearer: 200, path: (doc) => `/api/documents/${doc.id}/members/${bob.user.id}`, body: { role: 'viewer' } },
      'DELETE /api/documents/:id/members/:userId': { bearer: 204, path: (doc) => `/api/documents/${doc.id}/members/${carol.user.id}` },
      'GET /api/documents/:id/links': { bearer: 200 },
      'POST /api/documents/:id/links': { bearer: 201, body: { role: 'viewer' } },
      'DELETE /api/documents/:id/links/:linkId': { bearer: 204, path: async (doc) => `/api/documents/${doc.id}/links/${(await newLink(doc.id)).id}` },
      'GET /api/documents/:id/invitations': { bearer: 200 },
      'DELETE /api/documents/:id/invitations/:invitationId': {
        bearer: 204,
        path: async (doc) => {
          const made = await admin.request<{ invitation: { id: string } }>('POST', `/api/documents/${doc.id}/members`, { email: `invited-${Date.now()}@example.com`, role: 'viewer' });
          return `/api/documents/${doc.id}/invitations/${made.body.invitation.id}`;
        },
      },
      'GET /api/search': { bearer: 200, path: () => '/api/search?q=plans&limit=5' },
      'GET /api/documents/owned': { bearer: 200 },
      'GET /api/documents/shared': { bearer: 200 },
      'GET /api/documents/recent': { bearer: 200 },
      'GET /api/documents/starred': { bearer: 200 },
      'PUT /api/documents/:id/star': { bearer: 204 },
      'DELETE /api/documents/:id/star': { bearer: 204 },
      'GET /api/trash': { bearer: 200 },
      'POST /api/trash/:id/restore': { bearer: 200, path: async () => `/api/trash/${await trashedDocument()}/restore` },
      'DELETE /api/trash/:id': { bearer: 204, path: async () => `/api/trash/${await trashedDocument()}` },
      'GET /api/folders': { bearer: 200 },
      'POST /api/folders': { bearer: 201, body: { name: 'From a script' } },
      'PATCH /api/folders/:id': { bearer: 200, path: async () => `/api/folders/${await sharedFolder()}`, body: { name: 'Renamed by a script' } },
      'PUT /api/folders/:id/parent': { bearer: 200, path: async () => `/api/folders/${await sharedFolder()}/parent`, body: { parentId: null } },
      'DELETE /api/folders/:id': { bearer: 200, path: async () => `/api/folders/${await sharedFolder()}` },
      'GET /api/folders/:id/documents': { bearer: 200, path: async () => `/api/folders/${await sharedFolder()}/documents` },
      'GET /api/folders/:id/members': { bearer: 200, path: async () => `/api/folders/${await sharedFolder()}/members` },
      'POST /api/folders/:id/members': { bearer: 201, path: async () => `/api/folders/${await sharedFolder()}/members`, body: { email: 'dave@example.com', role: 'viewer' } },
      'PATCH /api/folders/:id/members/:userId': { bearer: 200, path: async () => `/api/folders/${await sharedFolder()}/members/${bob.user.id}`, body: { role: 'editor' } },
      'DELETE /api/folders/:id/members/:userId': { bearer: 204, path: async () => `/api/folders/${await sharedFolder()}/members/${bob.user.id}` },
      'GET /api/documents/:id/folder': { bearer: 200 },
      'PUT /api/documents/:id/folder': { bearer: 200, body: { folderId: null } },
      'GET /api/links/:token': { bearer: 200 },
      'POST /api/links/:token/join': { bearer: 200 },
      'GET /api/documents/:id/versions': { bearer: 200 },
      'POST /api/documents/:id/versions': { bearer: 201, body: { name: 'From a script' } },
      'PATCH /api/documents/:id/versions/:versionId': { bearer: 200, path: async (doc) => `/api/documents/${doc.id}/versions/${await namedVersion(doc.id)}`, body: { name: 'Renamed by a script' } },
      'GET /api/documents/:id/versions/:versionId': { bearer: 200, path: async (doc) => `/api/documents/${doc.id}/versions/${await namedVersion(doc.id)}` },
      'POST /api/documents/:id/versions/:versionId/restore': { bearer: 200, path: async (doc) => `/api/documents/${doc.id}/versions/${await namedVersion(doc.id)}/restore` },
      'POST /api/documents/:id/versions/:versionId/copy': { bearer: 201, path: async (doc) => `/api/documents/${doc.id}/versions/${await namedVersion(doc.id)}/copy`, body: {} },
      'GET /api/documents/:id/threads': { bearer: 200 },
      'POST /api/documents/:id/threads': { bearer: 201, path: async (doc) => (await commentable(doc.id), `/api/documents/${doc.id}/threads`), body: { body: 'From a script', quote: COMMENTED } },
      'PATCH /api/documents/:id/threads/:threadId': { bearer: 200, path: async (doc) => (await threadPath(doc.id)).replace(/\/comments\/.*$/, ''), body: { resolved: true } },
      'POST /api/documents/:id/threads/:threadId/comments': { bearer: 201, path: async (doc) => (await threadPath(doc.id)).replace(/\/[^/]+$/, ''), body: { body: 'A reply from a script' } },
      'PATCH /api/documents/:id/threads/:threadId/comments/:commentId': { bearer: 200, path: async (doc) => threadPath(doc.id), body: { body: 'Edited by a script' } },
      'DELETE /api/documents/:id/threads/:threadId/comments/:commentId': { bearer: 204, path: async (doc) => threadPath(doc.id) },
      'GET /api/activity': { bearer: 200 },
      'POST /api/activity/read': { bearer: 204, body: { ids: ['no-such-entry'] } },
      'GET /api/documents/:id/content': { bearer: 200 },
      'PUT /api/documents/:id/content': { bearer: 200, body: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Written by a script' }] }] } },
      'POST /api/documents/:id/content': { bearer: 200, body: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Added by a script' }] }] } },
      'POST /api/documents/import': { bearer: 201, body: markdownForm() },
      'POST /api/documents/:id/tickets': { bearer: 201 },
      'POST /api/links/:token/tickets': { bearer: 201, body: { name: 'A guest' } },
      'POST /api/documents/:id/files': { bearer: 201, body: pixelForm() },
      // The token passes; the address is refused (this server keeps outbound requests off loopback).
      'POST /api/documents/:id/files/remote': { bearer: 422, body: { url: 'http://127.0.0.1:9/pixel.png' } },
      'GET /api/files/:id': { bearer: 200, path: async (doc) => `/api/files/${await uploadTo(doc.id)}` },
      // The token passes; the address is refused (this server keeps webhooks off loopback).
      'POST /api/webhooks': { bearer: 422, body: { url: 'http://127.0.0.1:9/hook', events: ['document.created'] } },
      'GET /api/webhooks': { bearer: 200 },
      'DELETE /api/webhooks/:id': { bearer: 404, path: () => '/api/webhooks/no-such-webhook' },
      'GET /api/webhooks/:id/deliveries': { bearer: 404, path: () => '/api/webhooks/no-such-webhook/deliveries' },
      'GET /api/openapi.json': { bearer: 200 },
    };

    async function pathOf(route: string, row: Row, doc: Walked): Promise<string> {
      if (row.path) return row.path(doc);
      return route
        .split(' ')[1]
        .replace(':id', doc.id)
        .replace(':linkId', doc.linkId)
        .replace(':token', doc.linkToken);
    }

    it('every route in docs/api.md has a row, and every row is a documented route', () => {
      const documented = documentedRoutes();
      expect(documented.length).toBeGreaterThan(25);
      expect(documented.filter((route) => !(route in table)), 'documented routes without a row').toEqual([]);
      expect(Object.keys(table).filter((route) => !documented.includes(route)), 'rows for routes docs/api.md does not list').toEqual([]);
    });

    it('an administrator’s API token gets what the table says from every documented route', async () => {
      const answers: Record<string, number> = {};
      // One document for the whole walk, in the order of docs/api.md; routes that destroy something get their own.
      const doc = await sharedDocument();
      for (const route of documentedRoutes()) {
        const row = table[route];
        if (!row) continue;
        const answer = await api(server, route.split(' ')[0], await pathOf(route, row, doc), {
          as: { bearer: admin.bearer },
          body: row.body,
          headers: row.address ? from(row.address) : {},
        });
        keep(sessionFrom(answer.headers), (answer.body as { token?: string; ticket?: string } | undefined)?.ticket);
        answers[route] = answer.status;
        if (row.bearer === 403) expect(answer.text, route).toMatch(/sign in with a browser/);
      }
      expect(answers).toEqual(Object.fromEntries(Object.entries(table).map(([route, row]) => [route, row.bearer])));
    });

    it('the same routes answer the administrator’s browser session (so the 403 above is the token’s, not a missing route)', async () => {
      const answers: Record<string, number> = {};
      const expected: Record<string, number> = {};
      for (const [route, row] of Object.entries(table)) {
        if (row.session === undefined) continue;
        const answer = await api<{ token?: string; temporaryPassword?: string }>(server, route.split(' ')[0], await pathOf(route, row, { id: '', linkId: '', linkToken: '' }), {
          as: { session: admin.session },
          body: row.body,
        });
        keep(answer.body?.token, answer.body?.temporaryPassword);
        answers[route] = answer.status;
        expected[route] = row.session;
      }
      expect(answers).toEqual(expected);
    });
  });

  describe('cross-site requests', () => {
    it('a sign-in from another site’s page is refused (403) before the password is even read; from the web app or a script it works', async () => {
      const body = { email: bob.user.email, password: PASSWORD };
      const crossSite = await api(server, 'POST', '/api/auth/signin', { body, headers: from('198.51.100.10', { origin: 'https://evil.example' }) });
      expect(crossSite.status).toBe(403);
      expect(crossSite.body).toEqual({
        statusCode: 403,
        message: 'Requests from https://evil.example may not change anything here; add it to ALLOWED_ORIGINS if it is your web app',
      });
      expect(sessionFrom(crossSite.headers)).toBeUndefined();

      for (const headers of [{ origin: ORIGIN }, {}] as Array<Record<string, string>>) {
        const answer = await api(server, 'POST', '/api/auth/signin', { body, headers: from('198.51.100.10', headers) });
        expect(answer.status).toBe(200);
        keep(sessionFrom(answer.headers));
      }
    });

    it('a guest ticket (no account at all) from another site’s page is refused (403); from the web app it is given', async () => {
      const { linkToken } = await sharedDocument();
      const path = `/api/links/${linkToken}/tickets`;
      const crossSite = await api(server, 'POST', path, { body: { name: 'Mallory' }, headers: { origin: 'https://evil.example' } });
      expect(crossSite.status).toBe(403);
      const allowed = await api<{ ticket: string }>(server, 'POST', path, { body: { name: 'Guest' }, headers: { origin: ORIGIN } });
      expect(allowed.status).toBe(201);
      keep(allowed.body.ticket);
    });

    it('X-Forwarded-Host is believed from the trusted proxy only: a forged one does not make a foreign Origin this server’s own', async () => {
      const url = `${server.httpUrl}/api/documents`;
      const cookie = `quire_session=${admin.session}`;
      const forged = await requestFrom('127.0.0.2', url, {
        method: 'POST',
        headers: { cookie, origin: 'http://evil.example', 'x-forwarded-host': 'evil.example' },
        body: { title: 'forged' },
      });
      expect(forged.status, forged.text).toBe(403);

      const ownHost = await requestFrom('127.0.0.2', url, {
        method: 'POST',
        headers: { cookie, origin: `http://127.0.0.1:${server.port}` },
        body: { title: 'same origin' },
      });
      expect(ownHost.status, ownHost.text).toBe(201);

      const viaProxy = await requestFrom('127.0.0.1', url, {
        method: 'POST',
        headers: { cookie, origin: 'https://notes.example.org', 'x-forwarded-host': 'notes.example.org', 'x-forwarded-proto': 'https' },
        body: { title: 'through the proxy' },
      });
      expect(viaProxy.status, viaProxy.text).toBe(201);
    });
  });

  describe('response headers', () => {
    it('no X-Powered-By; nosniff everywhere; no-store on every /api answer, those with secrets and errors included', async () => {
      const { id } = await sharedDocument();
      const answers: Array<[string, ApiAnswer]> = [
        ['session', await api(server, 'GET', '/api/session')],
        ['new token', await api(server, 'POST', '/api/tokens', { as: { session: bob.session }, body: { name: 'headers' } })],
        ['temporary password', await api(server, 'POST', `/api/admin/users/${(await throwaway('headers')).user.id}/password`, { as: { session: admin.session } })],
        ['share link', await admin.request('POST', `/api/documents/${id}/links`, { role: 'viewer' })],
        ['ticket', await admin.request('POST', `/api/documents/${id}/tickets`)],
        ['unknown route', await api(server, 'GET', '/api/no-such-route')],
        ['refusal', await api(server, 'GET', '/api/tokens', { as: { bearer: bob.bearer } })],
      ];
      for (const [what, answer] of answers) {
        const { token, temporaryPassword, ticket } = (answer.body ?? {}) as Record<string, string | undefined>;
        keep(token, temporaryPassword, ticket);
        expect(answer.headers.get('x-powered-by'), what).toBeNull();
        expect(answer.headers.get('x-content-type-options'), what).toBe('nosniff');
        expect(answer.headers.get('cache-control'), what).toBe('no-store');
      }
      expect(answers.slice(1, 5).map(([, answer]) => answer.status)).toEqual([201, 201, 201, 201]);
      const health = await fetch(`${server.httpUrl}/health`);
      expect(health.headers.get('x-powered-by')).toBeNull();
      expect(health.headers.get('x-content-type-options')).toBe('nosniff');
    });
  });

  describe('limits', () => {
    const signin = (email: string, password: string, address: string) =>
      api(server, 'POST', '/api/auth/signin', { body: { email, password }, headers: from(address) });

    it('wrong passwords from one address refuse that address only: the owner still signs in from elsewhere', async () => {
      const eve = await signUp(server, { email: 'eve@example.com', name: 'Eve', password: PASSWORD });
      keep(eve.bearer, eve.session);
      for (let attempt = 1; attempt <= 5; attempt++) expect((await signin('eve@example.com', `wrong ${attempt}`, '203.0.113.66')).status).toBe(401);
      const attacker = await signin('eve@example.com', PASSWORD, '203.0.113.66');
      expect(attacker.status).toBe(429);
      expect(Number(attacker.headers.get('retry-after'))).toBeGreaterThan(0);
      expect(sessionFrom(attacker.headers)).toBeUndefined();

      const owner = await signin('eve@example.com', PASSWORD, '192.0.2.44');
      expect(owner.status).toBe(200);
      keep(sessionFrom(owner.headers));
    });

    it('sign-up is limited per address (429 with Retry-After); another address still signs up', async () => {
      const signup = (n: number, address: string) =>
        api(server, 'POST', '/api/auth/signup', { body: { email: `crowd${n}@example.com`, name: `Crowd ${n}`, password: PASSWORD }, headers: from(address) });
      for (let n = 0; n < 20; n++) {
        const answer = await signup(n, '203.0.113.20');
        expect(answer.status, answer.text).toBe(201);
        keep(sessionFrom(answer.headers));
      }
      const refused = await signup(20, '203.0.113.20');
      expect(refused.status).toBe(429);
      expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
      expect((await api(server, 'POST', '/api/auth/signin', { body: { email: 'crowd20@example.com', password: PASSWORD }, headers: from('192.0.2.1') })).status).toBe(401);
      const elsewhere = await signup(21, '203.0.113.21');
      expect(elsewhere.status).toBe(201);
      keep(sessionFrom(elsewhere.headers));
    });

    it('adding members by email is limited per user and per address (it tells whether an account exists)', async () => {
      const id = await bob.createDocument(undefined, 'Bob’s');
      const add = (caller: Caller, n: number, address: string) =>
        api(server, 'POST', `/api/documents/${id}/members`, { as: caller, body: { email: `probe${n}@example.com`, role: 'viewer' }, headers: from(address) });
      // No account has these emails: each makes an invitation (and its answer tells that none has).
      for (let n = 0; n < 50; n++) expect((await add(bob, n, '203.0.113.30')).status).toBe(201);
      const refused = await add(bob, 50, '203.0.113.30');
      expect(refused.status).toBe(429);
      expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
      // The same user from another address, and another user from the same address: both counted.
      expect((await add(bob, 51, '203.0.113.31')).status).toBe(429);
      expect((await add(carol, 52, '203.0.113.30')).status).toBe(429);
      // Anyone else is not slowed: Carol from elsewhere gets the answer she would anyway (not a member: 404).
      expect((await add(carol, 53, '203.0.113.32')).status).toBe(404);
    });
  });

  describe('names', () => {
    it('a name with a bidirectional override, or made only of invisible characters, is refused with 400', async () => {
      const signup = await api(server, 'POST', '/api/auth/signup', {
        body: { email: 'mallory@example.com', name: 'Ada\u202Enimda', password: PASSWORD },
        headers: from('203.0.113.40'),
      });
      expect(signup.status).toBe(400);
      expect((signup.body as { message: string }).message).toMatch(/text-direction override/);

      const { linkToken } = await sharedDocument();
      const guest = await api(server, 'POST', `/api/links/${linkToken}/tickets`, { body: { name: '\u200B\u2060\u200B' } });
      expect(guest.status).toBe(400);
      expect((guest.body as { message: string }).message).toMatch(/visible characters/);

      const rename = await api(server, 'PATCH', '/api/account', { as: { session: bob.session }, body: { name: '\u3164' } });
      expect(rename.status).toBe(400);
    });
  });

  describe('security events', () => {
    interface EventView {
      id: string;
      at: string;
      type: string;
      actor: { id: string; name: string } | null;
      address: string | null;
      documentId: string | null;
      subjectId: string | null;
      details: string | null;
    }

    async function events(): Promise<EventView[]> {
      const answer = await api<{ events: EventView[] }>(server, 'GET', '/api/admin/events', { as: { session: admin.session } });
      expect(answer.status, answer.text).toBe(200);
      return answer.body.events;
    }

    it('the administrator reads who did what from where, newest first, without a secret; a token may not (403)', async () => {
      const token = await api<{ id: string; token: string }>(server, 'POST', '/api/tokens', {
        as: { session: dave.session },
        body: { name: 'audit me' },
        headers: from('198.51.100.77'),
      });
      keep(token.body.token);
      const failed = await api(server, 'POST', '/api/auth/signin', { body: { email: 'dave@example.com', password: 'wrong password' }, headers: from('198.51.100.78') });
      expect(failed.status).toBe(401);

      let listed: EventView[] = [];
      const deadline = Date.now() + 5_000;
      do {
        listed = await events();
      } while (!listed.some((event) => event.type === 'signin-failed' && event.address === '198.51.100.78') && Date.now() < deadline);

      expect(listed.length).toBeLessThanOrEqual(200);
      expect(listed.find((event) => event.type === 'token-created' && event.subjectId === token.body.id)).toMatchObject({
        actor: { id: dave.user.id, name: 'Dave' },
        address: '198.51.100.77',
        details: 'named "audit me"',
      });
      expect(listed.find((event) => event.type === 'signin-failed' && event.address === '198.51.100.78')).toMatchObject({
        actor: null,
        details: 'email dave@example.com',
      });
      const types = new Set(listed.map((event) => event.type));
      for (const type of ['setup', 'signup', 'signin', 'signin-failed', 'token-created', 'password-reset']) expect([...types], type).toContain(type);
      const ids = listed.map((event) => Number(event.id));
      expect(ids).toEqual([...ids].sort((a, b) => b - a));

      const text = JSON.stringify(listed);
      for (const secret of secrets) expect(text.includes(secret), `a secret starting ${secret.slice(0, 4)}`).toBe(false);
      expect(text).not.toContain(PASSWORD);
      expect(text).not.toContain('wrong password');

      const byToken = await api(server, 'GET', '/api/admin/events', { as: { bearer: admin.bearer } });
      expect(byToken.status).toBe(403);
      const byMember = await api(server, 'GET', '/api/admin/events', { as: { session: bob.session } });
      expect(byMember.status).toBe(403);
    });

    it('each event is also a structured log line, and no secret reaches the log', () => {
      const lines = server
        .output()
        .split('\n')
        .filter((line) => line.includes('"event":"security"'))
        .map((line) => JSON.parse(line) as Record<string, unknown>);
      expect(lines.some((line) => line['type'] === 'signin-failed' && line['address'] === '198.51.100.78')).toBe(true);
      expect(lines.some((line) => line['type'] === 'token-created' && line['actorId'] === dave.user.id)).toBe(true);
      const log = server.output();
      expect(secrets.size).toBeGreaterThan(8);
      for (const secret of secrets) expect(log.includes(secret), `a secret starting ${secret.slice(0, 4)} is in the log`).toBe(false);
      expect(log).not.toContain(PASSWORD);
    });
  });
});

describe('setup codes on a fresh instance', () => {
  const data = temporaryDataDir();
  let server: ServerProcess;

  beforeAll(async () => {
    server = await startServer({ dataDir: data.dir, env: { ALLOWED_ORIGINS: ORIGIN, TRUST_PROXY: '127.0.0.1' } });
  });

  afterAll(async () => {
    await server?.stop();
    data.remove();
  });

  it('wrong codes are counted per address: past ten, even the right code waits; another address may still set up', async () => {
    const code = await readSetupCode(server);
    const setup = (candidate: string, address: string) =>
      api(server, 'POST', '/api/setup', { body: { code: candidate, ...ADMIN }, headers: from(address) });
    for (let attempt = 0; attempt < 10; attempt++) expect((await setup(`AAAAAA-BBBBBB-${String(attempt).padStart(6, '0')}`, '203.0.113.50')).status).toBe(403);
    const refused = await setup(code, '203.0.113.50');
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(sessionFrom(refused.headers)).toBeUndefined();

    const owner = await setup(code, '192.0.2.9');
    expect(owner.status).toBe(201);
  });
});
