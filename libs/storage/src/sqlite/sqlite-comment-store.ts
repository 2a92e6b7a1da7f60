import type Database from 'better-sqlite3';
import { documentAccess } from '../access-sql';
import { noSuchDocument } from '../checks';
import { toActivity, toComment, toThreads, type ActivityRow, type CommentRow, type ThreadRow } from '../comment-rows';
import type { CommentEdit, CommentStore, NewActivity, NewComment, NewThread, StoredActivity, StoredComment, StoredThread } from '../comment-store';
import { noSuchUser } from '../directory-checks';

const THREAD_COLUMNS = 't.id, t.document_id, t.quote, t.created_by, t.created_at, t.resolved_at, t.resolved_by';
const COMMENT_COLUMNS = 'c.id, c.thread_id, c.author_id, u.name AS author_name, c.body, c.created_at, c.edited_at';

/** The comment store's statements and transactions, prepared once per connection. */
export interface CommentConnection {
  readonly createThread: (thread: NewThread, now: number) => void;
  readonly addComment: (comment: NewComment, now: number) => boolean;
  readonly editComment: (edit: CommentEdit, now: number) => boolean;
  readonly deleteComment: (documentId: string, threadId: string, commentId: string) => 'none' | 'comment' | 'thread';
  readonly threads: Database.Statement<[documentId: string], ThreadRow>;
  readonly thread: Database.Statement<[documentId: string, threadId: string], ThreadRow>;
  readonly threadComments: Database.Statement<[threadId: string], CommentRow>;
  readonly documentComments: Database.Statement<[documentId: string], CommentRow>;
  readonly comment: Database.Statement<[documentId: string, threadId: string, commentId: string], CommentRow>;
  readonly resolve: Database.Statement<[at: number | null, by: string | null, documentId: string, threadId: string]>;
  readonly activity: Database.Statement<{ userId: string; limit: number }, ActivityRow>;
  readonly unread: Database.Statement<{ userId: string }, number>;
  readonly markRead: Database.Statement<[at: number, userId: string, id: string]>;
}

