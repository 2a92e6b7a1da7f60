import { encodeUpdate } from '@quire/protocol';
import { describe, expect, it, vi } from 'vitest';
import { ALLOWED_ORIGIN, awarenessFrame, collabPath, paragraphUpdate, useSecurityFixture, TICKET_LIFETIME_MS, typeParagraph } from './security-fixture';
import { rawOutcome, terminalClose } from './socket-outcome';
import { contentOf, eventually, synced, type StockClient } from './stock-client';

/**
 * The security matrix of issue 5, part one: opening a socket (tickets, tokens, origins), viewers, and
 * awareness, against a real server process with raw sockets and the stock y-websocket client.
 * Revocations and the HTTP API: security-access.spec.ts; setup, sign-up and cookies:
 * security-setup.spec.ts; two instances on one PostgreSQL database: security-postgres.spec.ts.
 */
describe('security matrix: sockets, viewers and awareness', () => {
  const fx = useSecurityFixture();
  const { sharedDocument, ticketFor, connect, open } = fx;
  const path = collabPath;

  describe('opening a socket', () => {
    it('no token: 4401 right after the handshake, and not one document byte', async () => {
      const id = await sharedDocument();
      const raw = await rawOutcome(fx.server.port, path(id));
      expect(raw).toMatchObject({ status: 101, closeCode: 4401, dataFrames: [] });
      const stock = connect(fx.admin, id, null);
      expect((await terminalClose(stock)).code).toBe(4401);
      expect(stock.provider.synced).toBe(false);
    });

    it('a token that is neither a ticket nor an API token, a session secret included: 4401', async () => {
      const id = await sharedDocument();
      for (const token of ['nonsense', 'qk_unknown-ticket', 'qt_unknown-token', fx.admin.session ?? '']) {
        expect(await rawOutcome(fx.server.port, path(id, token)), token.slice(0, 3)).toMatchObject({ status: 101, closeCode: 4401, dataFrames: [] });
      }
    });

    it(`an expired ticket (TICKET_LIFETIME_MS=${TICKET_LIFETIME_MS}): 4401, no document byte`, async () => {
      const id = await sharedDocument();
      const answer = await fx.bob.ticket(id, 'session');
      fx.keep(answer.ticket);
      const lifetime = Date.parse(answer.expiresAt) - Date.now();
      expect(lifetime).toBeGreaterThan(0);
      expect(lifetime).toBeLessThanOrEqual(TICKET_LIFETIME_MS);
      await new Promise((resolve) => setTimeout(resolve, lifetime + 200));
      expect(await rawOutcome(fx.server.port, path(id, answer.ticket))).toMatchObject({ status: 101, closeCode: 4401, dataFrames: [] });
    });

    it('a used ticket: the first connection syncs, a second use is closed with 4401', async () => {
      const id = await sharedDocument();
      const ticket = await ticketFor(fx.bob, id);
      const first = connect(fx.bob, id, ticket);
      await synced(first);
      expect(await rawOutcome(fx.server.port, path(id, ticket))).toMatchObject({ status: 101, closeCode: 4401, dataFrames: [] });
      expect(first.provider.wsconnected).toBe(true);
    });

    it('a ticket for another document: 4403, and the ticket is spent', async () => {
      const a = await sharedDocument();
      const b = await sharedDocument();
      const ticket = await ticketFor(fx.bob, a);
      expect(await rawOutcome(fx.server.port, path(b, ticket))).toMatchObject({ status: 101, closeCode: 4403, dataFrames: [] });
      expect(await rawOutcome(fx.server.port, path(a, ticket))).toMatchObject({ status: 101, closeCode: 4401, dataFrames: [] });
    });

    it('a document that does not exist: 4404 (connecting creates nothing)', async () => {
      expect(await rawOutcome(fx.server.port, path('no-such-document', fx.admin.bearer))).toMatchObject({ status: 101, closeCode: 4404, dataFrames: [] });
      expect(await fx.admin.request('GET', '/api/documents/no-such-document')).toMatchObject({ status: 404 });
    });

    it('someone who is not a member: no ticket (404), and their API token is closed with 4403', async () => {
      const id = await sharedDocument();
      expect((await fx.dave.request('POST', `/api/documents/${id}/tickets`)).status).toBe(404);
      expect(await rawOutcome(fx.server.port, path(id, fx.dave.bearer))).toMatchObject({ status: 101, closeCode: 4403, dataFrames: [] });
    });

    it('a foreign Origin is refused at the upgrade (HTTP 403) even with a valid ticket, which stays unspent', async () => {
      const id = await sharedDocument();
      const ticket = await ticketFor(fx.bob, id);
      const refused = await rawOutcome(fx.server.port, path(id, ticket), ['Origin: https://evil.example']);
      expect(refused.status).toBe(403);
      expect(refused.dataFrames).toEqual([]);
      // The origin is checked before the ticket is taken: the page of the right origin still gets in.
      const allowed = await open(`${fx.bob.socketUrl(id, ticket)}`);
      expect(allowed.isOpen).toBe(true);
      const viaAllowedOrigin = await rawOutcome(fx.server.port, path(id, await ticketFor(fx.bob, id)), [`Origin: ${ALLOWED_ORIGIN}`], 1_000);
      expect(viaAllowedOrigin.status).toBe(101);
      expect(viaAllowedOrigin.closeCode).toBeUndefined();
      expect(viaAllowedOrigin.dataFrames.length).toBeGreaterThan(0);
    });
  });

  it('a viewer receives everything, and its updates are dropped: not applied, stored or relayed; told once', async () => {
    const id = await sharedDocument();
    const owner = connect(fx.admin, id);
    const editor = connect(fx.bob, id, await ticketFor(fx.bob, id));
    await Promise.all([synced(owner), synced(editor)]);
    typeParagraph(owner, 'canary');
    await eventually(() => contentOf(editor).includes('canary'), 'the editor receives the canary');

    // Carol's browser, read-only in the UI but edited anyway through the stock client.
    const warnings = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const denied = () => warnings.mock.calls.filter((call) => String(call[0]).includes('Permission denied')).length;
    const viewer = connect(fx.carol, id, await ticketFor(fx.carol, id));
    await synced(viewer);
    expect(contentOf(viewer)).toContain('canary');
    typeParagraph(viewer, 'viewer edit 1');
    typeParagraph(viewer, 'viewer edit 2');
    await eventually(() => denied() > 0, 'the stock client is told it is read-only');

    // And a script holding Carol's ticket, sending updates by hand.
    const raw = await open(fx.carol.socketUrl(id, await ticketFor(fx.carol, id)));
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
    fx.cleanUp();
    await fx.everyDocumentUnloaded();
    const fresh = connect(fx.bob, id, await ticketFor(fx.bob, id));
    await synced(fresh);
    expect(contentOf(fresh)).toBe(expected);
    expect(contentOf(fresh)).not.toMatch(/viewer edit/);
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
      const owner = connect(fx.admin, id);
      await synced(owner);
      return { id, owner, seen: recordStates(owner) };
    }

    it('a state claiming another user’s id or name is not relayed; the connection’s own is', async () => {
      const { id, seen } = await watchedDocument();
      const socket = await open(fx.bob.socketUrl(id, await ticketFor(fx.bob, id)));
      const clientId = 424_242;
      socket.send(awarenessFrame(clientId, { user: { id: fx.admin.user.id, name: fx.admin.user.name, color: '#000000' } }, 1));
      socket.send(awarenessFrame(clientId, { user: { id: fx.bob.user.id, name: fx.admin.user.name, color: '#000000' } }, 2));
      socket.send(awarenessFrame(clientId, { user: { id: fx.admin.user.id, name: fx.bob.user.name, color: '#000000' } }, 3));
      socket.send(awarenessFrame(clientId, { user: { name: fx.bob.user.name }, cursor: null }, 4));
      // The connection's own user: relayed, and a barrier (one socket's frames are handled in order).
      const own = { user: { id: fx.bob.user.id, name: fx.bob.user.name, color: '#00aa00' }, cursor: null };
      socket.send(awarenessFrame(clientId, own, 5));
      await eventually(() => seen(clientId).length > 0, 'the owner sees Bob’s own state');
      expect(seen(clientId)).toEqual([own]);
    });

    it('a state over 4 KiB is dropped, without closing the connection', async () => {
      const { id, seen } = await watchedDocument();
      const socket = await open(fx.bob.socketUrl(id, await ticketFor(fx.bob, id)));
      const clientId = 434_343;
      const user = { id: fx.bob.user.id, name: fx.bob.user.name, color: '#00aa00' };
      socket.send(awarenessFrame(clientId, { user, padding: 'x'.repeat(5 * 1024) }, 1));
      const own = { user, cursor: null };
      socket.send(awarenessFrame(clientId, own, 2));
      await eventually(() => seen(clientId).length > 0, 'the owner sees Bob’s small state');
      expect(seen(clientId)).toEqual([own]);
      expect(socket.isOpen).toBe(true);
    });

    it('a client id another connection introduced is not taken over', async () => {
      const { id, owner } = await watchedDocument();
      owner.provider.awareness.setLocalState(fx.admin.awareness('#aa0000'));
      const editor = connect(fx.bob, id, await ticketFor(fx.bob, id));
      const seenByEditor = recordStates(editor);
      await synced(editor);
      await eventually(() => seenByEditor(owner.doc.clientID).length > 0, 'Bob sees the owner');
      const socket = await open(fx.bob.socketUrl(id, await ticketFor(fx.bob, id)));
      const bobState = { user: { id: fx.bob.user.id, name: fx.bob.user.name, color: '#00aa00' }, cursor: null };
      socket.send(awarenessFrame(owner.doc.clientID, bobState, 1_000));
      socket.send(awarenessFrame(545_454, bobState, 1));
      await eventually(() => seenByEditor(545_454).length > 0, 'Bob’s own client id is relayed');
      expect(seenByEditor(owner.doc.clientID).every((state) => JSON.stringify(state) === JSON.stringify(fx.admin.awareness('#aa0000')))).toBe(true);
      expect(editor.provider.awareness.getStates().get(owner.doc.clientID)).toEqual(fx.admin.awareness('#aa0000'));
    });
  });

  // Last: every secret the tests above handled is known by now.
  it('no token of any kind appears in the server’s log (LOG_LEVEL=debug)', () => fx.expectNoSecretInLog());
});
