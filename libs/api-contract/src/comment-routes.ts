import type { ApiRoute } from './api-route';
import { FileQuery } from './files';
import { ActivityList, CommentBody, CommentView, CreateThreadBody, MarkActivityReadBody, ResolveThreadBody, ThreadList, ThreadView } from './comments';

const notVisible = 'no such document, or the caller is not a member (whether it exists is not revealed)';
const noSuchThread = 'no such document for the caller, or no such thread on this document';
const noSuchComment = 'no such document for the caller, or no such thread or comment on this document';
const mayNotComment = 'the caller may only view the document (commenters, editors and owners may comment)';
const tooMany = 'too many comment changes in a short time';

/** Comment threads and the activity they make (docs/api.md, "Comments"), in its order. */
export const COMMENT_ROUTES: readonly ApiRoute[] = [
  {
    method: 'GET',
    path: '/api/documents/:id/threads',
    group: 'comments',
    summary: 'A document’s comment threads, oldest first, each with its comments and whether its text is still in the document (a guest: with the file token of their ticket as `access`)',
    caller: 'anyone',
    query: FileQuery,
    status: 200,
    answer: ThreadList,
    refusals: { 401: 'neither signed in nor a guest’s file token, or the file token has expired (fetch a new ticket)', 404: notVisible },
  },
  {
    method: 'POST',
    path: '/api/documents/:id/threads',
    group: 'comments',
    summary: 'Start a thread on the first occurrence of `quote`, or on a browser’s `anchor` (relative positions), with its first comment',
    caller: 'signed-in',
    body: CreateThreadBody,
    status: 201,
    answer: ThreadView,
    refusals: {
      400: 'the body is empty, longer than 10,000 characters or holds control characters; or both or neither of quote and anchor',
      403: mayNotComment,
      404: notVisible,
      422: 'the quote does not occur in the document, or the anchor does not resolve to text in it',
      429: tooMany,
    },
  },
  {
    method: 'PATCH',
    path: '/api/documents/:id/threads/:threadId',
    group: 'comments',
    summary: 'Resolve or reopen a thread',
    caller: 'signed-in',
    body: ResolveThreadBody,
    status: 200,
    answer: ThreadView,
    refusals: { 403: mayNotComment, 404: noSuchThread, 429: tooMany },
  },
  {
    method: 'POST',
    path: '/api/documents/:id/threads/:threadId/comments',
    group: 'comments',
    summary: 'Reply in a thread',
    caller: 'signed-in',
    body: CommentBody,
    status: 201,
    answer: CommentView,
    refusals: { 403: mayNotComment, 404: noSuchThread, 429: tooMany },
  },
  {
    method: 'PATCH',
    path: '/api/documents/:id/threads/:threadId/comments/:commentId',
    group: 'comments',
    summary: 'Edit one’s own comment',
    caller: 'signed-in',
    body: CommentBody,
    status: 200,
    answer: CommentView,
    refusals: { 403: 'the comment is another person’s, or the caller may only view the document', 404: noSuchComment, 429: tooMany },
  },
  {
    method: 'DELETE',
    path: '/api/documents/:id/threads/:threadId/comments/:commentId',
    group: 'comments',
    summary: 'Delete a comment (its author, or the document’s owner); a thread whose last comment goes is deleted with its highlight',
    caller: 'signed-in',
    status: 204,
    refusals: { 403: 'the caller neither wrote the comment nor owns the document, or may only view it', 404: noSuchComment, 429: tooMany },
  },
  {
    method: 'GET',
    path: '/api/activity',
    group: 'activity',
    summary: 'The caller’s mentions and replies to their threads, newest first, with read flags and the unread count',
    caller: 'signed-in',
    status: 200,
    answer: ActivityList,
  },
  {
    method: 'POST',
    path: '/api/activity/read',
    group: 'activity',
    summary: 'Mark activity entries read',
    caller: 'signed-in',
    body: MarkActivityReadBody,
    status: 204,
  },
];
