/**
 * Comment threads, their comments, and the activity they make for people (libs/storage README,
 * "Comments"). A thread belongs to one document and is anchored in the document's content by a
 * `comment` mark with its id (the Y.Doc, not this store, holds where it stands). Every call that
 * names a thread or comment also names its document, and finds nothing on another document.
 */
export interface CommentStore {
  /** Stores a thread with its first comment and the activity it makes, in one transaction. */
  createThread(thread: NewThread): Promise<StoredThread>;
  /** The thread with its comments (oldest first), or `undefined`. */
  getThread(documentId: string, threadId: string): Promise<StoredThread | undefined>;
  /** The document's threads, oldest first, each with its comments oldest first. */
  listThreads(documentId: string): Promise<StoredThread[]>;
  /** Marks the thread resolved by `by` (a user id), or reopens it with `null`; `undefined` if there is no such thread. */
  setResolved(documentId: string, threadId: string, by: string | null): Promise<StoredThread | undefined>;
  /** Adds a reply with the activity it makes; `undefined` when the thread is not on the document. */
  addComment(comment: NewComment): Promise<StoredComment | undefined>;
  /** One comment, or `undefined`. */
  getComment(documentId: string, threadId: string, commentId: string): Promise<StoredComment | undefined>;
  /**
   * Replaces a comment's body and sets `editedAt`; adds the activity given (new mentions), skipping
   * people who already have an entry for this comment. `undefined` when there is no such comment.
   */
  editComment(edit: CommentEdit): Promise<StoredComment | undefined>;
  /**
   * Deletes a comment and its activity; when it was the thread's last, the thread too. Says what
   * went: nothing (no such comment), the comment, or the comment and its thread.
   */
  deleteComment(documentId: string, threadId: string, commentId: string): Promise<'none' | 'comment' | 'thread'>;
  /**
   * A person's activity, newest first (at most `limit` entries), and how many of all their entries
   * are unread; only entries of documents they are still a member of.
   */
  listActivity(userId: string, limit: number): Promise<{ entries: StoredActivity[]; unread: number }>;
  /** Marks the person's entries among `ids` read; another person's ids are ignored. Returns how many changed. */
  markActivityRead(userId: string, ids: readonly string[]): Promise<number>;
}

/** Someone named beside a comment: id and current name. */
export interface CommentPerson {
  readonly id: string;
  readonly name: string;
}

export interface StoredComment {
  readonly id: string;
  readonly threadId: string;
  readonly author: CommentPerson;
  readonly body: string;
  readonly createdAt: Date;
  readonly editedAt: Date | null;
}

export interface StoredThread {
  readonly id: string;
  readonly documentId: string;
  /** The text the thread was anchored to when it was made. */
  readonly quote: string;
  readonly createdBy: string;
  readonly createdAt: Date;
  /** When it was resolved, and by whom; both null while it is open. */
  readonly resolvedAt: Date | null;
  readonly resolvedBy: string | null;
  /** Oldest first; never empty (a thread whose last comment is deleted is deleted). */
  readonly comments: readonly StoredComment[];
}

/** Someone a new comment makes an activity entry for: they are mentioned, or it replies in their thread. */
export interface NewActivity {
  readonly id: string;
  readonly userId: string;
  readonly kind: ActivityKind;
}

export type ActivityKind = 'mention' | 'reply';

/** The kinds of activity, in the order the schema's CHECK lists them. */
export const ACTIVITY_KINDS: readonly ActivityKind[] = ['mention', 'reply'];

export interface NewThread {
  readonly id: string;
  readonly documentId: string;
  readonly quote: string;
  readonly createdBy: string;
  readonly comment: { readonly id: string; readonly body: string };
  readonly activity?: readonly NewActivity[];
}

export interface NewComment {
  readonly id: string;
  readonly documentId: string;
  readonly threadId: string;
  readonly authorId: string;
  readonly body: string;
  readonly activity?: readonly NewActivity[];
}

export interface CommentEdit {
  readonly documentId: string;
  readonly threadId: string;
  readonly commentId: string;
  readonly body: string;
  readonly activity?: readonly NewActivity[];
}

/** One entry of a person's activity, with what it points at. */
export interface StoredActivity {
  readonly id: string;
  readonly kind: ActivityKind;
  readonly read: boolean;
  readonly createdAt: Date;
  readonly documentId: string;
  readonly documentTitle: string;
  readonly threadId: string;
  readonly comment: { readonly id: string; readonly author: CommentPerson; readonly body: string };
}
