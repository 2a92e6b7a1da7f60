import { ActivityList, CommentView, FILE_ACCESS_PARAM, ThreadView, type CommentAnchor } from '@quire/api-contract';
import { queryOptions } from '@tanstack/react-query';
import type { ApiClient } from './client';
import { documentKeys } from './documents';
import { listOf, parseInParts } from './parse-in-parts';
import { useApiMutation } from './use-api-mutation';

/** `ThreadList` of `@quire/api-contract`, its threads parsed by parseInParts. */
const THREAD_LIST = listOf('threads');
const threadsPath = (documentId: string) => `/api/documents/${encodeURIComponent(documentId)}/threads`;
const threadPath = (documentId: string, threadId: string) => `${threadsPath(documentId)}/${encodeURIComponent(threadId)}`;
const commentPath = (documentId: string, threadId: string, commentId: string) => `${threadPath(documentId, threadId)}/comments/${encodeURIComponent(commentId)}`;

export const commentKeys = {
  /** A document's threads (read again whenever the document's `comments` revision moves). */
  threads: (documentId: string) => [...documentKeys.one(documentId), 'threads'] as const,
  /** The caller's mentions and replies. */
  activity: ['activity'] as const,
};

/**
 * A document's comment threads, oldest first. A guest on a share link reads them with the file
 * token of their latest ticket (`access`, read at each request: it changes with every ticket).
 */
export function threadsQuery(api: ApiClient, documentId: string, access?: () => string | null) {
  return queryOptions({
    queryKey: commentKeys.threads(documentId),
    queryFn: async ({ signal }) => {
      const token = access?.();
      const query = token ? `?${FILE_ACCESS_PARAM}=${encodeURIComponent(token)}` : '';
      // The list read whole, its threads checked a hundred a task: a long document has hundreds.
      const { threads } = await api.call(`${threadsPath(documentId)}${query}`, THREAD_LIST, { signal });
      return parseInParts(threads, ThreadView, `GET ${threadsPath(documentId)}`, signal);
    },
  });
}

/** A new thread on the browser's selection (relative positions: the server marks the text). */
export function useCreateThread(documentId: string) {
  return useApiMutation(
    (api, body: { body: string; anchor: CommentAnchor }) => api.call(threadsPath(documentId), ThreadView, { method: 'POST', body }),
    () => [commentKeys.threads(documentId)],
  );
}

export function useReply(documentId: string) {
  return useApiMutation(
    (api, { threadId, body }: { threadId: string; body: string }) => api.call(`${threadPath(documentId, threadId)}/comments`, CommentView, { method: 'POST', body: { body } }),
    () => [commentKeys.threads(documentId)],
  );
}

/** The author's own comment, changed. */
export function useEditComment(documentId: string) {
  return useApiMutation(
    (api, { threadId, commentId, body }: { threadId: string; commentId: string; body: string }) =>
      api.call(commentPath(documentId, threadId, commentId), CommentView, { method: 'PATCH', body: { body } }),
    () => [commentKeys.threads(documentId)],
  );
}

/** A comment deleted by its author or the owner; the thread goes with its last comment. */
export function useDeleteComment(documentId: string) {
  return useApiMutation(
    (api, { threadId, commentId }: { threadId: string; commentId: string }) => api.call(commentPath(documentId, threadId, commentId), null, { method: 'DELETE' }),
    () => [commentKeys.threads(documentId)],
  );
}

export function useResolveThread(documentId: string) {
  return useApiMutation(
    (api, { threadId, resolved }: { threadId: string; resolved: boolean }) => api.call(threadPath(documentId, threadId), ThreadView, { method: 'PATCH', body: { resolved } }),
    () => [commentKeys.threads(documentId)],
  );
}

/** The caller's mentions and replies to their threads, newest first, with the unread count. */
export function activityQuery(api: ApiClient) {
  return queryOptions({ queryKey: commentKeys.activity, queryFn: ({ signal }) => api.call('/api/activity', ActivityList, { signal }) });
}

export function useMarkActivityRead() {
  return useApiMutation((api, ids: readonly string[]) => api.call('/api/activity/read', null, { method: 'POST', body: { ids } }), () => [commentKeys.activity]);
}