export function prepareCommentConnection(db: Database.Database): CommentConnection {
  const documentExists = db.prepare<[id: string], number>('SELECT 1 FROM documents WHERE id = ?').pluck();
  const userExists = db.prepare<[id: string], number>('SELECT 1 FROM users WHERE id = ?').pluck();
  const threadOnDocument = db.prepare<[documentId: string, threadId: string], number>('SELECT 1 FROM comment_threads WHERE document_id = ? AND id = ?').pluck();
  const insertThread = db.prepare<[id: string, documentId: string, quote: string, createdBy: string, at: number]>(
    'INSERT INTO comment_threads (id, document_id, quote, created_by, created_at) VALUES (?, ?, ?, ?, ?)',
  );
  const insertComment = db.prepare<[id: string, threadId: string, authorId: string, body: string, at: number]>(
    'INSERT INTO comments (id, thread_id, author_id, body, created_at) VALUES (?, ?, ?, ?, ?)',
  );
  // A person already told about this comment is not told twice (an edit that mentions them again).
  const insertActivity = db.prepare<{ id: string; userId: string; commentId: string; kind: string; now: number }>(
    `INSERT INTO comment_activity (id, user_id, comment_id, kind, created_at)
     SELECT @id, @userId, @commentId, @kind, @now WHERE EXISTS (SELECT 1 FROM users WHERE id = @userId)
     ON CONFLICT (user_id, comment_id) DO NOTHING`,
  );
  const addActivity = (commentId: string, activity: readonly NewActivity[] | undefined, now: number) => {
    for (const entry of activity ?? []) insertActivity.run({ id: entry.id, userId: entry.userId, commentId, kind: entry.kind, now });
  };
  const updateBody = db.prepare<{ body: string; now: number; documentId: string; threadId: string; commentId: string }>(
    `UPDATE comments SET body = @body, edited_at = @now
     WHERE id = @commentId AND thread_id = @threadId AND EXISTS (SELECT 1 FROM comment_threads t WHERE t.id = @threadId AND t.document_id = @documentId)`,
  );
  const removeComment = db.prepare<{ documentId: string; threadId: string; commentId: string }>(
    `DELETE FROM comments
     WHERE id = @commentId AND thread_id = @threadId AND EXISTS (SELECT 1 FROM comment_threads t WHERE t.id = @threadId AND t.document_id = @documentId)`,
  );
  const commentsLeft = db.prepare<[threadId: string], number>('SELECT count(*) FROM comments WHERE thread_id = ?').pluck();
  const removeThread = db.prepare<[threadId: string]>('DELETE FROM comment_threads WHERE id = ?');

  const checkAuthor = (userId: string, action: string) => {
    if (!userExists.get(userId)) throw noSuchUser(action);
  };

  return {
    createThread: db
      .transaction((thread: NewThread, now: number) => {
        if (!documentExists.get(thread.documentId)) throw noSuchDocument(thread.documentId, 'start a comment thread');
        checkAuthor(thread.createdBy, 'start a comment thread');
        insertThread.run(thread.id, thread.documentId, thread.quote, thread.createdBy, now);
        insertComment.run(thread.comment.id, thread.id, thread.createdBy, thread.comment.body, now);
        addActivity(thread.comment.id, thread.activity, now);
      })
      .immediate,
    addComment: db
      .transaction((comment: NewComment, now: number) => {
        if (!threadOnDocument.get(comment.documentId, comment.threadId)) return false;
        checkAuthor(comment.authorId, 'add a comment');
        insertComment.run(comment.id, comment.threadId, comment.authorId, comment.body, now);
        addActivity(comment.id, comment.activity, now);
        return true;
      })
      .immediate,
    editComment: db
      .transaction((edit: CommentEdit, now: number) => {
        if (updateBody.run({ body: edit.body, now, documentId: edit.documentId, threadId: edit.threadId, commentId: edit.commentId }).changes === 0) return false;
        addActivity(edit.commentId, edit.activity, now);
        return true;
      })
      .immediate,
    deleteComment: db
      .transaction((documentId: string, threadId: string, commentId: string): 'none' | 'comment' | 'thread' => {
        if (removeComment.run({ documentId, threadId, commentId }).changes === 0) return 'none';
        if (commentsLeft.get(threadId) !== 0) return 'comment';
        removeThread.run(threadId);
        return 'thread';
      })
      .immediate,
    threads: db.prepare(`SELECT ${THREAD_COLUMNS} FROM comment_threads t WHERE t.document_id = ? ORDER BY t.created_at, t.rowid`),
    thread: db.prepare(`SELECT ${THREAD_COLUMNS} FROM comment_threads t WHERE t.document_id = ? AND t.id = ?`),
    threadComments: db.prepare(`SELECT ${COMMENT_COLUMNS} FROM comments c JOIN users u ON u.id = c.author_id WHERE c.thread_id = ? ORDER BY c.created_at, c.rowid`),
    documentComments: db.prepare(
      `SELECT ${COMMENT_COLUMNS} FROM comments c JOIN users u ON u.id = c.author_id JOIN comment_threads t ON t.id = c.thread_id
       WHERE t.document_id = ? ORDER BY c.created_at, c.rowid`,
    ),
    comment: db.prepare(
      `SELECT ${COMMENT_COLUMNS} FROM comments c JOIN users u ON u.id = c.author_id JOIN comment_threads t ON t.id = c.thread_id
       WHERE t.document_id = ? AND c.thread_id = ? AND c.id = ?`,
    ),
    resolve: db.prepare('UPDATE comment_threads SET resolved_at = ?, resolved_by = ? WHERE document_id = ? AND id = ?'),
    // Only documents the person is still a member of: a removed member's entries stay, unseen.
    activity: db.prepare(
      `SELECT a.id, a.kind, a.read_at, a.created_at, t.document_id, d.title AS document_title, c.thread_id,
              c.id AS comment_id, c.author_id, u.name AS author_name, c.body
       FROM comment_activity a
       JOIN comments c ON c.id = a.comment_id
       JOIN comment_threads t ON t.id = c.thread_id
       JOIN documents d ON d.id = t.document_id
       JOIN ${documentAccess('', '@userId')} m ON m.document_id = t.document_id AND m.user_id = a.user_id
       JOIN users u ON u.id = c.author_id
       WHERE a.user_id = @userId ORDER BY a.created_at DESC, a.rowid DESC LIMIT @limit`,
    ),
    unread: db
      .prepare<{ userId: string }, number>(
        `SELECT count(*) FROM comment_activity a
         JOIN comments c ON c.id = a.comment_id
         JOIN comment_threads t ON t.id = c.thread_id
         JOIN ${documentAccess('', '@userId')} m ON m.document_id = t.document_id AND m.user_id = a.user_id
         WHERE a.user_id = @userId AND a.read_at IS NULL`,
      )
      .pluck(),
    markRead: db.prepare('UPDATE comment_activity SET read_at = ? WHERE user_id = ? AND id = ? AND read_at IS NULL'),
  };
}

