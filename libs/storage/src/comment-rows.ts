import type { ActivityKind, StoredActivity, StoredComment, StoredThread } from './comment-store';

// Rows as both SQL adapters select them (same column names), and the records they make. Times are
// milliseconds in SQLite and Dates from pg: `new Date(...)` accepts either.

type Time = number | Date;

export interface ThreadRow {
  id: string;
  document_id: string;
  quote: string;
  created_by: string;
  created_at: Time;
  resolved_at: Time | null;
  resolved_by: string | null;
}

export interface CommentRow {
  id: string;
  thread_id: string;
  author_id: string;
  author_name: string;
  body: string;
  created_at: Time;
  edited_at: Time | null;
}

export interface ActivityRow {
  id: string;
  kind: ActivityKind;
  read_at: Time | null;
  created_at: Time;
  document_id: string;
  document_title: string;
  thread_id: string;
  comment_id: string;
  author_id: string;
  author_name: string;
  body: string;
}

export function toComment(row: CommentRow): StoredComment {
  return {
    id: row.id,
    threadId: row.thread_id,
    author: { id: row.author_id, name: row.author_name },
    body: row.body,
    createdAt: new Date(row.created_at),
    editedAt: row.edited_at === null ? null : new Date(row.edited_at),
  };
}

/** Threads with their comments: `comments` ordered oldest first, as the threads are. */
export function toThreads(threads: readonly ThreadRow[], comments: readonly CommentRow[]): StoredThread[] {
  const byThread = new Map<string, StoredComment[]>(threads.map((thread) => [thread.id, []]));
  for (const comment of comments) byThread.get(comment.thread_id)?.push(toComment(comment));
  return threads.map((row) => ({
    id: row.id,
    documentId: row.document_id,
    quote: row.quote,
    createdBy: row.created_by,
    createdAt: new Date(row.created_at),
    resolvedAt: row.resolved_at === null ? null : new Date(row.resolved_at),
    resolvedBy: row.resolved_by,
    comments: byThread.get(row.id) ?? [],
  }));
}

export function toActivity(row: ActivityRow): StoredActivity {
  return {
    id: row.id,
    kind: row.kind,
    read: row.read_at !== null,
    createdAt: new Date(row.created_at),
    documentId: row.document_id,
    documentTitle: row.document_title,
    threadId: row.thread_id,
    comment: { id: row.comment_id, author: { id: row.author_id, name: row.author_name }, body: row.body },
  };
}
