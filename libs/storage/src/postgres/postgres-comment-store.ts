import { escapeIdentifier, type Pool, type PoolClient } from 'pg';
import { documentAccess } from '../access-sql';
import { noSuchDocument } from '../checks';
import { toActivity, toComment, toThreads, type ActivityRow, type CommentRow, type ThreadRow } from '../comment-rows';
import type { CommentEdit, CommentStore, NewActivity, NewComment, NewThread, StoredActivity, StoredComment, StoredThread } from '../comment-store';
import { noSuchUser } from '../directory-checks';
import { inTransaction } from './pool';

/** The comment store's statements for the tables in `schema` (any name: it is quoted). */
function statementsFor(schema: string) {
  const q = escapeIdentifier(schema);
  const thread = 't.id, t.document_id, t.quote, t.created_by, t.created_at, t.resolved_at, t.resolved_by';
  const comment = 'c.id, c.thread_id, c.author_id, u.name AS author_name, c.body, c.created_at, c.edited_at';
  return {
    documentExists: `SELECT 1 FROM ${q}.documents WHERE id = $1`,
    userExists: `SELECT 1 FROM ${q}.users WHERE id = $1`,
    threadOnDocument: `SELECT 1 FROM ${q}.comment_threads WHERE document_id = $1 AND id = $2 FOR SHARE`,
    insertThread: `INSERT INTO ${q}.comment_threads (id, document_id, quote, created_by, created_at) VALUES ($1, $2, $3, $4, now())`,
    insertComment: `INSERT INTO ${q}.comments (id, thread_id, author_id, body, created_at) VALUES ($1, $2, $3, $4, now())`,
    // A person already told about this comment is not told twice (an edit that mentions them again).
    insertActivity: `INSERT INTO ${q}.comment_activity (id, user_id, comment_id, kind, created_at)
      SELECT $1, $2, $3, $4, now() WHERE EXISTS (SELECT 1 FROM ${q}.users WHERE id = $2)
      ON CONFLICT (user_id, comment_id) DO NOTHING`,
    updateBody: `UPDATE ${q}.comments c SET body = $1, edited_at = now()
      FROM ${q}.comment_threads t WHERE t.id = c.thread_id AND t.document_id = $2 AND c.thread_id = $3 AND c.id = $4`,
    removeComment: `DELETE FROM ${q}.comments c USING ${q}.comment_threads t
      WHERE t.id = c.thread_id AND t.document_id = $1 AND c.thread_id = $2 AND c.id = $3`,
    // Locks the thread so that two deletions of its last comments cannot both leave it standing.
    lockThread: `SELECT 1 FROM ${q}.comment_threads WHERE id = $1 FOR UPDATE`,
    commentsLeft: `SELECT count(*)::int AS n FROM ${q}.comments WHERE thread_id = $1`,
    removeThread: `DELETE FROM ${q}.comment_threads WHERE id = $1`,
    threads: `SELECT ${thread} FROM ${q}.comment_threads t WHERE t.document_id = $1 ORDER BY t.created_at, t.seq`,
    thread: `SELECT ${thread} FROM ${q}.comment_threads t WHERE t.document_id = $1 AND t.id = $2`,
    threadComments: `SELECT ${comment} FROM ${q}.comments c JOIN ${q}.users u ON u.id = c.author_id WHERE c.thread_id = $1 ORDER BY c.created_at, c.seq`,
    documentComments: `SELECT ${comment} FROM ${q}.comments c JOIN ${q}.users u ON u.id = c.author_id
      JOIN ${q}.comment_threads t ON t.id = c.thread_id WHERE t.document_id = $1 ORDER BY c.created_at, c.seq`,
    comment: `SELECT ${comment} FROM ${q}.comments c JOIN ${q}.users u ON u.id = c.author_id
      JOIN ${q}.comment_threads t ON t.id = c.thread_id WHERE t.document_id = $1 AND c.thread_id = $2 AND c.id = $3`,
    resolve: `UPDATE ${q}.comment_threads SET resolved_at = CASE WHEN $1::text IS NULL THEN NULL ELSE now() END, resolved_by = $1
      WHERE document_id = $2 AND id = $3`,
    // Only documents the person is still a member of: a removed member's entries stay, unseen.
    activity: `SELECT a.id, a.kind, a.read_at, a.created_at, t.document_id, d.title AS document_title, c.thread_id,
        c.id AS comment_id, c.author_id, u.name AS author_name, c.body
      FROM ${q}.comment_activity a
      JOIN ${q}.comments c ON c.id = a.comment_id
      JOIN ${q}.comment_threads t ON t.id = c.thread_id
      JOIN ${q}.documents d ON d.id = t.document_id
      JOIN ${documentAccess(`${q}.`, '$1')} m ON m.document_id = t.document_id AND m.user_id = a.user_id
      JOIN ${q}.users u ON u.id = c.author_id
      WHERE a.user_id = $1 ORDER BY a.created_at DESC, a.seq DESC LIMIT $2`,
    unread: `SELECT count(*)::int AS n FROM ${q}.comment_activity a
      JOIN ${q}.comments c ON c.id = a.comment_id
      JOIN ${q}.comment_threads t ON t.id = c.thread_id
      JOIN ${documentAccess(`${q}.`, '$1')} m ON m.document_id = t.document_id AND m.user_id = a.user_id
      WHERE a.user_id = $1 AND a.read_at IS NULL`,
    markRead: `UPDATE ${q}.comment_activity SET read_at = now() WHERE user_id = $1 AND id = ANY($2::text[]) AND read_at IS NULL`,
  };
}

