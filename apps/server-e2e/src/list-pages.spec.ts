import { DocumentPage, RecentList, StarredList, TrashList } from '@quire/api-contract';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, type Account } from './access';
import { backends, VersionsFixture } from './versions-fixture';

// docs/api.md, "Finding and organizing", **Pages**: the home page's lists a page at a time, on a
// real server, on SQLite and PostgreSQL: every document once across the pages, each person only
// what they may read now (owner, member, folder member, a member removed, a stranger), for an API
// token and a browser session alike, and 400 for a bad limit or cursor.

type Listed = { id: string; role: string };
type Page = { documents: Listed[]; nextCursor: string | null };

for (const backend of await backends('list pages API')) {
  describe.skipIf(backend.skip)(`the home page's lists, a page at a time, on ${backend.name}`, () => {
    const fx = new VersionsFixture(backend);
    beforeAll(() => fx.start());
    afterAll(() => fx.stop());

    const page = async (account: Account, path: string, as: 'token' | 'session' = 'token'): Promise<Page> => {
      const answer = await account.request<Page>('GET', path, undefined, as);
      expect(answer.status, answer.text).toBe(200);
      return answer.body;
    };
    /** Every page of a list, `limit` at a time, following nextCursor. */
    const walk = async (account: Account, list: string, limit: number, as: 'token' | 'session' = 'token'): Promise<Listed[][]> => {
      const pages: Listed[][] = [];
      let cursor: string | null = null;
      do {
        const next: Page = await page(account, `${list}?limit=${limit}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`, as);
        expect(next.documents.length).toBeLessThanOrEqual(limit);
        pages.push(next.documents);
        cursor = next.nextCursor;
      } while (cursor !== null && pages.length < 100);
      return pages;
    };
    const idsOf = (pages: Listed[][]) => pages.flat().map((doc) => doc.id);

    it('pages own and shared documents: each once, in the order of the whole list, for a token and a session', async () => {
      const made: string[] = [];
      for (let index = 0; index < 5; index += 1) made.push(await fx.sharedDocument(`Paged ${index}`));
      const whole = (await fx.admin.request<{ owned: Listed[] }>('GET', '/api/documents')).body.owned.map((doc) => doc.id);

      const byToken = await walk(fx.admin, '/api/documents/owned', 2);
      expect(idsOf(byToken).sort()).toEqual([...whole].sort());
      expect(new Set(idsOf(byToken)).size).toBe(idsOf(byToken).length);
      expect(idsOf(byToken)).toEqual(expect.arrayContaining(made));
      expect(byToken.slice(0, -1).every((documents) => documents.length === 2)).toBe(true);
      expect(idsOf(await walk(fx.admin, '/api/documents/owned', 3, 'session'))).toEqual(idsOf(byToken));
      DocumentPage.parse(await page(fx.admin, '/api/documents/owned'));

      // Bob (editor) and Carol (viewer) find them shared, with their roles; Dave, a stranger, nowhere.
      const bobs = (await walk(fx.bob, '/api/documents/shared', 2)).flat();
      expect(bobs.filter((doc) => made.includes(doc.id)).map((doc) => doc.role)).toEqual(['editor', 'editor', 'editor', 'editor', 'editor']);
      const carols = (await walk(fx.carol, '/api/documents/shared', 4, 'session')).flat();
      expect(carols.filter((doc) => made.includes(doc.id)).map((doc) => doc.role)).toEqual(['viewer', 'viewer', 'viewer', 'viewer', 'viewer']);
      expect(idsOf(await walk(fx.bob, '/api/documents/owned', 10))).not.toEqual(expect.arrayContaining([made[0]]));
      for (const list of ['/api/documents/owned', '/api/documents/shared']) {
        expect(idsOf(await walk(fx.dave, list, 10)).filter((id) => made.includes(id))).toEqual([]);
      }

      // A member removed: gone from their list at once.
      expect((await fx.admin.request('DELETE', `/api/documents/${made[0]}/members/${fx.bob.user.id}`)).status).toBe(204);
      expect(idsOf(await walk(fx.bob, '/api/documents/shared', 50))).not.toContain(made[0]);
    });

    it('lists a document shared through a folder as shared, with the folder’s role, and never as owned', async () => {
      const folder = await fx.admin.request<{ id: string }>('POST', '/api/folders', { name: 'Paged folder' });
      expect(folder.status, folder.text).toBe(201);
      const id = await fx.admin.createDocument(undefined, 'In the folder');
      expect((await fx.admin.request('PUT', `/api/documents/${id}/folder`, { folderId: folder.body.id })).status).toBe(200);
      expect((await fx.admin.request('POST', `/api/folders/${folder.body.id}/members`, { email: fx.dave.user.email, role: 'commenter' })).status).toBe(201);

      expect((await walk(fx.dave, '/api/documents/shared', 50)).flat().find((doc) => doc.id === id)).toMatchObject({ role: 'commenter' });
      expect(idsOf(await walk(fx.dave, '/api/documents/owned', 50))).not.toContain(id);
      expect(idsOf(await walk(fx.admin, '/api/documents/shared', 50))).not.toContain(id);

      expect((await fx.admin.request('DELETE', `/api/folders/${folder.body.id}/members/${fx.dave.user.id}`)).status).toBe(204);
      expect(idsOf(await walk(fx.dave, '/api/documents/shared', 50))).not.toContain(id);
    });

    it('pages stars, recents and the trash the same way', async () => {
      const ids: string[] = [];
      for (let index = 0; index < 3; index += 1) ids.push(await fx.sharedDocument(`Shelved ${index}`));
      for (const id of ids) {
        expect((await fx.bob.request('PUT', `/api/documents/${id}/star`)).status).toBe(204);
        await fx.bob.ticket(id);
      }
      const starred = await walk(fx.bob, '/api/documents/starred', 1);
      expect(idsOf(starred).slice(0, 3).sort()).toEqual([...ids].sort());
      expect(new Set(idsOf(starred)).size).toBe(idsOf(starred).length);
      StarredList.parse(await page(fx.bob, '/api/documents/starred?limit=1'));
      const recent = await walk(fx.bob, '/api/documents/recent', 2, 'session');
      expect(idsOf(recent).slice(0, 3).sort()).toEqual([...ids].sort());
      RecentList.parse(await page(fx.bob, '/api/documents/recent?limit=2'));

      for (const id of ids) expect((await fx.admin.request('DELETE', `/api/documents/${id}`)).status).toBe(204);
      const trash = await walk(fx.admin, '/api/trash', 2);
      expect(idsOf(trash).slice(0, 3).sort()).toEqual([...ids].sort());
      TrashList.parse(await page(fx.admin, '/api/trash?limit=2'));
      // Only the owner's trash; the members' lists lose them.
      expect(idsOf(await walk(fx.bob, '/api/trash', 50))).toEqual([]);
      expect(idsOf(await walk(fx.bob, '/api/documents/starred', 50)).filter((id) => ids.includes(id))).toEqual([]);
    });

    it('says on every list and on the document whether the caller starred it: theirs only, beyond the first page too', async () => {
      const [first, second] = [await fx.sharedDocument('Starred late'), await fx.sharedDocument('Not starred')];
      const folder = await fx.admin.request<{ id: string }>('POST', '/api/folders', { name: 'Starred folder' });
      expect(folder.status, folder.text).toBe(201);
      expect((await fx.admin.request('PUT', `/api/documents/${first}/folder`, { folderId: folder.body.id })).status).toBe(200);
      expect((await fx.bob.request('PUT', `/api/documents/${first}/star`)).status).toBe(204);
      await fx.bob.ticket(first);
      await fx.bob.ticket(second);
      // Newer documents push the starred one off Bob's first page of one.
      await fx.sharedDocument('Newer');
      type Flagged = Listed & { starred: boolean };
      const flags = (pages: Listed[][]) => Object.fromEntries((pages.flat() as Flagged[]).filter((doc) => doc.id === first || doc.id === second).map((doc) => [doc.id, doc.starred]));

      const sharedPages = await walk(fx.bob, '/api/documents/shared', 1);
      expect(idsOf(sharedPages.slice(0, 1))).not.toContain(first);
      expect(flags(sharedPages)).toEqual({ [first]: true, [second]: false });
      expect(flags(await walk(fx.bob, '/api/documents/recent', 1, 'session'))).toEqual({ [first]: true, [second]: false });
      expect(flags(await walk(fx.bob, '/api/documents/starred', 1))).toEqual({ [first]: true });
      DocumentPage.parse(await page(fx.bob, '/api/documents/shared?limit=1'));
      // The owner and another member see their own stars, not Bob's.
      expect(flags(await walk(fx.admin, '/api/documents/owned', 50))).toEqual({ [first]: false, [second]: false });
      expect(flags(await walk(fx.carol, '/api/documents/shared', 50, 'session'))).toEqual({ [first]: false, [second]: false });
      const contents = await fx.admin.request<{ documents: Flagged[] }>('GET', `/api/folders/${folder.body.id}/documents`);
      expect(contents.body.documents.map(({ id, starred }) => [id, starred])).toEqual([[first, false]]);

      for (const [account, as, starred] of [[fx.bob, 'token', true], [fx.bob, 'session', true], [fx.carol, 'token', false]] as const) {
        const one = await account.request<Flagged>('GET', `/api/documents/${first}`, undefined, as);
        expect(one.status, one.text).toBe(200);
        expect(one.body.starred).toBe(starred);
      }
      // A stranger learns nothing of it; Bob, once removed, neither.
      expect((await fx.dave.request('GET', `/api/documents/${first}`)).status).toBe(404);
      expect((await fx.admin.request('DELETE', `/api/documents/${first}/members/${fx.bob.user.id}`)).status).toBe(204);
      expect((await fx.bob.request('GET', `/api/documents/${first}`)).status).toBe(404);
      expect(idsOf(await walk(fx.bob, '/api/documents/starred', 50))).not.toContain(first);
    });

    it('refuses a bad limit or cursor with 400, and anyone not signed in with 401', async () => {
      for (const list of ['/api/documents/owned', '/api/documents/shared', '/api/documents/recent', '/api/documents/starred', '/api/trash']) {
        for (const query of ['limit=0', 'limit=101', 'limit=two', `cursor=${Buffer.from('not a cursor').toString('base64url')}`, 'cursor=%25%25']) {
          const answer = await fx.bob.request('GET', `${list}?${query}`);
          expect(answer.status, `${list}?${query}: ${answer.text}`).toBe(400);
        }
        expect((await api(fx.server, 'GET', list)).status, list).toBe(401);
        expect((await api(fx.server, 'GET', list, { as: { bearer: 'qt_not-a-token' } })).status, list).toBe(401);
      }
    });
  });
}
