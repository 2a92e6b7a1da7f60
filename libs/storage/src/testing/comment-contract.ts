import { describe, expect, it } from 'vitest';
import type { CommentStore } from '../comment-store';
import { StorageError } from '../storage-error';
import { useContractStorage } from './contract-lifecycle-hooks';

/** What a comment contract factory provides for one test: storage over an empty database, and ways to seed it. */
export interface CommentFixture {
  /** Not yet opened: the suite opens it. */
  readonly storage: { readonly comments: CommentStore; open(): Promise<void>; close(): Promise<void> };
  /** Makes an account (SQL: through the directory; memory: a known name). */
  readonly addPerson: (id: string, name: string) => Promise<void>;
  /** Makes a document owned by `ownerId`, titled `title`. */
  readonly addDocument: (id: string, ownerId: string, title: string) => Promise<void>;
  readonly addMember: (documentId: string, userId: string) => Promise<void>;
  readonly removeMember: (documentId: string, userId: string) => Promise<void>;
  readonly cleanup?: () => Promise<void>;
}

/**
 * Registers the tests every {@link CommentStore} adapter must pass, under `describe(name)`.
 * `makeFixture` is called before each test and must give storage no other test sees.
 */
export function describeCommentContract(name: string, makeFixture: () => Promise<CommentFixture>): void {
  describe(name, () => {
    const state = useContractStorage<CommentFixture['storage'], CommentFixture>(makeFixture);
    const comments = () => state.current!.comments;
    const fixture = () => state.fixture!;

    /** Ada owns `doc` (titled Plan) and `other`; Bob is a member of `doc`. */
    async function seed() {
      await fixture().addPerson('user-ada', 'Ada');
      await fixture().addPerson('user-bob', 'Bob');
      await fixture().addPerson('user-cy', 'Cy');
      await fixture().addDocument('doc', 'user-ada', 'Plan');
      await fixture().addDocument('other', 'user-ada', 'Other');
      await fixture().addMember('doc', 'user-bob');
    }

    const thread = (id: string, overrides: Record<string, unknown> = {}) => ({
      id,
      documentId: 'doc',
      quote: 'the text',
      createdBy: 'user-ada',
      comment: { id: `${id}-c1`, body: 'First <b>comment</b>' },
      ...overrides,
    });

    it('stores a thread with its first comment, and lists a document’s threads oldest first', async () => {
      await seed();
      const created = await comments().createThread(thread('t1'));
      expect(created).toEqual({
        id: 't1',
        documentId: 'doc',
        quote: 'the text',
        createdBy: 'user-ada',
        createdAt: expect.any(Date),
        resolvedAt: null,
        resolvedBy: null,
        comments: [{ id: 't1-c1', threadId: 't1', author: { id: 'user-ada', name: 'Ada' }, body: 'First <b>comment</b>', createdAt: expect.any(Date), editedAt: null }],
      });
      await comments().createThread(thread('t2', { createdBy: 'user-bob', comment: { id: 't2-c1', body: 'Second' } }));
      await comments().createThread(thread('t3', { documentId: 'other' }));
      expect((await comments().listThreads('doc')).map((listed) => listed.id)).toEqual(['t1', 't2']);
      expect(await comments().getThread('doc', 't1')).toEqual(created);
      expect(await comments().listThreads('nothing')).toEqual([]);
    });

    it('finds no thread or comment through another document', async () => {
      await seed();
      await comments().createThread(thread('t1'));
      expect(await comments().getThread('other', 't1')).toBeUndefined();
      expect(await comments().getComment('other', 't1', 't1-c1')).toBeUndefined();
      expect(await comments().addComment({ id: 'c2', documentId: 'other', threadId: 't1', authorId: 'user-ada', body: 'x' })).toBeUndefined();
      expect(await comments().editComment({ documentId: 'other', threadId: 't1', commentId: 't1-c1', body: 'x' })).toBeUndefined();
      expect(await comments().setResolved('other', 't1', 'user-ada')).toBeUndefined();
      expect(await comments().deleteComment('other', 't1', 't1-c1')).toBe('none');
      expect((await comments().getThread('doc', 't1'))?.comments.map((comment) => comment.body)).toEqual(['First <b>comment</b>']);
    });

    it('refuses a thread on a document that does not exist, or by nobody', async () => {
      await seed();
      await expect(comments().createThread(thread('t1', { documentId: 'missing' }))).rejects.toMatchObject({ code: 'no-such-document' });
      await expect(comments().createThread(thread('t1', { createdBy: 'user-nobody' }))).rejects.toBeInstanceOf(StorageError);
      expect(await comments().listThreads('doc')).toEqual([]);
    });

    it('adds replies in order, edits one (editedAt set) and resolves and reopens a thread', async () => {
      await seed();
      await comments().createThread(thread('t1'));
      const reply = await comments().addComment({ id: 'c2', documentId: 'doc', threadId: 't1', authorId: 'user-bob', body: 'Reply' });
      expect(reply).toMatchObject({ id: 'c2', threadId: 't1', author: { id: 'user-bob', name: 'Bob' }, body: 'Reply', editedAt: null });
      await comments().addComment({ id: 'c3', documentId: 'doc', threadId: 't1', authorId: 'user-ada', body: 'Third' });
      const edited = await comments().editComment({ documentId: 'doc', threadId: 't1', commentId: 'c2', body: 'Reply, edited' });
      expect(edited).toMatchObject({ body: 'Reply, edited', editedAt: expect.any(Date) });
      expect((await comments().getThread('doc', 't1'))?.comments.map((comment) => comment.id)).toEqual(['t1-c1', 'c2', 'c3']);
      const resolved = await comments().setResolved('doc', 't1', 'user-bob');
      expect(resolved).toMatchObject({ resolvedBy: 'user-bob', resolvedAt: expect.any(Date) });
      expect(await comments().setResolved('doc', 't1', null)).toMatchObject({ resolvedBy: null, resolvedAt: null });
    });

    it('deletes a comment, and the thread with its last one', async () => {
      await seed();
      await comments().createThread(thread('t1'));
      await comments().addComment({ id: 'c2', documentId: 'doc', threadId: 't1', authorId: 'user-bob', body: 'Reply' });
      expect(await comments().deleteComment('doc', 't1', 't1-c1')).toBe('comment');
      expect(await comments().deleteComment('doc', 't1', 't1-c1')).toBe('none');
      expect((await comments().getThread('doc', 't1'))?.comments.map((comment) => comment.id)).toEqual(['c2']);
      expect(await comments().deleteComment('doc', 't1', 'c2')).toBe('thread');
      expect(await comments().getThread('doc', 't1')).toBeUndefined();
      expect(await comments().listThreads('doc')).toEqual([]);
    });

    it('keeps activity per person: mentions and replies, newest first, once per comment, with read flags', async () => {
      await seed();
      await comments().createThread(thread('t1', { activity: [{ id: 'a1', userId: 'user-bob', kind: 'mention' }] }));
      await comments().addComment({
        id: 'c2',
        documentId: 'doc',
        threadId: 't1',
        authorId: 'user-bob',
        body: 'Reply to Ada',
        activity: [{ id: 'a2', userId: 'user-ada', kind: 'reply' }],
      });
      await comments().addComment({ id: 'c3', documentId: 'doc', threadId: 't1', authorId: 'user-ada', body: 'Back to Bob', activity: [{ id: 'a3', userId: 'user-bob', kind: 'reply' }] });
      // An edit that mentions Bob again tells him nothing new; one that mentions Ada does.
      await comments().editComment({ documentId: 'doc', threadId: 't1', commentId: 'c3', body: 'Back to Bob!', activity: [{ id: 'a4', userId: 'user-bob', kind: 'mention' }] });

      const bob = await comments().listActivity('user-bob', 100);
      expect(bob.unread).toBe(2);
      expect(bob.entries.map((entry) => `${entry.id}:${entry.kind}:${entry.read}`)).toEqual(['a3:reply:false', 'a1:mention:false']);
      expect(bob.entries[0]).toEqual({
        id: 'a3',
        kind: 'reply',
        read: false,
        createdAt: expect.any(Date),
        documentId: 'doc',
        documentTitle: 'Plan',
        threadId: 't1',
        comment: { id: 'c3', author: { id: 'user-ada', name: 'Ada' }, body: 'Back to Bob!' },
      });
      expect((await comments().listActivity('user-bob', 1)).entries.map((entry) => entry.id)).toEqual(['a3']);

      // Another person's ids are ignored; one's own are marked once.
      expect(await comments().markActivityRead('user-ada', ['a1'])).toBe(0);
      expect(await comments().markActivityRead('user-bob', ['a1', 'a1', 'unknown'])).toBe(1);
      expect(await comments().markActivityRead('user-bob', ['a1'])).toBe(0);
      const after = await comments().listActivity('user-bob', 100);
      expect(after.unread).toBe(1);
      expect(after.entries.map((entry) => `${entry.id}:${entry.read}`)).toEqual(['a3:false', 'a1:true']);
      expect((await comments().listActivity('user-ada', 100)).entries.map((entry) => entry.id)).toEqual(['a2']);
    });

    it('hides the activity of a document the person left, and drops the activity of a deleted comment', async () => {
      await seed();
      await comments().createThread(thread('t1', { activity: [{ id: 'a1', userId: 'user-bob', kind: 'mention' }] }));
      await comments().addComment({ id: 'c2', documentId: 'doc', threadId: 't1', authorId: 'user-ada', body: 'Again', activity: [{ id: 'a2', userId: 'user-bob', kind: 'reply' }] });
      await comments().deleteComment('doc', 't1', 'c2');
      expect((await comments().listActivity('user-bob', 100)).entries.map((entry) => entry.id)).toEqual(['a1']);
      await fixture().removeMember('doc', 'user-bob');
      expect(await comments().listActivity('user-bob', 100)).toEqual({ entries: [], unread: 0 });
      await fixture().addMember('doc', 'user-bob');
      expect((await comments().listActivity('user-bob', 100)).unread).toBe(1);
    });

    it('skips activity for someone who has no account', async () => {
      await seed();
      await comments().createThread(thread('t1', { activity: [{ id: 'a1', userId: 'user-nobody', kind: 'mention' }] }));
      expect((await comments().getThread('doc', 't1'))?.comments).toHaveLength(1);
      expect(await comments().listActivity('user-nobody', 100)).toEqual({ entries: [], unread: 0 });
    });
  });
}
