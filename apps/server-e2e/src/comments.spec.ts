import { ActivityList, CommentView, ThreadView } from '@quire/api-contract';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { api, signUp, type Account } from './access';
import { anchorOf, markedText, plainParagraphs, revision, startThread, threadsOf, writeAndSee } from './comments-fixture';
import { eventually } from './stock-client';
import { addParagraphs, backends, paragraphs, PASSWORD, typeInto, VersionsFixture } from './versions-fixture';

/**
 * Comments (issue 20) on SQLite and PostgreSQL: threads anchored by quote and by a browser's
 * relative positions, replies, mentions and activity, the edit and delete rules, resolving, a
 * thread detached when its text is deleted, the commenter role (comments, may not edit), bad
 * input, and access checked on every request.
 */
for (const backend of await backends('comments')) {
  describe.skipIf(backend.skip)(`comments on ${backend.name}`, () => {
    const fixture = new VersionsFixture(backend);
    /** A commenter on every shared document. */
    let erin: Account;

    beforeAll(async () => {
      await fixture.start();
      erin = await signUp(fixture.server, { email: 'erin@example.com', name: 'Erin', password: PASSWORD });
    }, 60_000);
    afterAll(() => fixture.stop());

    /** The administrator's document (Bob editor, Carol viewer, Erin commenter) holding `texts`, one paragraph each. */
    async function documentWith(...texts: string[]): Promise<string> {
      const id = await fixture.sharedDocument();
      const added = await fixture.admin.request('POST', `/api/documents/${id}/members`, { email: erin.user.email, role: 'commenter' });
      expect(added.status, added.text).toBe(201);
      for (const text of texts) await writeAndSee(fixture.server.wsUrl, id, fixture.admin.params, text);
      return id;
    }

    it('anchors a thread to the first occurrence of a quote: the mark reaches every client, and the thread is listed', async () => {
      const id = await documentWith('Intro without it.', 'The budget is the budget.');
      const watcher = await fixture.connect(fixture.carol, id);
      const before = revision(watcher);
      const thread = await startThread(fixture.admin, id, 'budget', 'Which budget?');
      expect(thread).toMatchObject({ quote: 'budget', resolved: false, detached: false, comments: [{ author: { id: fixture.admin.user.id, name: 'Ada Admin' }, body: 'Which budget?', editedAt: null }] });
      // Stored before the answer, so already relayed: the mark on the first occurrence, and the revision raised.
      await eventually(() => markedText(watcher)[thread.id] === 'budget' && revision(watcher) > before, 'the viewer sees the mark and the revision');
      expect(plainParagraphs(watcher)).toEqual(['Intro without it.', 'The budget is the budget.']);
      expect(await threadsOf(fixture.carol, id)).toEqual([thread]);
    });

    it('anchors a thread to a browser’s selection (relative positions) where the text stands after others’ edits', async () => {
      const id = await documentWith('Hello brave new world');
      const [browser, typist] = [await fixture.connect(erin, id), await fixture.connect(fixture.bob, id)];
      // Erin selects "brave" (positions 7 to 12); Bob types before it before her request arrives.
      const anchor = anchorOf(browser, 7, 12);
      typist.doc.transact(() => {
        const text = (typist.fragment.get(0) as Y.XmlElement).get(0) as Y.XmlText;
        text.insert(0, 'Oh, ');
      });
      await eventually(() => paragraphs(browser.doc)[0] === 'Oh, Hello brave new world', 'Bob’s edit is relayed');
      const created = await erin.request('POST', `/api/documents/${id}/threads`, { body: 'Brave?', anchor });
      expect(created.status, created.text).toBe(201);
      const thread = ThreadView.parse(created.body);
      expect(thread.quote).toBe('brave');
      await eventually(() => markedText(typist)[thread.id] === 'brave', 'the mark is on “brave” for Bob');
    });

    it('refuses what cannot be anchored (422) and bad bodies (400), and keeps HTML as text', async () => {
      const id = await documentWith('Some words here');
      const post = (body: unknown) => fixture.admin.request<{ message: string }>('POST', `/api/documents/${id}/threads`, body);
      const missing = await post({ body: 'Hm', quote: 'not in the document' });
      expect(missing.status).toBe(422);
      expect(missing.body.message).toMatch(/does not occur/);
      expect((await post({ body: 'Hm', anchor: { start: 'AAAA', end: 'AAAA' } })).status).toBe(422);
      const tooLong = await post({ body: 'x'.repeat(10_001), quote: 'words' });
      expect(tooLong.status).toBe(400);
      expect(tooLong.body.message).toBe('body: at most 10,000 characters');
      expect((await post({ body: 'Hm', quote: 'words', anchor: { start: 'AAAA', end: 'AAAA' } })).status).toBe(400);
      expect((await post({ body: '   ', quote: 'words' })).status).toBe(400);
      expect((await post({ body: 'bell\u0007', quote: 'words' })).status).toBe(400);
      expect(await threadsOf(fixture.admin, id)).toEqual([]);

      const html = '<img src=x onerror="alert(1)"><script>alert(2)</script> & <b>bold</b>';
      const thread = await startThread(fixture.admin, id, 'words', html);
      expect(thread.comments[0].body).toBe(html);
      const exactly = 'y'.repeat(10_000);
      const reply = await fixture.admin.request('POST', `/api/documents/${id}/threads/${thread.id}/comments`, { body: exactly });
      expect(reply.status, reply.text).toBe(201);
      const listed = await fixture.admin.request('GET', `/api/documents/${id}/threads`);
      expect(listed.headers.get('content-type')).toMatch(/^application\/json/);
      expect((await threadsOf(fixture.admin, id))[0].comments.map((comment) => comment.body)).toEqual([html, exactly]);
    });

    it('lets commenters, editors and owners reply; tells the thread’s people and the mentioned members in their activity', async () => {
      const id = await documentWith('A plan worth discussing');
      const thread = await startThread(fixture.bob, id, 'plan', 'Is this the plan?');
      const mention = `Asking @[Erin](user:${erin.user.id}) and @[Dave](user:${fixture.dave.user.id}), who is no member`;
      const reply = await fixture.admin.request('POST', `/api/documents/${id}/threads/${thread.id}/comments`, { body: mention });
      expect(reply.status, reply.text).toBe(201);
      expect(CommentView.parse(reply.body)).toMatchObject({ author: { id: fixture.admin.user.id }, body: mention });
      const fromErin = await erin.request('POST', `/api/documents/${id}/threads/${thread.id}/comments`, { body: 'It is.' });
      expect(fromErin.status, fromErin.text).toBe(201);

      const activity = async (account: Account) => {
        const answer = await account.request('GET', '/api/activity');
        expect(answer.status, answer.text).toBe(200);
        return ActivityList.parse(answer.body);
      };
      const erins = await activity(erin);
      expect(erins.activity.map((entry) => `${entry.kind}:${entry.comment.body}`)).toEqual([`mention:${mention}`]);
      expect(erins.activity[0]).toMatchObject({ read: false, document: { id, title: 'Plans' }, threadId: thread.id, comment: { author: { name: 'Ada Admin' } } });
      expect(erins.unread).toBe(1);
      // Bob started the thread: both replies are news to him; the administrator hears of Erin's.
      expect((await activity(fixture.bob)).activity.map((entry) => `${entry.kind}:${entry.comment.body}`)).toEqual(['reply:It is.', `reply:${mention}`]);
      expect((await activity(fixture.admin)).activity.filter((entry) => entry.threadId === thread.id).map((entry) => entry.comment.body)).toEqual(['It is.']);
      expect((await activity(fixture.dave)).activity).toEqual([]);

      const read = await erin.request('POST', '/api/activity/read', { ids: [erins.activity[0].id] });
      expect(read.status, read.text).toBe(204);
      expect(await activity(erin)).toMatchObject({ unread: 0, activity: [{ read: true }] });
      // Another person's entry is not theirs to mark.
      const bobs = await activity(fixture.bob);
      expect((await erin.request('POST', '/api/activity/read', { ids: bobs.activity.map((entry) => entry.id) })).status).toBe(204);
      expect((await activity(fixture.bob)).unread).toBe(bobs.unread);
    });

    it('lets only the author edit a comment, and the author or the owner delete one; the last comment takes the thread and its mark', async () => {
      const id = await documentWith('Edit and delete rules');
      const watcher = await fixture.connect(fixture.admin, id);
      const thread = await startThread(fixture.bob, id, 'rules', 'First');
      const base = `/api/documents/${id}/threads/${thread.id}/comments`;
      const first = thread.comments[0].id;
      const erinsReply = CommentView.parse((await erin.request('POST', base, { body: 'Erin’s reply' })).body);

      expect((await fixture.admin.request('PATCH', `${base}/${first}`, { body: 'Not mine' })).status).toBe(403);
      expect((await erin.request('PATCH', `${base}/${first}`, { body: 'Not mine' })).status).toBe(403);
      const edited = await fixture.bob.request('PATCH', `${base}/${first}`, { body: 'First, edited' });
      expect(edited.status, edited.text).toBe(200);
      expect(CommentView.parse(edited.body)).toMatchObject({ body: 'First, edited', editedAt: expect.any(String) });

      expect((await erin.request('DELETE', `${base}/${first}`)).status).toBe(403);
      expect((await fixture.carol.request('DELETE', `${base}/${erinsReply.id}`)).status).toBe(403);
      expect((await erin.request('DELETE', `${base}/${erinsReply.id}`)).status).toBe(204);
      expect((await erin.request('DELETE', `${base}/${erinsReply.id}`)).status).toBe(404);
      expect((await threadsOf(fixture.admin, id))[0].comments.map((comment) => comment.body)).toEqual(['First, edited']);
      await eventually(() => markedText(watcher)[thread.id] === 'rules', 'the mark is there');
      // The owner deletes Bob's comment, the thread's last: the thread and its highlight go.
      expect((await fixture.admin.request('DELETE', `${base}/${first}`)).status).toBe(204);
      expect(await threadsOf(fixture.admin, id)).toEqual([]);
      await eventually(() => markedText(watcher)[thread.id] === undefined, 'the mark is removed');
      expect((await fixture.bob.request('POST', base, { body: 'Too late' })).status).toBe(404);
    });

    it('lets anyone who may comment resolve and reopen; viewers may read only, non-members see nothing', async () => {
      const id = await documentWith('Resolve me');
      const thread = await startThread(fixture.admin, id, 'Resolve');
      const path = `/api/documents/${id}/threads/${thread.id}`;
      const resolved = await erin.request('PATCH', path, { resolved: true });
      expect(resolved.status, resolved.text).toBe(200);
      expect(ThreadView.parse(resolved.body)).toMatchObject({ id: thread.id, resolved: true, detached: false });
      expect((await fixture.bob.request('PATCH', path, { resolved: false })).status).toBe(200);
      expect((await threadsOf(fixture.carol, id))[0].resolved).toBe(false);

      const carolTries = [
        await fixture.carol.request('POST', `/api/documents/${id}/threads`, { body: 'Viewer', quote: 'Resolve' }),
        await fixture.carol.request('PATCH', path, { resolved: true }),
        await fixture.carol.request('POST', `${path}/comments`, { body: 'Viewer' }),
      ];
      expect(carolTries.map((answer) => answer.status)).toEqual([403, 403, 403]);
      const daveTries = [
        await fixture.dave.request('GET', `/api/documents/${id}/threads`),
        await fixture.dave.request('POST', `/api/documents/${id}/threads`, { body: 'Stranger', quote: 'Resolve' }),
        await fixture.dave.request('PATCH', path, { resolved: true }),
        await fixture.dave.request('POST', `${path}/comments`, { body: 'Stranger' }),
      ];
      expect(daveTries.map((answer) => answer.status)).toEqual([404, 404, 404, 404]);
      expect((await threadsOf(fixture.admin, id))[0].comments).toHaveLength(1);
    });

    it('finds no thread through another document (404), even one the caller may comment on', async () => {
      const [one, other] = [await documentWith('First document'), await documentWith('Second document')];
      const thread = await startThread(fixture.admin, one, 'First');
      for (const answer of [
        await fixture.admin.request('PATCH', `/api/documents/${other}/threads/${thread.id}`, { resolved: true }),
        await fixture.admin.request('POST', `/api/documents/${other}/threads/${thread.id}/comments`, { body: 'Wrong place' }),
        await fixture.admin.request('PATCH', `/api/documents/${other}/threads/${thread.id}/comments/${thread.comments[0].id}`, { body: 'Wrong place' }),
        await fixture.admin.request('DELETE', `/api/documents/${other}/threads/${thread.id}/comments/${thread.comments[0].id}`),
      ]) {
        expect(answer.status, answer.text).toBe(404);
      }
      expect((await threadsOf(fixture.admin, one))[0]).toEqual(thread);
    });

    it('lists a thread as detached, with its quote, once the stock client deletes all of its text', async () => {
      const id = await documentWith('Keep this. Drop that.');
      const thread = await startThread(fixture.admin, id, 'Drop that');
      const client = await fixture.connect(fixture.bob, id);
      await eventually(() => markedText(client)[thread.id] === 'Drop that', 'the client has the mark');
      // Typing after it moves nothing: still anchored.
      typeInto(client, 0, ' Then more.');
      await eventually(() => plainParagraphs(client)[0] === 'Keep this. Drop that. Then more.', 'typed');
      expect((await threadsOf(fixture.admin, id))[0].detached).toBe(false);
      const text = (client.fragment.get(0) as Y.XmlElement).get(0) as Y.XmlText;
      text.delete('Keep this. '.length, 'Drop that'.length);
      await expect.poll(async () => (await threadsOf(fixture.admin, id))[0]?.detached, { timeout: 10_000 }).toBe(true);
      expect((await threadsOf(fixture.admin, id))[0]).toMatchObject({ id: thread.id, quote: 'Drop that', comments: [{ body: thread.comments[0].body }] });
    });

    it('keeps threads through a restore: those made after the version become detached, those before keep their anchor', async () => {
      const id = await documentWith('Older words and newer words');
      const older = await startThread(fixture.admin, id, 'Older');
      const version = await fixture.name(fixture.admin, id, 'Before the newer thread');
      const newer = await startThread(fixture.bob, id, 'newer');
      const client = await fixture.connect(fixture.carol, id);
      await eventually(() => markedText(client)[newer.id] === 'newer', 'both threads are anchored');
      const restored = await fixture.admin.request('POST', `/api/documents/${id}/versions/${version.id}/restore`);
      expect(restored.status, restored.text).toBe(200);
      await eventually(() => markedText(client)[newer.id] === undefined, 'the restore removes the newer mark');
      const threads = await threadsOf(fixture.admin, id);
      expect(threads.map((thread) => [thread.id, thread.detached])).toEqual([
        [older.id, false],
        [newer.id, true],
      ]);
      expect(markedText(client)[older.id]).toBe('Older');
      expect(plainParagraphs(client)).toEqual(['Older words and newer words']);
    });

    it('offers the commenter role on share links: joining makes a commenter, a guest must sign in', async () => {
      const id = await documentWith('Shared by link');
      const link = await fixture.admin.request<{ token: string; role: string }>('POST', `/api/documents/${id}/links`, { role: 'commenter' });
      expect(link.status, link.text).toBe(201);
      expect(link.body.role).toBe('commenter');
      const joined = await fixture.dave.request<{ role: string }>('POST', `/api/links/${link.body.token}/join`);
      expect(joined.status, joined.text).toBe(200);
      expect(joined.body.role).toBe('commenter');
      const thread = await startThread(fixture.dave, id, 'link', 'Joined by link');
      expect(thread.comments[0].author.name).toBe('Dave');
      const guest = await api<{ message: string }>(fixture.server, 'POST', `/api/links/${link.body.token}/tickets`, { body: { name: 'A guest' } });
      expect(guest.status).toBe(401);
      expect(guest.body.message).toMatch(/lets people comment: sign in/);
      expect((await fixture.admin.request('DELETE', `/api/documents/${id}/members/${fixture.dave.user.id}`)).status).toBe(204);
    });

    it('shows the threads to a guest on a viewer link through the file token of their ticket, until the link is revoked', async () => {
      const id = await documentWith('Open to guests');
      const thread = await startThread(fixture.admin, id, 'guests');
      const link = await fixture.admin.request<{ id: string; token: string }>('POST', `/api/documents/${id}/links`, { role: 'viewer' });
      const ticket = await api<{ fileToken: string }>(fixture.server, 'POST', `/api/links/${link.body.token}/tickets`, { body: { name: 'A guest' } });
      expect(ticket.status, ticket.text).toBe(201);
      const asGuest = (path: string) => api(fixture.server, 'GET', path);
      const listed = await asGuest(`/api/documents/${id}/threads?access=${encodeURIComponent(ticket.body.fileToken)}`);
      expect(listed.status, listed.text).toBe(200);
      expect((listed.body as { threads: Array<{ id: string }> }).threads.map((listedThread) => listedThread.id)).toEqual([thread.id]);
      expect((await asGuest(`/api/documents/${id}/threads`)).status).toBe(401);
      const other = await documentWith('Not for this guest');
      expect((await asGuest(`/api/documents/${other}/threads?access=${encodeURIComponent(ticket.body.fileToken)}`)).status).toBe(404);
      // A guest cannot write: no session, and writes take one.
      const tries = await api(fixture.server, 'POST', `/api/documents/${id}/threads/${thread.id}/comments?access=${encodeURIComponent(ticket.body.fileToken)}`, { body: { body: 'Guest' } });
      expect(tries.status).toBe(401);
      expect((await fixture.admin.request('DELETE', `/api/documents/${id}/links/${link.body.id}`)).status).toBe(204);
      expect((await asGuest(`/api/documents/${id}/threads?access=${encodeURIComponent(ticket.body.fileToken)}`)).status).toBe(404);
    });

    it('refuses a commenter’s document updates as a viewer’s, while their comments go through', async () => {
      const id = await documentWith('Only editors change this');
      const [commenter, editor] = [await fixture.connect(erin, id), await fixture.connect(fixture.bob, id)];
      addParagraphs(commenter, 'Erin tries to write');
      addParagraphs(editor, 'Bob writes');
      await eventually(() => paragraphs(commenter.doc).includes('Bob writes'), 'Bob’s paragraph reaches Erin');
      // Bob's later paragraph arrived; Erin's earlier one never reached anyone, nor the store.
      const late = await fixture.connect(fixture.admin, id);
      expect(paragraphs(late.doc)).toEqual(['Only editors change this', 'Bob writes']);
      expect(paragraphs(editor.doc)).not.toContain('Erin tries to write');
      const thread = await startThread(erin, id, 'editors', 'But I may comment');
      await eventually(() => markedText(late)[thread.id] === 'editors', 'Erin’s thread is anchored for everyone');
    });

    it('stops comment access at once when a member is removed or lowered to viewer', async () => {
      const id = await documentWith('Access changes');
      const thread = await startThread(erin, id, 'Access');
      const lowered = await fixture.admin.request('PATCH', `/api/documents/${id}/members/${erin.user.id}`, { role: 'viewer' });
      expect(lowered.status, lowered.text).toBe(200);
      expect((await erin.request('POST', `/api/documents/${id}/threads/${thread.id}/comments`, { body: 'Still here?' })).status).toBe(403);
      expect((await erin.request('PATCH', `/api/documents/${id}/threads/${thread.id}/comments/${thread.comments[0].id}`, { body: 'Mine' })).status).toBe(403);
      expect((await erin.request('GET', `/api/documents/${id}/threads`)).status).toBe(200);
      expect((await fixture.admin.request('DELETE', `/api/documents/${id}/members/${erin.user.id}`)).status).toBe(204);
      expect((await erin.request('GET', `/api/documents/${id}/threads`)).status).toBe(404);
    });

    it('rate limits a flood of comment changes per person (429 with Retry-After)', async () => {
      const frank = await signUp(fixture.server, { email: `frank-${backend.name}@example.com`, name: 'Frank', password: PASSWORD });
      const id = await fixture.admin.createDocument(undefined, 'Flood');
      expect((await fixture.admin.request('POST', `/api/documents/${id}/members`, { email: frank.user.email, role: 'commenter' })).status).toBe(201);
      await writeAndSee(fixture.server.wsUrl, id, fixture.admin.params, 'Flood target');
      const thread = await startThread(frank, id, 'Flood');
      const statuses: number[] = [];
      for (let i = 0; i < 60; i++) statuses.push((await frank.request('POST', `/api/documents/${id}/threads/${thread.id}/comments`, { body: `reply ${i}` })).status);
      expect(statuses.filter((status) => status === 201)).toHaveLength(59);
      expect(statuses.at(-1)).toBe(429);
      const refused = await frank.request<{ message: string }>('PATCH', `/api/documents/${id}/threads/${thread.id}`, { resolved: true });
      expect(refused.status).toBe(429);
      expect(refused.headers.get('retry-after')).toMatch(/^\d+$/);
      expect(refused.body.message).toMatch(/Too many comment changes/);
      // Others are not held back by Frank's flood.
      expect((await fixture.admin.request('PATCH', `/api/documents/${id}/threads/${thread.id}`, { resolved: true })).status).toBe(200);
    });
  });
}
