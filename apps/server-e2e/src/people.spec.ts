import { join } from 'node:path';
import { CreatedInvitation, DocumentView, InvitationInfo, InvitationList, OwnedDocumentList, ResetRequestList, UserList } from '@quire/api-contract';
import Database from 'better-sqlite3';
import { Client } from 'pg';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { api, sessionFrom, setUpAdmin, signUp, type Account } from './access';
import { startServer, temporaryDataDir, type ServerProcess } from './server-process';
import { terminalClose } from './socket-outcome';
import { connectStockClient, synced, type StockClient } from './stock-client';
import { backends, PASSWORD } from './versions-fixture';

// docs/api.md, "Invitations" and the administrator's account controls, on a real server on SQLite
// and PostgreSQL: an invitation becomes membership at sign-up through its link or with its email,
// a cancelled or expired one does not; a disabled account's socket closes at once and none of its
// credentials works; deleting an account hands its documents over or deletes them; reset requests.

for (const backend of await backends('people API')) {
  describe.skipIf(backend.skip)(`people on ${backend.name}`, () => {
    const data = temporaryDataDir();
    let server: ServerProcess;
    let env: Record<string, string> = {};
    let drop: () => Promise<void> = async () => undefined;
    let admin: Account;
    let bob: Account;
    let dave: Account;
    const clients: StockClient[] = [];
    let serial = 0;

    beforeAll(async () => {
      ({ env, drop } = await backend.prepare());
      server = await startServer({ dataDir: data.dir, env });
      admin = await setUpAdmin(server);
      bob = await signUp(server, { email: 'bob@example.com', name: 'Bob', password: PASSWORD });
      dave = await signUp(server, { email: 'dave@example.com', name: 'Dave', password: PASSWORD });
    });
    afterEach(() => {
      for (const client of clients.splice(0)) client.destroy();
    });
    afterAll(async () => {
      await server?.stop();
      await drop();
      data.remove();
    });

    /** Runs one statement on the server's database, as time passing or a tool would. */
    async function sql(statement: string): Promise<void> {
      if (env['DATABASE_URL']) {
        const client = new Client({ connectionString: env['DATABASE_URL'] });
        await client.connect();
        try {
          await client.query(statement);
        } finally {
          await client.end();
        }
        return;
      }
      const db = new Database(join(data.dir, 'quire.db'));
      try {
        db.exec(statement);
      } finally {
        db.close();
      }
    }
    const unique = (name: string) => `${name}-${++serial}-${Date.now()}@example.com`;
    async function invite(documentId: string, email: string, role = 'editor'): Promise<CreatedInvitation> {
      const made = await admin.request('POST', `/api/documents/${documentId}/members`, { email, role });
      expect(made.status, made.text).toBe(201);
      return CreatedInvitation.parse(made.body);
    }
    const tokenOf = (link: string) => decodeURIComponent(new URL(link, 'http://x').searchParams.get('invite') ?? '');
    const signup = (body: Record<string, unknown>) => api(server, 'POST', '/api/auth/signup', { body: { name: 'New person', password: PASSWORD, ...body } });
    const roleOf = async (caller: { session?: string; bearer?: string }, id: string) => {
      const answer = await api(server, 'GET', `/api/documents/${id}`, { as: caller });
      return answer.status === 200 ? DocumentView.parse(answer.body).role : answer.status;
    };
    const setSignup = async (allowSignup: boolean) => {
      const answer = await admin.request('PUT', '/api/admin/signup', { allowSignup }, 'session');
      expect(answer.status, answer.text).toBe(200);
      expect(answer.body).toEqual({ allowSignup });
    };

    it('an invitation link signs its email up even with sign-up off, and the new account is a member at once; only the owner sees or cancels invitations', async () => {
      const id = await admin.createDocument(undefined, 'Launch plan');
      const email = unique('New.Person');
      const made = await invite(id, `  ${email.toUpperCase()} `);
      expect(made.invitation).toMatchObject({ email: email.toLowerCase(), role: 'editor' });
      expect(made.link).toMatch(/^\/signup\?invite=qi_/);
      expect(Date.parse(made.invitation.expiresAt) - Date.parse(made.invitation.createdAt)).toBe(14 * 24 * 60 * 60 * 1000);
      const listed = InvitationList.parse((await admin.request('GET', `/api/documents/${id}/invitations`)).body);
      expect(listed.invitations.map((invitation) => invitation.id)).toEqual([made.invitation.id]);

      // A non-member gets 404, a member who is not the owner 403, for listing and cancelling.
      expect((await bob.request('GET', `/api/documents/${id}/invitations`)).status).toBe(404);
      expect((await bob.request('DELETE', `/api/documents/${id}/invitations/${made.invitation.id}`)).status).toBe(404);
      expect((await admin.request('POST', `/api/documents/${id}/members`, { email: bob.user.email, role: 'viewer' })).status).toBe(201);
      expect((await bob.request('GET', `/api/documents/${id}/invitations`)).status).toBe(403);
      expect((await bob.request('DELETE', `/api/documents/${id}/invitations/${made.invitation.id}`)).status).toBe(403);

      const token = tokenOf(made.link);
      const info = await api(server, 'GET', `/api/invitations/${encodeURIComponent(token)}`);
      expect(info.status, info.text).toBe(200);
      expect(InvitationInfo.parse(info.body)).toMatchObject({ email: email.toLowerCase(), documentTitle: 'Launch plan', inviterName: admin.user.name, role: 'editor' });

      await setSignup(false);
      try {
        expect((await api(server, 'GET', '/api/session')).body).toMatchObject({ allowSignup: false });
        expect((await signup({ email: unique('stranger') })).status).toBe(403);
        // The link works for its own email only.
        expect((await signup({ email: unique('stranger'), invite: token })).status).toBe(403);
        const joined = await signup({ email, invite: token });
        expect(joined.status, joined.text).toBe(201);
        expect(await roleOf({ session: sessionFrom(joined.headers) }, id)).toBe('editor');
      } finally {
        await setSignup(true);
      }
      expect(InvitationList.parse((await admin.request('GET', `/api/documents/${id}/invitations`)).body).invitations).toEqual([]);
      expect((await api(server, 'GET', `/api/invitations/${encodeURIComponent(token)}`)).status).toBe(404);
    });

    it('signing up with an invited email (no link) makes the membership; a cancelled or expired invitation does not', async () => {
      const id = await admin.createDocument(undefined, 'Roadmap');
      const [kept, cancelled, expired] = [unique('kept'), unique('cancelled'), unique('expired')];
      await invite(id, kept, 'commenter');
      const toCancel = await invite(id, cancelled, 'viewer');
      const toExpire = await invite(id, expired, 'viewer');
      expect((await admin.request('DELETE', `/api/documents/${id}/invitations/${toCancel.invitation.id}`)).status).toBe(204);
      expect((await admin.request('DELETE', `/api/documents/${id}/invitations/${toCancel.invitation.id}`)).status).toBe(404);
      expect((await api(server, 'GET', `/api/invitations/${encodeURIComponent(tokenOf(toCancel.link))}`)).status).toBe(404);
      // Fourteen days pass for this one.
      await sql(`UPDATE document_invitations SET expires_at = created_at WHERE id = '${toExpire.invitation.id}'`);
      expect((await api(server, 'GET', `/api/invitations/${encodeURIComponent(tokenOf(toExpire.link))}`)).status).toBe(404);
      expect(InvitationList.parse((await admin.request('GET', `/api/documents/${id}/invitations`)).body).invitations.map((invitation) => invitation.email)).toEqual([kept]);

      const keptAccount = await signUp(server, { email: kept, name: 'Kept', password: PASSWORD });
      expect(await roleOf({ bearer: keptAccount.bearer }, id)).toBe('commenter');
      const cancelledAccount = await signUp(server, { email: cancelled, name: 'Cancelled', password: PASSWORD });
      expect(await roleOf({ bearer: cancelledAccount.bearer }, id)).toBe(404);
      // Through its expired link: the account is made (sign-up is on), the membership is not.
      const expiredAccount = await signup({ email: expired, invite: tokenOf(toExpire.link) });
      expect(expiredAccount.status, expiredAccount.text).toBe(201);
      expect(await roleOf({ session: sessionFrom(expiredAccount.headers) }, id)).toBe(404);
    });

    it('a disabled account’s socket closes at once, its token and session stop working and it cannot sign in; enabled, it signs in again', async () => {
      const erin = await signUp(server, { email: unique('erin'), name: 'Erin', password: PASSWORD });
      const id = await admin.createDocument(undefined, 'Shared with Erin');
      expect((await admin.request('POST', `/api/documents/${id}/members`, { email: erin.user.email, role: 'editor' })).status).toBe(201);
      const client = connectStockClient(server.wsUrl, id, { params: erin.params });
      clients.push(client);
      await synced(client);

      // Only the administrator, with a browser session, and never on their own account.
      expect((await bob.request('PUT', `/api/admin/users/${erin.user.id}/disabled`, { disabled: true }, 'session')).status).toBe(403);
      expect((await admin.request('PUT', `/api/admin/users/${erin.user.id}/disabled`, { disabled: true })).status).toBe(403);
      expect((await admin.request('PUT', `/api/admin/users/${admin.user.id}/disabled`, { disabled: true }, 'session')).status).toBe(400);
      expect((await admin.request('PUT', '/api/admin/users/no-such-user/disabled', { disabled: true }, 'session')).status).toBe(404);

      const closing = terminalClose(client, 5_000);
      const disabled = await admin.request('PUT', `/api/admin/users/${erin.user.id}/disabled`, { disabled: true }, 'session');
      expect(disabled.status, disabled.text).toBe(200);
      expect(disabled.body).toMatchObject({ id: erin.user.id, disabled: true });
      const closed = await closing;
      expect(closed.code).toBe(4401);
      expect(closed.afterMs).toBeLessThan(3_000);

      expect((await erin.request('GET', '/api/documents')).status).toBe(401);
      expect((await erin.request('GET', '/api/documents', undefined, 'session')).status).toBe(401);
      const signin = () => api(server, 'POST', '/api/auth/signin', { body: { email: erin.user.email, password: PASSWORD } });
      expect((await signin()).status).toBe(403);
      const users = UserList.parse((await admin.request('GET', '/api/admin/users', undefined, 'session')).body).users;
      expect(users.find((user) => user.id === erin.user.id)?.disabled).toBe(true);
      expect(users.find((user) => user.id === bob.user.id)?.disabled).toBe(false);

      expect((await admin.request('PUT', `/api/admin/users/${erin.user.id}/disabled`, { disabled: false }, 'session')).status).toBe(200);
      expect((await signin()).status).toBe(200);
      // The token was revoked when the account was disabled: enabling does not bring it back.
      expect((await erin.request('GET', '/api/documents')).status).toBe(401);
    });

    it('deleting an account hands its documents to the chosen owner or deletes them for good; never one’s own', async () => {
      const frank = await signUp(server, { email: unique('frank'), name: 'Frank', password: PASSWORD });
      const handed = await frank.createDocument(undefined, 'Frank’s notes');
      expect((await frank.request('POST', `/api/documents/${handed}/members`, { email: dave.user.email, role: 'viewer' })).status).toBe(201);
      const owned = await admin.request('GET', `/api/admin/users/${frank.user.id}/documents`, undefined, 'session');
      expect(OwnedDocumentList.parse(owned.body).documents).toEqual([{ id: handed, title: 'Frank’s notes', trashed: false }]);
      expect((await bob.request('POST', `/api/admin/users/${frank.user.id}/deletion`, { heirId: null }, 'session')).status).toBe(403);
      expect((await admin.request('POST', `/api/admin/users/${frank.user.id}/deletion`, { heirId: null })).status).toBe(403);
      expect((await admin.request('POST', `/api/admin/users/${admin.user.id}/deletion`, { heirId: null }, 'session')).status).toBe(400);
      expect((await admin.request('POST', `/api/admin/users/${frank.user.id}/deletion`, { heirId: frank.user.id }, 'session')).status).toBe(400);
      expect((await admin.request('POST', `/api/admin/users/${frank.user.id}/deletion`, { heirId: 'no-such-user' }, 'session')).status).toBe(404);

      const result = await admin.request('POST', `/api/admin/users/${frank.user.id}/deletion`, { heirId: dave.user.id }, 'session');
      expect(result.status, result.text).toBe(200);
      expect(result.body).toEqual({ handedOver: [handed], deleted: [] });
      expect(await roleOf({ bearer: dave.bearer }, handed)).toBe('owner');
      expect((await frank.request('GET', '/api/documents')).status).toBe(401);

      const gina = await signUp(server, { email: unique('gina'), name: 'Gina', password: PASSWORD });
      const gone = await gina.createDocument(undefined, 'Gina’s draft');
      expect((await gina.request('POST', `/api/documents/${gone}/members`, { email: bob.user.email, role: 'editor' })).status).toBe(201);
      const deleted = await admin.request('POST', `/api/admin/users/${gina.user.id}/deletion`, { heirId: null }, 'session');
      expect(deleted.body).toEqual({ handedOver: [], deleted: [gone] });
      expect(await roleOf({ bearer: bob.bearer }, gone)).toBe(404);
      expect((await admin.request('POST', `/api/admin/users/${gina.user.id}/deletion`, { heirId: null }, 'session')).status).toBe(404);
    });

    it('a reset request answers the same whether the email has an account; the administrator lists it with the account and dismisses it', async () => {
      const ask = (email: string) => api(server, 'POST', '/api/auth/password-reset-requests', { body: { email } });
      const known = await ask(` ${bob.user.email.toUpperCase()}`);
      const unknown = await ask(unique('nobody'));
      expect([known.status, unknown.status]).toEqual([204, 204]);
      expect(known.text).toBe(unknown.text);
      expect((await bob.request('GET', '/api/admin/password-reset-requests', undefined, 'session')).status).toBe(403);
      expect((await admin.request('GET', '/api/admin/password-reset-requests')).status).toBe(403);
      const listed = ResetRequestList.parse((await admin.request('GET', '/api/admin/password-reset-requests', undefined, 'session')).body).requests;
      const bobs = listed.find((request) => request.email === bob.user.email);
      expect(bobs?.user).toEqual({ id: bob.user.id, name: 'Bob' });
      expect(listed.filter((request) => request.user === null)).toHaveLength(1);
      expect((await bob.request('DELETE', `/api/admin/password-reset-requests/${bobs?.id}`, undefined, 'session')).status).toBe(403);
      expect((await admin.request('DELETE', `/api/admin/password-reset-requests/${bobs?.id}`, undefined, 'session')).status).toBe(204);
      expect((await admin.request('DELETE', `/api/admin/password-reset-requests/${bobs?.id}`, undefined, 'session')).status).toBe(404);
    });
  });
}
