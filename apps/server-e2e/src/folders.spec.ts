import { DocumentFolder, DocumentLists, DocumentView, FolderContents, FolderList, FolderMemberList, FolderView, SearchAnswer } from '@quire/api-contract';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Account } from './access';
import { terminalClose } from './socket-outcome';
import { eventually } from './stock-client';
import { addParagraphs, backends, paragraphs, VersionsFixture } from './versions-fixture';

// docs/api.md, "Folders", on a real server with stock clients, on SQLite and PostgreSQL: sharing a
// folder shares what is in it, nested folders included, with the folder's role, in every place
// access is decided (routes, tickets, open sockets, search, lists), and taking it back acts at once.

for (const backend of await backends('folders API')) {
  describe.skipIf(backend.skip)(`folders on ${backend.name}`, () => {
    const fx = new VersionsFixture(backend);
    beforeAll(() => fx.start());
    afterEach(() => fx.closeClients());
    afterAll(() => fx.stop());

    async function folder(account: Account, name: string, parentId: string | null = null): Promise<string> {
      const made = await account.request('POST', '/api/folders', { name, parentId });
      expect(made.status, made.text).toBe(201);
      return FolderView.parse(made.body).id;
    }
    async function share(folderId: string, account: Account, role: 'viewer' | 'commenter' | 'editor', as: 'token' | 'session' = 'token') {
      const added = await fx.admin.request('POST', `/api/folders/${folderId}/members`, { email: account.user.email, role }, as);
      expect(added.status, added.text).toBe(201);
    }
    async function putIn(documentId: string, folderId: string | null, as: 'token' | 'session' = 'token') {
      const put = await fx.admin.request('PUT', `/api/documents/${documentId}/folder`, { folderId }, as);
      expect(put.status, put.text).toBe(200);
      return DocumentFolder.parse(put.body);
    }
    /** A document of the administrator's that nobody else is a member of. */
    const privateDocument = (title: string) => fx.admin.createDocument(undefined, title);
    const roleOf = async (account: Account, id: string) => {
      const answer = await account.request('GET', `/api/documents/${id}`);
      return answer.status === 200 ? DocumentView.parse(answer.body).role : answer.status;
    };
    const listed = async (account: Account) => {
      const lists = DocumentLists.parse((await account.request('GET', '/api/documents')).body);
      return lists.shared.map((doc) => doc.id);
    };
    const found = async (account: Account, query: string) =>
      SearchAnswer.parse((await account.request('GET', `/api/search?q=${encodeURIComponent(query)}`)).body).results.map((result) => result.document.id);

    it('a folder member opens a document in a nested folder with the folder’s role; demoted, the socket becomes read-only; removed, it closes at once', async () => {
      const top = await folder(fx.admin, 'Projects');
      const inner = await folder(fx.admin, 'Launch', top);
      const id = await privateDocument('Launch checklist');
      expect((await putIn(id, inner)).path.map((crumb) => crumb.name)).toEqual(['Projects', 'Launch']);
      expect(await roleOf(fx.dave, id)).toBe(404);
      expect((await fx.dave.request('POST', `/api/documents/${id}/tickets`)).status).toBe(404);

      await share(top, fx.dave, 'editor', 'session');
      expect(await roleOf(fx.dave, id)).toBe('editor');
      expect(await listed(fx.dave)).toContain(id);
      // Dave sees the path from the folder shared with him down.
      expect(DocumentFolder.parse((await fx.dave.request('GET', `/api/documents/${id}/folder`)).body)).toEqual({
        folderId: inner,
        path: [
          { id: top, name: 'Projects' },
          { id: inner, name: 'Launch' },
        ],
      });

      const owner = await fx.connect(fx.admin, id);
      const dave = await fx.connect(fx.dave, id);
      addParagraphs(dave, 'Written through the folder');
      await eventually(() => paragraphs(owner.doc).includes('Written through the folder'), 'the owner sees the folder editor’s text');

      // Demoted to viewer: his token socket stays open and reads, but nothing he sends applies.
      const demoted = await fx.admin.request('PATCH', `/api/folders/${top}/members/${fx.dave.user.id}`, { role: 'viewer' });
      expect(demoted.status, demoted.text).toBe(200);
      expect(await roleOf(fx.dave, id)).toBe('viewer');
      addParagraphs(dave, 'Sent after the demotion');
      addParagraphs(owner, 'Owner marker');
      await eventually(() => paragraphs(dave.doc).includes('Owner marker'), 'the demoted member still reads');
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(paragraphs(owner.doc)).not.toContain('Sent after the demotion');

      // Removed from the folder: the socket closes by the time the API answers.
      const closed = terminalClose(dave);
      let closedAt: number | undefined;
      dave.provider.once('closed', () => (closedAt = performance.now()));
      expect((await fx.admin.request('DELETE', `/api/folders/${top}/members/${fx.dave.user.id}`)).status).toBe(204);
      const answeredAt = performance.now();
      expect([4403, 4404]).toContain((await closed).code);
      expect((closedAt as number) - answeredAt).toBeLessThan(1_000);
      expect(await roleOf(fx.dave, id)).toBe(404);
      expect(await listed(fx.dave)).not.toContain(id);
      expect((await fx.dave.request('POST', `/api/documents/${id}/tickets`)).status).toBe(404);
    });

    it('moving the document out of the shared folder closes the member’s socket at once; search finds it through the folder and stops at once', async () => {
      const shared = await folder(fx.admin, 'Research');
      const id = await privateDocument('Field notes');
      await putIn(id, shared);
      await share(shared, fx.dave, 'viewer');
      const owner = await fx.connect(fx.admin, id);
      addParagraphs(owner, 'Pangolins everywhere');
      const started = performance.now();
      while (!(await found(fx.dave, 'pangolins')).includes(id)) {
        expect(performance.now() - started, 'the folder member finds the word').toBeLessThan(10_000);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      expect(await found(fx.carol, 'pangolins')).not.toContain(id);

      const reader = await fx.connect(fx.dave, id);
      const closed = terminalClose(reader);
      expect((await putIn(id, null, 'session')).path).toEqual([]);
      expect([4403, 4404]).toContain((await closed).code);
      expect(await found(fx.dave, 'pangolins')).not.toContain(id);
      expect(await roleOf(fx.dave, id)).toBe(404);
      expect(FolderContents.parse((await fx.dave.request('GET', `/api/folders/${shared}/documents`)).body).documents).toEqual([]);

      // Back in, and the folder deleted: the document is not deleted, and sharing through it ends.
      await putIn(id, shared);
      expect(await found(fx.dave, 'pangolins')).toContain(id);
      // Removed from the folder, the member's search stops finding it at once; shared again, it finds it.
      expect((await fx.admin.request('DELETE', `/api/folders/${shared}/members/${fx.dave.user.id}`)).status).toBe(204);
      expect(await found(fx.dave, 'pangolins')).not.toContain(id);
      await share(shared, fx.dave, 'viewer');
      expect(await found(fx.dave, 'pangolins')).toContain(id);
      const again = await fx.connect(fx.dave, id);
      const closedAgain = terminalClose(again);
      const deleted = await fx.admin.request<{ movedToTopLevel: string[] }>('DELETE', `/api/folders/${shared}`);
      expect(deleted.status, deleted.text).toBe(200);
      expect(deleted.body.movedToTopLevel).toEqual([id]);
      expect([4403, 4404]).toContain((await closedAgain).code);
      expect(await roleOf(fx.admin, id)).toBe('owner');
      expect(await roleOf(fx.dave, id)).toBe(404);
      expect(DocumentFolder.parse((await fx.admin.request('GET', `/api/documents/${id}/folder`)).body)).toEqual({ folderId: null, path: [] });
    });

    it('a document’s own members keep their role on top of the folder’s; the highest wins', async () => {
      const shared = await folder(fx.admin, 'Handbook');
      const id = await fx.sharedDocument('Onboarding');
      await putIn(id, shared);
      await share(shared, fx.carol, 'editor');
      await share(shared, fx.bob, 'viewer');
      // Carol is the document's viewer and the folder's editor; Bob the document's editor and the folder's viewer.
      expect(await roleOf(fx.carol, id)).toBe('editor');
      expect(await roleOf(fx.bob, id)).toBe('editor');
      expect((await fx.admin.request('DELETE', `/api/folders/${shared}/members/${fx.carol.user.id}`)).status).toBe(204);
      expect(await roleOf(fx.carol, id)).toBe('viewer');
      expect((await fx.admin.request('DELETE', `/api/folders/${shared}`)).status).toBe(200);
    });

    it('who may do what: strangers get 404, folder viewers may read but not rename, only the owner moves, shares and deletes', async () => {
      const top = await folder(fx.admin, 'Team');
      const inner = await folder(fx.admin, 'Drafts', top);
      const id = await fx.sharedDocument('Draft');
      await putIn(id, inner);
      await share(top, fx.carol, 'viewer');
      await share(inner, fx.bob, 'editor');

      // A stranger: nothing about the folders.
      for (const [method, path, body] of [
        ['GET', `/api/folders/${top}/documents`],
        ['GET', `/api/folders/${top}/members`],
        ['PATCH', `/api/folders/${top}`, { name: 'Mine' }],
        ['PUT', `/api/folders/${top}/parent`, { parentId: null }],
        ['DELETE', `/api/folders/${top}`],
        ['POST', `/api/folders/${top}/members`, { email: fx.dave.user.email, role: 'editor' }],
        ['DELETE', `/api/folders/${top}/members/${fx.carol.user.id}`],
        ['POST', '/api/folders', { name: 'Inside', parentId: top }],
        ['GET', `/api/documents/${id}/folder`],
        ['PUT', `/api/documents/${id}/folder`, { folderId: null }],
      ] as const) {
        expect((await fx.dave.request(method, path, body)).status, `${method} ${path}`).toBe(404);
      }
      expect(FolderList.parse((await fx.dave.request('GET', '/api/folders')).body).folders).toEqual([]);

      // Carol, viewer of the top folder: reads it and what is under it, changes nothing.
      const carolFolders = FolderList.parse((await fx.carol.request('GET', '/api/folders', undefined, 'session')).body).folders;
      expect(carolFolders.map((listed) => [listed.name, listed.role, listed.owner.name])).toEqual([
        ['Drafts', 'viewer', fx.admin.user.name],
        ['Team', 'viewer', fx.admin.user.name],
      ]);
      const contents = FolderContents.parse((await fx.carol.request('GET', `/api/folders/${top}/documents`)).body);
      expect(contents.folders.map((child) => child.id)).toEqual([inner]);
      expect(FolderContents.parse((await fx.carol.request('GET', `/api/folders/${inner}/documents`)).body).documents.map((doc) => doc.id)).toEqual([id]);
      expect(FolderMemberList.parse((await fx.carol.request('GET', `/api/folders/${top}/members`)).body).members.map((member) => member.user.email)).toEqual([fx.carol.user.email]);
      expect((await fx.carol.request('PATCH', `/api/folders/${top}`, { name: 'Renamed' })).status).toBe(403);
      expect((await fx.carol.request('PATCH', `/api/folders/${inner}`, { name: 'Renamed' }, 'session')).status).toBe(403);
      expect((await fx.carol.request('PUT', `/api/folders/${inner}/parent`, { parentId: null })).status).toBe(403);
      expect((await fx.carol.request('DELETE', `/api/folders/${inner}`)).status).toBe(403);
      expect((await fx.carol.request('POST', `/api/folders/${inner}/members`, { email: fx.dave.user.email, role: 'viewer' })).status).toBe(403);
      expect((await fx.carol.request('POST', '/api/folders', { name: 'Inside', parentId: inner })).status).toBe(403);

      // Bob, editor of the inner folder: renames it, but moves nothing and shares nothing.
      const renamed = await fx.bob.request('PATCH', `/api/folders/${inner}`, { name: 'Drafts 2' });
      expect(renamed.status, renamed.text).toBe(200);
      expect(FolderView.parse(renamed.body)).toMatchObject({ name: 'Drafts 2', role: 'editor', parentId: top });
      expect((await fx.bob.request('PATCH', `/api/folders/${top}`, { name: 'x' })).status).toBe(404);
      expect((await fx.bob.request('PUT', `/api/folders/${inner}/parent`, { parentId: null })).status).toBe(403);
      expect((await fx.bob.request('DELETE', `/api/folders/${inner}/members/${fx.carol.user.id}`)).status).toBe(403);
      // The document's editor, not its owner: may not move it, nor put a document in another's folder.
      expect((await fx.bob.request('PUT', `/api/documents/${id}/folder`, { folderId: null })).status).toBe(403);
      const bobs = await folder(fx.bob, 'Bob’s own');
      expect((await fx.admin.request('PUT', `/api/documents/${id}/folder`, { folderId: bobs })).status).toBe(404);
      const bobsDocument = await fx.bob.createDocument(undefined, 'Bob’s note');
      expect((await fx.bob.request('PUT', `/api/documents/${bobsDocument}/folder`, { folderId: inner })).status).toBe(403);
      // A member leaves on their own.
      expect((await fx.carol.request('DELETE', `/api/folders/${top}/members/${fx.carol.user.id}`)).status).toBe(204);
      expect((await fx.carol.request('GET', `/api/folders/${top}/documents`)).status).toBe(404);

      // The owner: no cycles, no moving into another's folder, bad bodies 400.
      expect((await fx.admin.request('PUT', `/api/folders/${top}/parent`, { parentId: inner })).status).toBe(409);
      expect((await fx.admin.request('PUT', `/api/folders/${top}/parent`, { parentId: top })).status).toBe(409);
      expect((await fx.admin.request('PUT', `/api/folders/${top}/parent`, { parentId: bobs })).status).toBe(404);
      expect((await fx.admin.request('POST', '/api/folders', { name: '' })).status).toBe(400);
      expect((await fx.admin.request('POST', '/api/folders', { name: 'x', extra: true })).status).toBe(400);
      expect((await fx.admin.request('POST', `/api/folders/${top}/members`, { email: fx.admin.user.email, role: 'viewer' })).status).toBe(400);
      expect((await fx.admin.request('POST', `/api/folders/${top}/members`, { email: fx.bob.user.email, role: 'owner' })).status).toBe(400);
      const moved = await fx.admin.request('PUT', `/api/folders/${inner}/parent`, { parentId: null }, 'session');
      expect(moved.status, moved.text).toBe(200);
      expect(FolderView.parse(moved.body).parentId).toBeNull();
      expect((await fx.admin.request('DELETE', `/api/folders/${top}`)).status).toBe(200);
      expect((await fx.admin.request('DELETE', `/api/folders/${top}`)).status).toBe(404);
      expect((await fx.admin.request('GET', `/api/folders/${inner}/documents`)).status).toBe(200);
    });
  });
}