/** The {@link CommentStore} of a {@link PostgresStorage}, on its pool. */
export class PostgresCommentStore implements CommentStore {
  private readonly s: ReturnType<typeof statementsFor>;

  /** `pool` refuses calls while the storage is not open. */
  constructor(
    schema: string,
    private readonly pool: () => Pool,
  ) {
    this.s = statementsFor(schema);
  }

  async createThread(thread: NewThread): Promise<StoredThread> {
    const s = this.s;
    await inTransaction(this.pool(), async (client) => {
      if ((await client.query(s.documentExists, [thread.documentId])).rowCount === 0) throw noSuchDocument(thread.documentId, 'start a comment thread');
      if ((await client.query(s.userExists, [thread.createdBy])).rowCount === 0) throw noSuchUser('start a comment thread');
      await client.query(s.insertThread, [thread.id, thread.documentId, thread.quote, thread.createdBy]);
      await client.query(s.insertComment, [thread.comment.id, thread.id, thread.createdBy, thread.comment.body]);
      await this.addActivity(client, thread.comment.id, thread.activity);
    });
    return (await this.getThread(thread.documentId, thread.id)) as StoredThread;
  }

  async getThread(documentId: string, threadId: string): Promise<StoredThread | undefined> {
    const pool = this.pool();
    const { rows } = await pool.query<ThreadRow>(this.s.thread, [documentId, threadId]);
    if (!rows[0]) return undefined;
    const comments = await pool.query<CommentRow>(this.s.threadComments, [threadId]);
    return toThreads(rows, comments.rows)[0];
  }

  async listThreads(documentId: string): Promise<StoredThread[]> {
    const pool = this.pool();
    // One transaction, so that no comment is listed without its thread (or the other way round).
    return inTransaction(pool, async (client) => {
      await client.query('SET TRANSACTION ISOLATION LEVEL REPEATABLE READ');
      const threads = await client.query<ThreadRow>(this.s.threads, [documentId]);
      const comments = await client.query<CommentRow>(this.s.documentComments, [documentId]);
      return toThreads(threads.rows, comments.rows);
    });
  }

  async setResolved(documentId: string, threadId: string, by: string | null): Promise<StoredThread | undefined> {
    const { rowCount } = await this.pool().query(this.s.resolve, [by, documentId, threadId]);
    return rowCount === 0 ? undefined : this.getThread(documentId, threadId);
  }

  async addComment(comment: NewComment): Promise<StoredComment | undefined> {
    const s = this.s;
    const added = await inTransaction(this.pool(), async (client) => {
      if ((await client.query(s.threadOnDocument, [comment.documentId, comment.threadId])).rowCount === 0) return false;
      if ((await client.query(s.userExists, [comment.authorId])).rowCount === 0) throw noSuchUser('add a comment');
      await client.query(s.insertComment, [comment.id, comment.threadId, comment.authorId, comment.body]);
      await this.addActivity(client, comment.id, comment.activity);
      return true;
    });
    return added ? this.getComment(comment.documentId, comment.threadId, comment.id) : undefined;
  }

  async getComment(documentId: string, threadId: string, commentId: string): Promise<StoredComment | undefined> {
    const { rows } = await this.pool().query<CommentRow>(this.s.comment, [documentId, threadId, commentId]);
    return rows[0] && toComment(rows[0]);
  }

  async editComment(edit: CommentEdit): Promise<StoredComment | undefined> {
    const s = this.s;
    const edited = await inTransaction(this.pool(), async (client) => {
      if ((await client.query(s.updateBody, [edit.body, edit.documentId, edit.threadId, edit.commentId])).rowCount === 0) return false;
      await this.addActivity(client, edit.commentId, edit.activity);
      return true;
    });
    return edited ? this.getComment(edit.documentId, edit.threadId, edit.commentId) : undefined;
  }

  async deleteComment(documentId: string, threadId: string, commentId: string): Promise<'none' | 'comment' | 'thread'> {
    const s = this.s;
    return inTransaction(this.pool(), async (client) => {
      await client.query(s.lockThread, [threadId]);
      if ((await client.query(s.removeComment, [documentId, threadId, commentId])).rowCount === 0) return 'none';
      const left = await client.query<{ n: number }>(s.commentsLeft, [threadId]);
      if (left.rows[0].n !== 0) return 'comment';
      await client.query(s.removeThread, [threadId]);
      return 'thread';
    });
  }

  async listActivity(userId: string, limit: number): Promise<{ entries: StoredActivity[]; unread: number }> {
    const pool = this.pool();
    const [entries, unread] = await Promise.all([pool.query<ActivityRow>(this.s.activity, [userId, limit]), pool.query<{ n: number }>(this.s.unread, [userId])]);
    return { entries: entries.rows.map(toActivity), unread: unread.rows[0].n };
  }

  async markActivityRead(userId: string, ids: readonly string[]): Promise<number> {
    const { rowCount } = await this.pool().query(this.s.markRead, [userId, [...new Set(ids)]]);
    return rowCount ?? 0;
  }

  private async addActivity(client: PoolClient, commentId: string, activity: readonly NewActivity[] | undefined): Promise<void> {
    for (const entry of activity ?? []) await client.query(this.s.insertActivity, [entry.id, entry.userId, commentId, entry.kind]);
  }
}
