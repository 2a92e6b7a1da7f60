import { describe, expect, it } from 'vitest';
import { ActivityList, CommentBody, CreateThreadBody, MarkActivityReadBody, mentionedUserIds, mentionOf, ResolveThreadBody, ThreadView } from './comments';
import { API_ROUTES } from './routes';

const messages = (result: { success: boolean; error?: { issues: { message: string }[] } }) => result.error?.issues.map((issue) => issue.message);

describe('comment bodies', () => {
  it('take 1 to 10,000 characters of plain text, HTML included, kept exactly as written', () => {
    const html = '<script>alert(1)</script> <b>bold</b>\n\ttabbed';
    expect(CommentBody.parse({ body: html })).toEqual({ body: html });
    expect(CommentBody.parse({ body: 'x'.repeat(10_000) }).body).toHaveLength(10_000);
    expect(messages(CommentBody.safeParse({ body: 'x'.repeat(10_001) }))).toEqual(['body: at most 10,000 characters']);
    expect(messages(CommentBody.safeParse({ body: '' }))).toEqual(['body: write a comment']);
    expect(messages(CommentBody.safeParse({ body: ' \n\u200B ' }))).toEqual(['body: write a comment with visible characters, not only blanks']);
    expect(messages(CommentBody.safeParse({ body: 'bell\u0007' }))).toEqual(['body: no control characters other than line breaks and tabs']);
    expect(messages(CommentBody.safeParse({}))).toEqual(['body: write a comment']);
    expect(CommentBody.safeParse({ body: 'ok', extra: 1 }).success).toBe(false);
  });

  it('write mentions as @[Name](user:<id>), and find each mentioned id once', () => {
    const bob = mentionOf({ id: 'user-bob', name: 'Bob [the] builder' });
    expect(bob).toBe('@[Bob [the  builder](user:user-bob)');
    const body = `Hi ${bob} and @[Cy](user:3f6c2a1e-0000-4000-8000-000000000000), ${bob} again; not @[x](mailto:y)`;
    expect(mentionedUserIds(body)).toEqual(['user-bob', '3f6c2a1e-0000-4000-8000-000000000000']);
    expect(mentionedUserIds('no mentions @Bob')).toEqual([]);
  });
});

describe('threads', () => {
  it('start on a quote or on an anchor of two relative positions, exactly one of the two', () => {
    expect(CreateThreadBody.parse({ body: 'Why?', quote: 'the text' })).toEqual({ body: 'Why?', quote: 'the text' });
    expect(CreateThreadBody.parse({ body: 'Why?', anchor: { start: 'AQIDBA==', end: 'AQIDBQ==' } }).anchor).toEqual({ start: 'AQIDBA==', end: 'AQIDBQ==' });
    expect(messages(CreateThreadBody.safeParse({ body: 'Why?' }))).toEqual(['quote or anchor: give exactly one of the two']);
    expect(messages(CreateThreadBody.safeParse({ body: 'Why?', quote: 'a', anchor: { start: 'AQID', end: 'AQID' } }))).toEqual(['quote or anchor: give exactly one of the two']);
    expect(messages(CreateThreadBody.safeParse({ body: 'Why?', anchor: { start: 'not base64!', end: 'AQID' } }))).toEqual([
      'anchor: start and end are base64 of Y.encodeRelativePosition',
    ]);
    expect(messages(CreateThreadBody.safeParse({ body: 'Why?', quote: '' }))).toEqual(['quote: at least 1 character']);
  });

  it('resolve with a boolean only', () => {
    expect(ResolveThreadBody.parse({ resolved: true })).toEqual({ resolved: true });
    expect(messages(ResolveThreadBody.safeParse({ resolved: 'yes' }))).toEqual(['resolved: true or false']);
  });

  it('describe a thread and an activity list as the API answers them', () => {
    const thread = {
      id: 't1',
      quote: 'the text',
      resolved: false,
      detached: true,
      createdAt: '2026-12-07T01:00:00.000Z',
      comments: [{ id: 'c1', author: { id: 'u1', name: 'Ada' }, body: 'Why?', createdAt: '2026-12-07T01:00:00.000Z', editedAt: null }],
    };
    expect(ThreadView.parse(thread)).toEqual(thread);
    const activity = {
      activity: [
        {
          id: 'a1',
          kind: 'mention',
          read: false,
          createdAt: '2026-12-07T01:00:00.000Z',
          document: { id: 'd1', title: 'Plan' },
          threadId: 't1',
          comment: { id: 'c1', author: { id: 'u1', name: 'Ada' }, body: 'Hi @[Bob](user:u2)' },
        },
      ],
      unread: 1,
    };
    expect(ActivityList.parse(activity)).toEqual(activity);
    expect(messages(MarkActivityReadBody.safeParse({ ids: [] }))).toEqual(['ids: at least one id']);
  });

  it('lists the comment and activity routes', () => {
    expect(API_ROUTES.filter((route) => route.group === 'comments' || route.group === 'activity').map((route) => `${route.method} ${route.path}`)).toEqual([
      'GET /api/documents/:id/threads',
      'POST /api/documents/:id/threads',
      'PATCH /api/documents/:id/threads/:threadId',
      'POST /api/documents/:id/threads/:threadId/comments',
      'PATCH /api/documents/:id/threads/:threadId/comments/:commentId',
      'DELETE /api/documents/:id/threads/:threadId/comments/:commentId',
      'GET /api/activity',
      'POST /api/activity/read',
    ]);
  });
});
