import { DocumentLists, DocumentView, RecentList, SearchAnswer, StarredList, TrashList } from '@quire/api-contract';
import { ODD_QUERIES, randomQuery, seededRandom } from '@quire/storage/testing';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Account } from './access';
import { terminalClose } from './socket-outcome';
import { addParagraphs, backends, paragraphs, VersionsFixture } from './versions-fixture';

// docs/api.md, "Finding and organizing", on a real server with stock clients, on SQLite and
// PostgreSQL: the trash (links, tickets, sockets and lists on the way in, everything back on the
// way out), stars and recents, and search (a word typed a moment ago, permissions at query time,
// ranking, snippets, paging, and a fuzz of odd syntax that never gives a 500).

/** How long the index may take to follow an edit (docs/api.md: about two seconds). */
const INDEX_CATCH_UP_MS = 2_000;

for (const backend of await backends('organizing API')) {
  describe.skipIf(backend.skip)(`finding and organizing on ${backend.name}`, () => {
    const fx = new VersionsFixture(backend);
    beforeAll(() => fx.start());
    afterEach(() => fx.closeClients());
    afterAll(() => fx.stop());

    const ids = (lists: DocumentLists) => [...lists.owned, ...lists.shared].map((doc) => doc.id);
    const listed = async (account: Account) => ids(DocumentLists.parse((await account.request('GET', '/api/documents')).body));
    const trashOf = async (account: Account, as: 'token' | 'session' = 'token') => {
      const answer = await account.request('GET', '/api/trash', undefined, as);
      expect(answer.status, answer.text).toBe(200);
      return TrashList.parse(answer.body).documents;
    };
    const search = async (account: Account, query: string, extra = '') => {
      const answer = await account.request('GET', `/api/search?q=${encodeURIComponent(query)}${extra}`);
      expect(answer.status, answer.text).toBe(200);
      return SearchAnswer.parse(answer.body);
    };
    const found = async (account: Account, query: string) => (await search(account, query)).results.map((result) => result.document.id);
    /** Polls the search until `id` is (or is not) found, and says how long it took. */
    const searchUntil = async (account: Account, query: string, id: string, present = true) => {
      const started = performance.now();
      for (;;) {
        if ((await found(account, query)).includes(id) === present) return performance.now() - started;
        if (performance.now() - started > 10_000) throw new Error(`search for ${query} never ${present ? 'found' : 'lost'} ${id}`);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    };

    describe('trash', () => {
      it('deleting moves to the trash: sockets close, links and tickets stop, members’ lists lose it; restoring brings everything back', async () => {
        const id = await fx.sharedDocument('Quarterly plans');
        const ada = await fx.connect(fx.admin, id);
        addParagraphs(ada, 'Keep this text');
        const bob = await fx.connect(fx.bob, id);
        await fx.converged(ada, bob);
        const version = await fx.name(fx.admin, id, 'Before the trash');
        const link = await fx.admin.request<{ token: string }>('POST', `/api/documents/${id}/links`, { role: 'viewer' });
        expect(link.status).toBe(201);
        await fx.bob.ticket(id);

        const bobClosed = terminalClose(bob);
        expect((await fx.admin.request('DELETE', `/api/documents/${id}`, undefined, 'session')).status).toBe(204);
        expect((await bobClosed).code).toBe(4404);

        for (const account of [fx.admin, fx.bob, fx.carol]) {
          expect(await listed(account)).not.toContain(id);
          expect((await account.request('GET', `/api/documents/${id}`)).status).toBe(404);
          expect((await account.request('POST', `/api/documents/${id}/tickets`)).status).toBe(404);
        }
        expect((await fx.admin.request('GET', `/api/links/${link.body.token}`)).status).toBe(404);
        expect((await fx.dave.request('POST', `/api/links/${link.body.token}/join`)).status).toBe(404);
        expect((await fx.bob.request<RecentList>('GET', '/api/documents/recent')).body.documents.map((doc) => doc.id)).not.toContain(id);

        const [trashed] = (await trashOf(fx.admin, 'session')).filter((doc) => doc.id === id);
        expect(trashed).toMatchObject({ id, title: 'Quarterly plans', role: 'owner' });
        expect(Date.parse(trashed.purgeAt) - Date.parse(trashed.deletedAt)).toBe(30 * 24 * 60 * 60 * 1000);
        expect((await trashOf(fx.bob)).map((doc) => doc.id)).not.toContain(id);

        // Only the owner restores; members, strangers and a second restore get 404.
        for (const account of [fx.bob, fx.carol, fx.dave]) {
          expect((await account.request('POST', `/api/trash/${id}/restore`)).status).toBe(404);
          expect((await account.request('DELETE', `/api/trash/${id}`)).status).toBe(404);
        }
        const restored = await fx.admin.request('POST', `/api/trash/${id}/restore`);
        expect(restored.status, restored.text).toBe(200);
        expect(DocumentView.parse(restored.body)).toMatchObject({ id, title: 'Quarterly plans', role: 'owner' });
        expect((await fx.admin.request('POST', `/api/trash/${id}/restore`)).status).toBe(404);

        expect(await listed(fx.bob)).toContain(id);
        expect((await fx.bob.request('GET', `/api/documents/${id}/members`)).status).toBe(200);
        expect((await fx.admin.request('GET', `/api/links/${link.body.token}`)).status).toBe(200);
        expect((await fx.versions(fx.admin, id)).map((listedVersion) => listedVersion.id)).toContain(version.id);
        const reader = await fx.connect(fx.carol, id);
        expect(paragraphs(reader.doc)).toEqual(['Keep this text']);
      });

      it('deletes for good from the trash only, and a restore then finds nothing, even once the id is taken again', async () => {
        const id = await fx.sharedDocument('Short-lived');
        expect((await fx.admin.request('DELETE', `/api/trash/${id}`)).status).toBe(404);
        expect((await fx.carol.request('DELETE', `/api/documents/${id}`)).status).toBe(403);
        expect((await fx.admin.request('DELETE', `/api/documents/${id}`)).status).toBe(204);
        // The trashed document keeps its id.
        expect((await fx.bob.request('POST', '/api/documents', { id })).status).toBe(409);
        expect((await fx.admin.request('DELETE', `/api/trash/${id}`, undefined, 'session')).status).toBe(204);
        expect((await trashOf(fx.admin)).map((doc) => doc.id)).not.toContain(id);
        expect((await fx.bob.request('POST', '/api/documents', { id })).status).toBe(201);
        expect((await fx.admin.request('POST', `/api/trash/${id}/restore`)).status).toBe(404);
        expect((await fx.bob.request<DocumentView>('GET', `/api/documents/${id}`)).body).toMatchObject({ role: 'owner' });
      });
    });

    describe('stars and recents', () => {
      it('stars per person, for members only, and lists what each person opened, newest first', async () => {
        const first = await fx.sharedDocument('First');
        const second = await fx.sharedDocument('Second');
        expect((await fx.bob.request('PUT', `/api/documents/${first}/star`)).status).toBe(204);
        expect((await fx.bob.request('PUT', `/api/documents/${first}/star`, undefined, 'session')).status).toBe(204);
        expect((await fx.dave.request('PUT', `/api/documents/${first}/star`)).status).toBe(404);
        expect((await fx.bob.request('PUT', '/api/documents/no-such-document/star')).status).toBe(404);
        const starred = StarredList.parse((await fx.bob.request('GET', '/api/documents/starred')).body).documents;
        expect(starred.map((doc) => doc.id)).toEqual([first]);
        expect(StarredList.parse((await fx.admin.request('GET', '/api/documents/starred')).body).documents.map((doc) => doc.id)).not.toContain(first);

        await fx.bob.ticket(second, 'session');
        await fx.bob.ticket(first);
        const recent = RecentList.parse((await fx.bob.request('GET', '/api/documents/recent', undefined, 'session')).body).documents;
        expect(recent.slice(0, 2).map((doc) => doc.id)).toEqual([first, second]);
        expect(RecentList.parse((await fx.dave.request('GET', '/api/documents/recent')).body).documents).toEqual([]);

        // A member removed loses both at once.
        expect((await fx.admin.request('DELETE', `/api/documents/${first}/members/${fx.bob.user.id}`)).status).toBe(204);
        expect(StarredList.parse((await fx.bob.request('GET', '/api/documents/starred')).body).documents).toEqual([]);
        expect(RecentList.parse((await fx.bob.request('GET', '/api/documents/recent')).body).documents.map((doc) => doc.id)).not.toContain(first);

        expect((await fx.carol.request('PUT', `/api/documents/${second}/star`)).status).toBe(204);
        expect((await fx.carol.request('DELETE', `/api/documents/${second}/star`)).status).toBe(204);
        expect((await fx.carol.request('DELETE', `/api/documents/${second}/star`)).status).toBe(404);
      });
    });

    describe('search', () => {
      it('finds a word another person typed a moment ago, for every member, and never for others; a removed member at once no more', async () => {
        const id = await fx.sharedDocument('Meeting minutes');
        const ada = await fx.connect(fx.admin, id);
        const word = `xylophone${Date.now().toString(36)}`;
        addParagraphs(ada, `We bought a ${word} for the band`);
        const tookMs = await searchUntil(fx.bob, word, id);
        console.log(`[search] ${backend.name}: a typed word found after ${tookMs.toFixed(0)} ms`);
        expect(tookMs).toBeLessThan(INDEX_CATCH_UP_MS + 1_000);
        expect(await found(fx.carol, word)).toEqual([id]);
        expect(await found(fx.dave, word)).toEqual([]);

        const [result] = (await search(fx.bob, word)).results;
        expect(result.document).toMatchObject({ id, title: 'Meeting minutes', role: 'editor' });
        expect(result.snippet).toContain(`We bought a ${word} for the band`);
        expect(result.highlights.map(([start, end]) => result.snippet.slice(start, end))).toEqual([word]);

        expect((await fx.admin.request('DELETE', `/api/documents/${id}/members/${fx.bob.user.id}`)).status).toBe(204);
        expect(await found(fx.bob, word)).toEqual([]);
        expect(await found(fx.carol, word)).toEqual([id]);
        expect((await fx.admin.request('DELETE', `/api/documents/${id}`)).status).toBe(204);
        expect(await found(fx.admin, word)).toEqual([]);
        expect((await fx.admin.request('POST', `/api/trash/${id}/restore`)).status).toBe(200);
        expect(await found(fx.admin, word)).toEqual([id]);
      });

      it('ranks title matches first, matches the word being typed as a prefix, follows renames, and pages with a cursor', async () => {
        const tag = `quokka${Date.now().toString(36)}`;
        const inText = await fx.sharedDocument('Field notes');
        const inTitle = await fx.sharedDocument(`The ${tag} report`);
        const ada = await fx.connect(fx.admin, inText);
        addParagraphs(ada, `A ${tag} was seen near the river, then another ${tag}.`);
        await searchUntil(fx.admin, tag, inText);
        await searchUntil(fx.admin, tag, inTitle);

        expect(await found(fx.admin, tag)).toEqual([inTitle, inText]);
        expect(await found(fx.admin, tag.slice(0, -2))).toEqual([inTitle, inText]);
        expect(await found(fx.admin, `${tag.slice(0, -2)} `)).toEqual([]);
        expect(await found(fx.admin, `"near the river" ${tag}`)).toEqual([inText]);
        expect(await found(fx.admin, `${tag} -river`)).toEqual([inTitle]);

        const first = await search(fx.admin, tag, '&limit=1');
        expect(first.results.map((result) => result.document.id)).toEqual([inTitle]);
        expect(first.nextCursor).toEqual(expect.any(String));
        const second = await search(fx.admin, tag, `&limit=1&cursor=${encodeURIComponent(first.nextCursor ?? '')}`);
        expect(second.results.map((result) => result.document.id)).toEqual([inText]);
        expect(second.nextCursor).toBeNull();

        const renamed = `Now about ${tag}s and ${tag}`;
        expect((await fx.admin.request('PATCH', `/api/documents/${inText}`, { title: renamed })).status).toBe(200);
        await new Promise((resolve) => setTimeout(resolve, INDEX_CATCH_UP_MS));
        expect((await search(fx.admin, tag)).results.slice(0, 2).map((result) => result.document.id).sort()).toEqual([inText, inTitle].sort());
      });

      it('filters by owner (an id or me), shared with me and changed within a day/week/month; refuses bad filters with 400 and a message', async () => {
        const tag = `wombat${Date.now().toString(36)}`;
        const adas = await fx.sharedDocument(`Ada's ${tag} notes`);
        const bobs = await fx.bob.createDocument(undefined, `Bob's ${tag} list`);
        await searchUntil(fx.bob, tag, adas);
        await searchUntil(fx.bob, tag, bobs);
        const filtered = async (account: Account, extra: string) => (await search(account, tag, extra)).results.map((result) => result.document.id).sort();

        expect(await filtered(fx.bob, '')).toEqual([adas, bobs].sort());
        expect(await filtered(fx.bob, '&owner=me')).toEqual([bobs]);
        expect(await filtered(fx.bob, `&owner=${encodeURIComponent(fx.admin.user.id)}`)).toEqual([adas]);
        expect(await filtered(fx.bob, '&shared=true')).toEqual([adas]);
        expect(await filtered(fx.bob, '&shared=false')).toEqual([adas, bobs].sort());
        expect(await filtered(fx.admin, '&shared=true')).toEqual([]);
        // A filter never widens access: the admin names Bob as owner and still does not see his list.
        expect(await filtered(fx.admin, `&owner=${encodeURIComponent(fx.bob.user.id)}`)).toEqual([]);
        expect(await filtered(fx.bob, '&owner=me&shared=true')).toEqual([]);
        for (const changed of ['day', 'week', 'month']) expect(await filtered(fx.bob, `&changed=${changed}`)).toEqual([adas, bobs].sort());
        expect(await filtered(fx.bob, '&changed=day&shared=true')).toEqual([adas]);
        // Bearer token and session alike.
        const bySession = await fx.bob.request('GET', `/api/search?q=${tag}&owner=me`, undefined, 'session');
        expect(bySession.status, bySession.text).toBe(200);
        expect(SearchAnswer.parse(bySession.body).results.map((result) => result.document.id)).toEqual([bobs]);

        for (const [query, message] of [
          ['&changed=year', 'changed: day, week or month'],
          ['&changed=', 'changed: day, week or month'],
          ['&shared=yes', 'shared: true or false'],
          ['&owner=', 'owner: a user id, or me'],
          [`&owner=${'x'.repeat(201)}`, 'owner: a user id, or me'],
        ]) {
          const answer = await fx.bob.request('GET', `/api/search?q=${tag}${query}`);
          expect(answer.status, `${query}: ${answer.text}`).toBe(400);
          expect(answer.text).toContain(message);
        }
      });

      it('refuses queries over 500 characters, bad limits and cursors with 400, and answers odd syntax without a 500', async () => {
        for (const path of [`/api/search?q=${'a'.repeat(501)}`, '/api/search', '/api/search?q=a&limit=0', '/api/search?q=a&limit=51', '/api/search?q=a&limit=x', '/api/search?q=a&cursor=nonsense']) {
          const answer = await fx.admin.request('GET', path);
          expect(answer.status, `${path}: ${answer.text}`).toBe(400);
        }
        expect((await fx.admin.request('GET', `/api/search?q=${'a'.repeat(500)}`)).status).toBe(200);
        expect(await search(fx.admin, '   ')).toEqual({ results: [], nextCursor: null });

        const random = seededRandom(2112);
        const queries = [...ODD_QUERIES, ...Array.from({ length: 200 }, () => randomQuery(random))];
        const statuses = new Map<number, number>();
        // Raw bytes no encoder makes: a lone surrogate's UTF-8, a bare %, an array of q.
        for (const raw of ['%ED%A0%80', '%', '%%41', 'a&q=b', '%00']) {
          const answer = await fx.dave.request('GET', `/api/search?q=${raw}`);
          expect([200, 400], `${raw}: ${answer.text}`).toContain(answer.status);
        }
        const encodable = (query: string) => {
          try {
            return encodeURIComponent(query) !== undefined;
          } catch {
            return false; // a lone surrogate: sent as raw bytes above
          }
        };
        for (const query of queries.filter(encodable)) {
          const answer = await fx.dave.request('GET', `/api/search?q=${encodeURIComponent(query)}`);
          statuses.set(answer.status, (statuses.get(answer.status) ?? 0) + 1);
          expect([200, 400], `${JSON.stringify(query)}: ${answer.text}`).toContain(answer.status);
          if (answer.status === 200) expect(SearchAnswer.parse(answer.body).results).toEqual([]);
        }
        expect(statuses.get(200)).toBeGreaterThan(queries.length / 2);
      });
    });
  });
}
