import type { ActivityEntry, CommentView, ThreadView } from '@quire/api-contract';
import type { StoredActivity, StoredComment, StoredThread } from '@quire/storage';

/** A stored comment as the API answers it. */
export function toCommentView(comment: StoredComment): CommentView {
  return {
    id: comment.id,
    author: comment.author,
    body: comment.body,
    createdAt: comment.createdAt.toISOString(),
    editedAt: comment.editedAt?.toISOString() ?? null,
  };
}

/** A stored thread as the API answers it; `detached` when its mark occurs nowhere in the document. */
export function toThreadView(thread: StoredThread, detached: boolean): ThreadView {
  return {
    id: thread.id,
    quote: thread.quote,
    resolved: thread.resolvedAt !== null,
    detached,
    createdAt: thread.createdAt.toISOString(),
    comments: thread.comments.map(toCommentView),
  };
}

/** An activity entry as the API answers it. */
export function toActivityEntry(entry: StoredActivity): ActivityEntry {
  return {
    id: entry.id,
    kind: entry.kind,
    read: entry.read,
    createdAt: entry.createdAt.toISOString(),
    document: { id: entry.documentId, title: entry.documentTitle },
    threadId: entry.threadId,
    comment: entry.comment,
  };
}
