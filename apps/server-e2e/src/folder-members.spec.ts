import { FolderView, MemberList, MemberView } from '@quire/api-contract';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, signUp, type Account } from './access';
import { backends, PASSWORD, VersionsFixture } from './versions-fixture';

// docs/api.md, "Documents": a document's members list names the people it reaches through the
// folders above it (who @-mentions offer, what the share dialog shows read-only), and PATCH of
// someone who is only a folder member is refused rather than made into a membership on top; on a
// real server, on SQLite and PostgreSQL, for an API token and a browser session.

for (const backend of await backends('folder members API')) {
  describe.skipIf(backend.skip)(`a document's members through folders on ${backend.name}`, () => {
    const fx = new VersionsFixture(backend);
    let erin: Account;
    beforeAll(async () => {
      await fx.start();
      erin = await signUp(fx.server, { email: 'erin@example.com', name: 'Erin', password: PASSWORD });
    });
    afterAll(() => fx.stop());

    async function folder(name: string, parentId: string | null = null): Promise<string> {
      const made = await fx.admin.request('POST', '/api/folders', { name, parentId });
      expect(made.status, made.text).toBe(201);
      return FolderView.parse(made.body).id;
    }
    async function shareFolder(folderId: string, account: Account, role: 'viewer' | 'commenter' | 'editor'): Promise<void> {
      const added = await fx.admin.request('POST', `/api/folders/${folderId}/members`, { email: account.user.email, role });
      expect(added.status, added.text).toBe(201);
    }
    async function membersAs(account: Account, id: string, as: 'token' | 'session' = 'token'): Promise<MemberList> {
      const answer = await account.request('GET', `/api/documents/${id}/members`, undefined, as);
      expect(answer.status, answer.text).toBe(200);
      return MemberList.parse(answer.body);
    }
    const inheritedOf = (list: MemberList) => list.inherited.map((member) => [member.user.name, member.role, member.folder?.name ?? null]);

    /** Team (Dave, editor) › Drafts (Carol, commenter) › a document with Bob as its own editor. */
    async function sharedThroughFolders(): Promise<{ id: string; team: string; drafts: string }> {
      const team = await folder('Team');
      const drafts = await folder('Drafts', team);
      const id = await fx.admin.createDocument(undefined, 'Roadmap');
      expect((await fx.admin.request('PUT', `/api/documents/${id}/folder`, { folderId: drafts })).status).toBe(200);
      expect((await fx.admin.request('POST', `/api/documents/${id}/members`, { email: fx.bob.user.email, role: 'editor' })).status).toBe(201);
      await shareFolder(team, fx.dave, 'editor');
      await shareFolder(drafts, fx.carol, 'commenter');
      return { id, team, drafts };
    }

    it('lists the people a document reaches through folders, naming only the folders the caller may see', async () => {
      const { id, team } = await sharedThroughFolders();

      for (const as of ['token', 'session'] as const) {
        const owners = await membersAs(fx.admin, id, as);
        expect(owners.members.map((member) => [member.user.name, member.role])).toEqual([
          ['Ada Admin', 'owner'],
          ['Bob', 'editor'],
        ]);
        expect(inheritedOf(owners)).toEqual([
          ['Dave', 'editor', 'Team'],
          ['Carol', 'commenter', 'Drafts'],
        ]);
        expect(owners.inherited[0].user).toEqual({ id: fx.dave.user.id, name: 'Dave', email: fx.dave.user.email });
      }
      // Bob, a member of the document only, sees who else has access, but not the owner's folder names.
      expect(inheritedOf(await membersAs(fx.bob, id))).toEqual([
        ['Dave', 'editor', null],
        ['Carol', 'commenter', null],
      ]);
      // Carol sees Drafts (shared with her), not Team above it; Dave sees both.
      expect(inheritedOf(await membersAs(fx.carol, id, 'session'))).toEqual([
        ['Dave', 'editor', null],
        ['Carol', 'commenter', 'Drafts'],
      ]);
      expect(inheritedOf(await membersAs(fx.dave, id))).toEqual([
        ['Dave', 'editor', 'Team'],
        ['Carol', 'commenter', 'Drafts'],
      ]);

      // Someone whose own membership is as strong is listed once, as a member.
      expect((await fx.admin.request('POST', `/api/documents/${id}/members`, { email: fx.carol.user.email, role: 'editor' })).status).toBe(201);
      expect(inheritedOf(await membersAs(fx.admin, id))).toEqual([['Dave', 'editor', 'Team']]);

      // A stranger, someone not signed in, a bad token: nothing.
      expect((await erin.request('GET', `/api/documents/${id}/members`)).status).toBe(404);
      expect((await erin.request('GET', `/api/documents/${id}/members`, undefined, 'session')).status).toBe(404);
      expect((await api(fx.server, 'GET', `/api/documents/${id}/members`)).status).toBe(401);
      expect((await api(fx.server, 'GET', `/api/documents/${id}/members`, { as: { bearer: 'qt_not-a-token' } })).status).toBe(401);

      // Taken off the folder: gone from the list, and the list gone for them, at once.
      expect((await fx.admin.request('DELETE', `/api/folders/${team}/members/${fx.dave.user.id}`)).status).toBe(204);
      expect(inheritedOf(await membersAs(fx.admin, id))).toEqual([]);
      expect((await fx.dave.request('GET', `/api/documents/${id}/members`)).status).toBe(404);
    });

    it('refuses to change the role of someone who is only a folder member, and changes it once they are a member of their own', async () => {
      const { id } = await sharedThroughFolders();
      const patchDave = (account: Account, role: string, as: 'token' | 'session' = 'token') =>
        account.request('PATCH', `/api/documents/${id}/members/${fx.dave.user.id}`, { role }, as);

      for (const as of ['token', 'session'] as const) {
        const refused = await patchDave(fx.admin, 'viewer', as);
        expect(refused.status, refused.text).toBe(404);
        expect(refused.text).toMatch(/through a folder.*Change their role on the folder/);
      }
      // Nothing was made: still the folder's editor, and no member of the document itself.
      expect((await fx.dave.request<{ role: string }>('GET', `/api/documents/${id}`)).body.role).toBe('editor');
      expect((await membersAs(fx.admin, id)).members.map((member) => member.user.name)).not.toContain('Dave');
      // Someone with no access at all: "No such member", as before.
      const stranger = await fx.admin.request('PATCH', `/api/documents/${id}/members/${erin.user.id}`, { role: 'viewer' });
      expect(stranger.status).toBe(404);
      expect(stranger.text).toMatch(/No such member/);

      // Only the owner changes roles: the document's editor, a folder's commenter, the folder member himself, a stranger.
      expect((await patchDave(fx.bob, 'viewer')).status).toBe(403);
      expect((await patchDave(fx.carol, 'viewer', 'session')).status).toBe(403);
      expect((await patchDave(fx.dave, 'viewer')).status).toBe(403);
      expect((await patchDave(erin, 'viewer')).status).toBe(404);
      expect((await api(fx.server, 'PATCH', `/api/documents/${id}/members/${fx.dave.user.id}`, { body: { role: 'viewer' } })).status).toBe(401);

      // Added to the document (POST), Dave is a member of his own: PATCH changes that membership.
      expect((await fx.admin.request('POST', `/api/documents/${id}/members`, { email: fx.dave.user.email, role: 'viewer' })).status).toBe(201);
      const changed = await patchDave(fx.admin, 'commenter', 'session');
      expect(changed.status, changed.text).toBe(200);
      expect(MemberView.parse(changed.body)).toMatchObject({ user: { id: fx.dave.user.id }, role: 'commenter' });
      // The folder's editor role still counts (the highest of the two), and the list says where it comes from.
      expect((await fx.dave.request<{ role: string }>('GET', `/api/documents/${id}`)).body.role).toBe('editor');
      expect(inheritedOf(await membersAs(fx.admin, id))).toEqual([
        ['Dave', 'editor', 'Team'],
        ['Carol', 'commenter', 'Drafts'],
      ]);
    });
  });
}
