import { noSuchDocument } from '../checks';
import type { CommentEdit, CommentStore, NewActivity, NewComment, NewThread, StoredActivity, StoredComment, StoredThread } from '../comment-store';
import { noSuchUser } from '../directory-checks';
import type { MemoryData } from './memory-data';

interface MemoryThread {
  readonly id: string;
  readonly documentId: string;
  readonly quote: string;
  readonly createdBy: string;
  readonly createdAt: number;
  resolvedAt: number | null;
  resolvedBy: string | null;
  readonly comments: MemoryComment[];
}

interface MemoryComment {
  readonly id: string;
  readonly threadId: string;
  readonly authorId: string;
  body: string;
  readonly createdAt: number;
  editedAt: number | null;
}

interface MemoryActivity {
  readonly id: string;
  readonly userId: string;
  readonly commentId: string;
  readonly kind: NewActivity['kind'];
  readonly createdAt: number;
  readAt: number | null;
}

/** What the memory "database" holds of comments, and the little of a directory they need (names, members). */
export interface MemoryCommentData {
  readonly people: Map<string, string>;
  readonly members: Map<string, Set<string>>;
  /** In creation order. */
  readonly threads: Map<string, MemoryThread>;
  /** In creation order. */
  readonly activity: MemoryActivity[];
}

/** Where a memory storage keeps its comments: made on first use, shared by the storages `reopen()` makes. */
export function commentDataOf(data: MemoryData): MemoryCommentData {
  const holder = data as MemoryData & { comments?: MemoryCommentData };
  holder.comments ??= { people: new Map(), members: new Map(), threads: new Map(), activity: [] };
  return holder.comments;
}

/**
 * The {@link CommentStore} of a {@link MemoryStorage}, with the SQL adapters' semantics. There are
 * no accounts in memory: {@link addPerson} and {@link addMember} stand in for the users and members
 * the SQL adapters read from their directory (names of authors, who still sees their activity).
 */
export class MemoryCommentStore implements CommentStore {
  /** `data` refuses calls while the storage is not open. */
  constructor(private readonly data: () => MemoryData) {}

  /** Makes a person known by id and name, as an account is to the SQL adapters. */
  addPerson(id: string, name: string): void {
    commentDataOf(this.data()).people.set(id, name);
  }

  /** Makes a person a member of a document (their activity there is listed). */
  addMember(documentId: string, userId: string): void {
    const { members } = commentDataOf(this.data());
    const set = members.get(documentId) ?? new Set<string>();
    set.add(userId);
    members.set(documentId, set);
  }

  /** Ends a person's membership of a document (their activity there is no longer listed). */
  removeMember(documentId: string, userId: string): void {
    commentDataOf(this.data()).members.get(documentId)?.delete(userId);
  }

  async createThread(thread: NewThread): Promise<StoredThread> {
    const data = this.data();
    const comments = commentDataOf(data);
    if (!data.documents.has(thread.documentId)) throw noSuchDocument(thread.documentId, 'start a comment thread');
    if (!comments.people.has(thread.createdBy)) throw noSuchUser('start a comment thread');
    const now = Date.now();
    comments.threads.set(thread.id, {
      id: thread.id,
      documentId: thread.documentId,
      quote: thread.quote,
      createdBy: thread.createdBy,
      createdAt: now,
      resolvedAt: null,
      resolvedBy: null,
      comments: [{ id: thread.comment.id, threadId: thread.id, authorId: thread.createdBy, body: thread.comment.body, createdAt: now, editedAt: null }],
    });
    this.addActivity(thread.comment.id, thread.activity, now);
    return (await this.getThread(thread.documentId, thread.id)) as StoredThread;
  }

  async getThread(documentId: string, threadId: string): Promise<StoredThread | undefined> {
    const thread = this.thread(documentId, threadId);
    return thread && this.view(thread);
  }

  async listThreads(documentId: string): Promise<StoredThread[]> {
    const { threads } = commentDataOf(this.data());
    return [...threads.values()].filter((thread) => thread.documentId === documentId).map((thread) => this.view(thread));
  }

  async setResolved(documentId: string, threadId: string, by: string | null): Promise<StoredThread | undefined> {
    const thread = this.thread(documentId, threadId);
    if (!thread) return undefined;
    thread.resolvedAt = by === null ? null : Date.now();
    thread.resolvedBy = by;
    return this.view(thread);
  }

  async addComment(comment: NewComment): Promise<StoredComment | undefined> {
    const thread = this.thread(comment.documentId, comment.threadId);
    if (!thread) return undefined;
    if (!commentDataOf(this.data()).people.has(comment.authorId)) throw noSuchUser('add a comment');
    const now = Date.now();
    const stored: MemoryComment = { id: comment.id, threadId: thread.id, authorId: comment.authorId, body: comment.body, createdAt: now, editedAt: null };
    thread.comments.push(stored);
    this.addActivity(comment.id, comment.activity, now);
    return this.commentView(stored);
  }

