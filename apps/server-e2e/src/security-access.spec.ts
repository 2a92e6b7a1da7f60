import { describe, expect, it, vi } from 'vitest';
import { signUp } from './access';
import { collabPath, PASSWORD, REVOKED_WITHIN_MS, useSecurityFixture, typeParagraph } from './security-fixture';
import { rawOutcome, terminalClose } from './socket-outcome';
import { contentOf, eventually, synced } from './stock-client';

/**
 * The security matrix of issue 5, part two: revocations close open sockets within 5 s, and the HTTP
 * API keeps other people’s documents to their members. Part one: security.spec.ts.
 */
describe('security matrix: revocations and the HTTP API', () => {
  const fx = useSecurityFixture();
  const { sharedDocument, ticketFor, connect } = fx;
  const path = collabPath;

  describe('revocations close open sockets', () => {
    it(`removing a member closes their socket with 4403 within ${REVOKED_WITHIN_MS} ms, and they get no new ticket`, async () => {
      const id = await sharedDocument();
      const editor = connect(fx.bob, id, await ticketFor(fx.bob, id));
      await synced(editor);
      const closed = terminalClose(editor);
      expect((await fx.admin.request('DELETE', `/api/documents/${id}/members/${fx.bob.user.id}`)).status).toBe(204);
      const close = await closed;
      expect(close.code).toBe(4403);
      expect(close.afterMs).toBeLessThan(REVOKED_WITHIN_MS);
      expect((await fx.bob.request('POST', `/api/documents/${id}/tickets`)).status).toBe(404);
    });

    it('lowering a member to viewer: their browser’s socket closes with 4403 (to reconnect read-only); their script’s stays, read-only', async () => {
      const id = await sharedDocument();
      const owner = connect(fx.admin, id);
      const browser = connect(fx.bob, id, await ticketFor(fx.bob, id));
      const script = connect(fx.bob, id);
      await Promise.all([synced(owner), synced(browser), synced(script)]);
      const warnings = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
      const closed = terminalClose(browser);
      expect((await fx.admin.request('PATCH', `/api/documents/${id}/members/${fx.bob.user.id}`, { role: 'viewer' })).status).toBe(200);
      const close = await closed;
      expect(close.code).toBe(4403);
      expect(close.afterMs).toBeLessThan(REVOKED_WITHIN_MS);
      expect((await fx.bob.ticket(id, 'session')).role).toBe('viewer');

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
      const viewerLink = await fx.admin.request<{ id: string; token: string }>('POST', `/api/documents/${id}/links`, { role: 'viewer' });
      const editorLink = await fx.admin.request<{ id: string; token: string }>('POST', `/api/documents/${id}/links`, { role: 'editor' });
      expect([viewerLink.status, editorLink.status]).toEqual([201, 201]);
      fx.keep(viewerLink.body.token);
      fx.keep(editorLink.body.token);

      const refused = await fx.admin.request('POST', `/api/links/${editorLink.body.token}/tickets`, { name: 'Guest' });
      expect(refused.status).toBe(401);
      expect(refused.text).not.toContain('qk_');

      const guestAnswer = await fetch(`${fx.server.httpUrl}/api/links/${viewerLink.body.token}/tickets`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ name: 'Guest <b>' }),
      });
      expect(guestAnswer.status).toBe(201);
      const guest = (await guestAnswer.json()) as { ticket: string; role: string; documentId: string; user: { id: string; name: string } };
      fx.keep(guest.ticket);
      expect(guest).toMatchObject({ role: 'viewer', documentId: id, user: { name: 'Guest <b>' } });
      const client = connect(fx.admin, id, guest.ticket);
      await synced(client);
      const closed = terminalClose(client);
      expect((await fx.admin.request('DELETE', `/api/documents/${id}/links/${viewerLink.body.id}`)).status).toBe(204);
      const close = await closed;
      expect(close.code).toBe(4403);
      expect(close.afterMs).toBeLessThan(REVOKED_WITHIN_MS);
      expect((await fx.admin.request('POST', `/api/links/${viewerLink.body.token}/tickets`, { name: 'Guest' })).status).toBe(404);
    });

    it('deleting an API token closes the sockets it opened with 4401; the API refuses it (401)', async () => {
      const id = await sharedDocument();
      const created = await fx.bob.request<{ id: string; token: string }>('POST', '/api/tokens', { name: 'script' }, 'session');
      expect(created.status).toBe(201);
      fx.keep(created.body.token);
      const client = connect(fx.bob, id, created.body.token);
      await synced(client);
      const closed = terminalClose(client);
      expect((await fx.bob.request('DELETE', `/api/tokens/${created.body.id}`, undefined, 'session')).status).toBe(204);
      const close = await closed;
      expect(close.code).toBe(4401);
      expect(close.afterMs).toBeLessThan(REVOKED_WITHIN_MS);
      const afterwards = await fetch(`${fx.server.httpUrl}/api/documents`, { headers: { authorization: `Bearer ${created.body.token}` } });
      expect(afterwards.status).toBe(401);
    });

    it('deleting a document closes every socket on it with 4404; it cannot be opened again', async () => {
      const id = await sharedDocument();
      const owner = connect(fx.admin, id);
      const editor = connect(fx.bob, id, await ticketFor(fx.bob, id));
      await Promise.all([synced(owner), synced(editor)]);
      const closes = Promise.all([terminalClose(owner), terminalClose(editor)]);
      expect((await fx.admin.request('DELETE', `/api/documents/${id}`)).status).toBe(204);
      for (const close of await closes) {
        expect(close.code).toBe(4404);
        expect(close.afterMs).toBeLessThan(REVOKED_WITHIN_MS);
      }
      expect(await rawOutcome(fx.server.port, path(id, fx.admin.bearer))).toMatchObject({ status: 101, closeCode: 4404, dataFrames: [] });
    });
  });

  describe('the HTTP API', () => {
    it('another user’s document: 404 on every route (for a viewer, 403 where it may not change), with no data in the body', async () => {
      const id = await sharedDocument('Secret plans of Ada');
      const link = await fx.admin.request<{ id: string; token: string }>('POST', `/api/documents/${id}/links`, { role: 'viewer' });
      fx.keep(link.body.token);
      const routes: Array<[string, string, unknown?]> = [
        ['GET', `/api/documents/${id}`],
        ['PATCH', `/api/documents/${id}`, { title: 'mine now' }],
        ['DELETE', `/api/documents/${id}`],
        ['GET', `/api/documents/${id}/members`],
        ['POST', `/api/documents/${id}/members`, { email: fx.dave.user.email, role: 'editor' }],
        ['PATCH', `/api/documents/${id}/members/${fx.bob.user.id}`, { role: 'viewer' }],
        ['DELETE', `/api/documents/${id}/members/${fx.bob.user.id}`],
        ['GET', `/api/documents/${id}/links`],
        ['POST', `/api/documents/${id}/links`, { role: 'editor' }],
        ['DELETE', `/api/documents/${id}/links/${link.body.id}`],
        ['POST', `/api/documents/${id}/tickets`],
      ];
      const leaks = ['Secret plans', fx.admin.user.email, fx.admin.user.name, fx.bob.user.email, link.body.token, 'qk_'];
      for (const [method, route, body] of routes) {
        for (const as of ['token', 'session'] as const) {
          const answer = await fx.dave.request(method, route, body, as);
          expect(answer.status, `${method} ${route} as Dave (${as})`).toBe(404);
          for (const leak of leaks) expect(answer.text, `${method} ${route}`).not.toContain(leak);
        }
      }
      const list = await fx.dave.request<{ owned: unknown[]; shared: unknown[] }>('GET', '/api/documents');
      expect(list.body).toEqual({ owned: [], shared: [] });

      // Carol may see it (a viewer), not change it.
      const forbidden: Array<[string, string, unknown?]> = [
        ['PATCH', `/api/documents/${id}`, { title: 'mine now' }],
        ['DELETE', `/api/documents/${id}`],
        ['POST', `/api/documents/${id}/members`, { email: fx.dave.user.email, role: 'editor' }],
        ['DELETE', `/api/documents/${id}/members/${fx.bob.user.id}`],
        ['GET', `/api/documents/${id}/links`],
        ['POST', `/api/documents/${id}/links`, { role: 'editor' }],
      ];
      for (const [method, route, body] of forbidden) {
        const answer = await fx.carol.request(method, route, body);
        expect(answer.status, `${method} ${route} as Carol`).toBe(403);
        expect(answer.text).not.toContain(link.body.token);
      }
      // Nothing changed.
      const after = await fx.admin.request<{ title: string }>('GET', `/api/documents/${id}`);
      expect(after.body.title).toBe('Secret plans of Ada');
      const members = await fx.admin.request<{ members: Array<{ user: { id: string }; role: string }> }>('GET', `/api/documents/${id}/members`);
      expect(members.body.members.map((member) => [member.user.id, member.role]).sort()).toEqual(
        [
          [fx.admin.user.id, 'owner'],
          [fx.bob.user.id, 'editor'],
          [fx.carol.user.id, 'viewer'],
        ].sort(),
      );
    });

    it('without credentials: 401 on the document routes', async () => {
      for (const [method, route] of [
        ['GET', '/api/documents'],
        ['POST', '/api/documents'],
        ['POST', `/api/documents/${await sharedDocument()}/tickets`],
      ]) {
        const answer = await fetch(`${fx.server.httpUrl}${route}`, { method });
        expect(answer.status, `${method} ${route}`).toBe(401);
      }
    });

    it('the API token works as a bearer on /api/documents and as the stock client’s token', async () => {
      const id = await fx.admin.createDocument(undefined, 'Scripted');
      const list = await fx.admin.request<{ owned: Array<{ id: string; role: string }> }>('GET', '/api/documents');
      expect(list.status).toBe(200);
      expect(list.body.owned).toContainEqual(expect.objectContaining({ id, role: 'owner' }));
      const writer = connect(fx.admin, id);
      const reader = connect(fx.admin, id);
      await Promise.all([synced(writer), synced(reader)]);
      typeParagraph(writer, 'from a script');
      await eventually(() => contentOf(reader).includes('from a script'), 'the edit reaches the other client');
    });

    it('a session secret is not a bearer token', async () => {
      const answer = await fetch(`${fx.server.httpUrl}/api/documents`, { headers: { authorization: `Bearer ${fx.admin.session}` } });
      expect(answer.status).toBe(401);
    });

    it('wrong passwords: the sixth attempt for one account is refused with 429 and Retry-After, even with the right password', async () => {
      const eve = await signUp(fx.server, { email: 'eve@example.com', name: 'Eve', password: PASSWORD });
      fx.keep(eve.bearer);
      const signin = (email: string, password: string) =>
        fetch(`${fx.server.httpUrl}/api/auth/signin`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password }) });
      for (let attempt = 1; attempt <= 5; attempt++) expect((await signin('eve@example.com', `wrong password ${attempt}`)).status).toBe(401);
      const sixth = await signin('eve@example.com', PASSWORD);
      expect(sixth.status).toBe(429);
      expect(Number(sixth.headers.get('retry-after'))).toBeGreaterThan(0);
      expect(sixth.headers.getSetCookie()).toEqual([]);
      // Per account: another account from the same address still signs in.
      const other = await signin('dave@example.com', PASSWORD);
      expect(other.status).toBe(200);
      const cookie = other.headers.getSetCookie()[0] ?? '';
      fx.keep(/quire_session=([^;]*)/.exec(cookie)?.[1] ?? 'missing');
    });
  });

  // Last: every secret the tests above handled is known by now.
  it('no token of any kind appears in the server’s log (LOG_LEVEL=debug)', () => fx.expectNoSecretInLog());
});