/**
 * The {@link CommentStore} of a {@link SqliteStorage}, on its connection; each call first commits
 * the appends queued before it, as the directory's do.
 */
export class SqliteCommentStore implements CommentStore {
  /** `connection` refuses calls while the storage is not open. */
  constructor(private readonly connection: () => CommentConnection) {}

  async createThread(thread: NewThread): Promise<StoredThread> {
    const connection = this.connection();
    connection.createThread(thread, Date.now());
    return (await this.getThread(thread.documentId, thread.id)) as StoredThread;
  }

  async getThread(documentId: string, threadId: string): Promise<StoredThread | undefined> {
    const connection = this.connection();
    const row = connection.thread.get(documentId, threadId);
    return row && toThreads([row], connection.threadComments.all(threadId))[0];
  }

  async listThreads(documentId: string): Promise<StoredThread[]> {
    const connection = this.connection();
    return toThreads(connection.threads.all(documentId), connection.documentComments.all(documentId));
  }

  async setResolved(documentId: string, threadId: string, by: string | null): Promise<StoredThread | undefined> {
    const connection = this.connection();
    if (connection.resolve.run(by === null ? null : Date.now(), by, documentId, threadId).changes === 0) return undefined;
    return this.getThread(documentId, threadId);
  }

  async addComment(comment: NewComment): Promise<StoredComment | undefined> {
    const connection = this.connection();
    if (!connection.addComment(comment, Date.now())) return undefined;
    return this.getComment(comment.documentId, comment.threadId, comment.id);
  }

  async getComment(documentId: string, threadId: string, commentId: string): Promise<StoredComment | undefined> {
    const row = this.connection().comment.get(documentId, threadId, commentId);
    return row && toComment(row);
  }

  async editComment(edit: CommentEdit): Promise<StoredComment | undefined> {
    const connection = this.connection();
    if (!connection.editComment(edit, Date.now())) return undefined;
    return this.getComment(edit.documentId, edit.threadId, edit.commentId);
  }

  async deleteComment(documentId: string, threadId: string, commentId: string): Promise<'none' | 'comment' | 'thread'> {
    return this.connection().deleteComment(documentId, threadId, commentId);
  }

  async listActivity(userId: string, limit: number): Promise<{ entries: StoredActivity[]; unread: number }> {
    const connection = this.connection();
    return { entries: connection.activity.all({ userId, limit }).map(toActivity), unread: connection.unread.get({ userId }) ?? 0 };
  }

  async markActivityRead(userId: string, ids: readonly string[]): Promise<number> {
    const connection = this.connection();
    const now = Date.now();
    let changed = 0;
    for (const id of new Set(ids)) changed += connection.markRead.run(now, userId, id).changes;
    return changed;
  }
}