  async getComment(documentId: string, threadId: string, commentId: string): Promise<StoredComment | undefined> {
    const comment = this.thread(documentId, threadId)?.comments.find((candidate) => candidate.id === commentId);
    return comment && this.commentView(comment);
  }

  async editComment(edit: CommentEdit): Promise<StoredComment | undefined> {
    const comment = this.thread(edit.documentId, edit.threadId)?.comments.find((candidate) => candidate.id === edit.commentId);
    if (!comment) return undefined;
    const now = Date.now();
    comment.body = edit.body;
    comment.editedAt = now;
    this.addActivity(comment.id, edit.activity, now);
    return this.commentView(comment);
  }

  async deleteComment(documentId: string, threadId: string, commentId: string): Promise<'none' | 'comment' | 'thread'> {
    const thread = this.thread(documentId, threadId);
    const index = thread?.comments.findIndex((candidate) => candidate.id === commentId) ?? -1;
    if (!thread || index < 0) return 'none';
    const data = commentDataOf(this.data());
    const gone = new Set(thread.comments.splice(index, 1).map((comment) => comment.id));
    if (thread.comments.length === 0) data.threads.delete(thread.id);
    const kept = data.activity.filter((entry) => !gone.has(entry.commentId));
    data.activity.splice(0, data.activity.length, ...kept);
    return thread.comments.length === 0 ? 'thread' : 'comment';
  }

  async listActivity(userId: string, limit: number): Promise<{ entries: StoredActivity[]; unread: number }> {
    const data = this.data();
    const comments = commentDataOf(data);
    const visible: StoredActivity[] = [];
    for (const entry of comments.activity) {
      const found = this.findComment(entry.commentId);
      if (!found || !comments.members.get(found.thread.documentId)?.has(userId) || entry.userId !== userId) continue;
      visible.push({
        id: entry.id,
        kind: entry.kind,
        read: entry.readAt !== null,
        createdAt: new Date(entry.createdAt),
        documentId: found.thread.documentId,
        documentTitle: data.documents.get(found.thread.documentId)?.title ?? '',
        threadId: found.thread.id,
        comment: { id: found.comment.id, author: this.person(found.comment.authorId), body: found.comment.body },
      });
    }
    const unread = visible.filter((entry) => !entry.read).length;
    return { entries: visible.reverse().slice(0, limit), unread };
  }

  async markActivityRead(userId: string, ids: readonly string[]): Promise<number> {
    const wanted = new Set(ids);
    const now = Date.now();
    let changed = 0;
    for (const entry of commentDataOf(this.data()).activity) {
      if (entry.userId !== userId || !wanted.has(entry.id) || entry.readAt !== null) continue;
      entry.readAt = now;
      changed += 1;
    }
    return changed;
  }

  private thread(documentId: string, threadId: string): MemoryThread | undefined {
    const thread = commentDataOf(this.data()).threads.get(threadId);
    return thread?.documentId === documentId ? thread : undefined;
  }

  private findComment(commentId: string): { thread: MemoryThread; comment: MemoryComment } | undefined {
    for (const thread of commentDataOf(this.data()).threads.values()) {
      const comment = thread.comments.find((candidate) => candidate.id === commentId);
      if (comment) return { thread, comment };
    }
    return undefined;
  }

  private addActivity(commentId: string, activity: readonly NewActivity[] | undefined, now: number): void {
    const data = commentDataOf(this.data());
    for (const entry of activity ?? []) {
      if (!data.people.has(entry.userId)) continue;
      if (data.activity.some((existing) => existing.userId === entry.userId && existing.commentId === commentId)) continue;
      data.activity.push({ id: entry.id, userId: entry.userId, commentId, kind: entry.kind, createdAt: now, readAt: null });
    }
  }

  private person(id: string) {
    return { id, name: commentDataOf(this.data()).people.get(id) ?? '' };
  }

  private commentView(comment: MemoryComment): StoredComment {
    return {
      id: comment.id,
      threadId: comment.threadId,
      author: this.person(comment.authorId),
      body: comment.body,
      createdAt: new Date(comment.createdAt),
      editedAt: comment.editedAt === null ? null : new Date(comment.editedAt),
    };
  }

  private view(thread: MemoryThread): StoredThread {
    return {
      id: thread.id,
      documentId: thread.documentId,
      quote: thread.quote,
      createdBy: thread.createdBy,
      createdAt: new Date(thread.createdAt),
      resolvedAt: thread.resolvedAt === null ? null : new Date(thread.resolvedAt),
      resolvedBy: thread.resolvedBy,
      comments: thread.comments.map((comment) => this.commentView(comment)),
    };
  }
}
