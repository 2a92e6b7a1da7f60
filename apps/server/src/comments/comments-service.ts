import {
  CommentBody,
  CreateThreadBody,
  MarkActivityReadBody,
  mentionedUserIds,
  ResolveThreadBody,
  type ActivityList,
  type CommentView,
  type ThreadList,
  type ThreadView,
} from '@quire/api-contract';
import { anchoredThreadIds, anchorThread, commentsRevisionChange, unanchorThread, type AnchorResult, type CommentTarget, type DocumentHub } from '@quire/collab-core';
import type { CommentStore, Directory, NewActivity, StoredThread } from '@quire/storage';
import type { Logger } from 'pino';
import { AuthError, notFound } from '../auth/auth-error';
import type { DocumentsService } from '../auth/documents-service';
import type { FileTokens } from '../auth/file-tokens';
import { parseBody } from '../auth/parse-body';
import type { Principal } from '../auth/principal';
import { toActivityEntry, toCommentView, toThreadView } from './comment-views';

/** The newest activity entries `GET /api/activity` lists. */
export const ACTIVITY_LIMIT = 100;
/** At most this many people hear of one comment's mentions (each costs a look-up of their access). */
export const MAX_MENTIONS = 50;

const ANCHOR_REFUSALS: Record<Extract<AnchorResult, { ok: false }>['reason'], string> = {
  'quote-not-found': 'The quoted text does not occur in the document (it must lie within one paragraph, heading or other text block)',
  'anchor-not-found': 'The selection is not in this document any more: select the text again',
  'no-text': 'The selection holds no text a comment can be attached to (select some text outside code blocks)',
};

/** What {@link CommentsService} works with. */
export interface CommentsServiceOptions {
  readonly documents: DocumentsService;
  readonly directory: Directory;
  /** Checks a guest's file token, which also lets them read the threads. */
  readonly fileTokens: FileTokens;
  readonly comments: CommentStore;
  readonly hub: DocumentHub;
  readonly newId: () => string;
  readonly logger: Logger;
}

/**
 * A document's comment threads (docs/api.md, "Comments"). Every call checks the caller's role
 * afresh, so an access change stops comment access at the next request: not a member 404, a
 * viewer (or guest) 403 on writes; commenters, editors and owners may comment, resolve and
 * reopen; a comment is edited by its author only and deleted by its author or the owner.
 * Anchors are marks in the document, put there by the server (libs/collab-core README, "Comments").
 */
export class CommentsService {
  constructor(private readonly options: CommentsServiceOptions) {}

  /**
   * Members see the threads; so does a guest on a viewer link, who has no session, with the file
   * token of their ticket (checked as a file download checks it: genuine, not expired, its link
   * not revoked, so revoking the link stops it at once).
   */
  async list(principal: Principal | undefined, documentId: string, access?: string): Promise<ThreadList> {
    if (principal) {
      if (!access || (await this.options.directory.getRole(documentId, principal.user.id))) await this.options.documents.get(principal, documentId);
      else await this.mayReadAsGuest(documentId, access);
    } else {
      if (!access) throw new AuthError(401, 'Sign in first (or send an API token as "Authorization: Bearer qt_…")');
      await this.mayReadAsGuest(documentId, access);
    }
    const threads = await this.options.comments.listThreads(documentId);
    const anchored = await this.anchored(documentId);
    return { threads: threads.map((thread) => toThreadView(thread, !anchored.has(thread.id))) };
  }

  /**
   * Anchors the thread in the document (stored, then relayed), then stores its rows, then tells
   * everyone: whoever is shown the thread is shown one whose mark and rows are both durable.
   */
  async create(principal: Principal, documentId: string, body: unknown): Promise<ThreadView> {
    const input = parseBody(CreateThreadBody, body);
    await this.mayComment(principal, documentId);
    const target: CommentTarget = input.anchor ? { start: decode(input.anchor.start), end: decode(input.anchor.end) } : { quote: input.quote as string };
    const threadId = this.options.newId();
    const userId = principal.user.id;
    let anchored: AnchorResult | undefined;
    await this.options.hub.applyServerUpdate(documentId, userId, (doc) => {
      anchored = anchorThread(doc, threadId, target);
      return anchored.ok ? anchored.update : undefined;
    });
    if (!anchored?.ok) throw new AuthError(422, ANCHOR_REFUSALS[anchored?.reason ?? 'anchor-not-found']);
    const commentId = this.options.newId();
    const thread = await this.options.comments.createThread({
      id: threadId,
      documentId,
      quote: anchored.quote,
      createdBy: userId,
      comment: { id: commentId, body: input.body },
      activity: await this.activityFor(documentId, userId, input.body, []),
    });
    await this.announce(documentId, userId);
    return toThreadView(thread, false);
  }

  async reply(principal: Principal, documentId: string, threadId: string, body: unknown): Promise<CommentView> {
    const input = parseBody(CommentBody, body);
    await this.mayComment(principal, documentId);
    const thread = await this.thread(documentId, threadId);
    const userId = principal.user.id;
    const participants = thread.comments.map((comment) => comment.author.id);
    const comment = await this.options.comments.addComment({
      id: this.options.newId(),
      documentId,
      threadId,
      authorId: userId,
      body: input.body,
      activity: await this.activityFor(documentId, userId, input.body, participants),
    });
    // Deleted (its last comment) between the two reads.
    if (!comment) throw notFound('thread');
    await this.announce(documentId, userId);
    return toCommentView(comment);
  }

  async edit(principal: Principal, documentId: string, threadId: string, commentId: string, body: unknown): Promise<CommentView> {
    const input = parseBody(CommentBody, body);
    await this.mayComment(principal, documentId);
    const userId = principal.user.id;
    const existing = await this.options.comments.getComment(documentId, threadId, commentId);
    if (!existing) throw notFound('comment');
    if (existing.author.id !== userId) throw new AuthError(403, 'Only its author can edit a comment');
    // People it newly mentions are told; those already told are not told again.
    const activity = await this.activityFor(documentId, userId, input.body, []);
    const edited = await this.options.comments.editComment({ documentId, threadId, commentId, body: input.body, activity });
    if (!edited) throw notFound('comment');
    await this.announce(documentId, userId);
    return toCommentView(edited);
  }

  async delete(principal: Principal, documentId: string, threadId: string, commentId: string): Promise<void> {
    const document = await this.mayComment(principal, documentId);
    const userId = principal.user.id;
    const existing = await this.options.comments.getComment(documentId, threadId, commentId);
    if (!existing) throw notFound('comment');
    if (existing.author.id !== userId && document.role !== 'owner') throw new AuthError(403, 'Only its author or the document’s owner can delete a comment');
    const gone = await this.options.comments.deleteComment(documentId, threadId, commentId);
    if (gone === 'none') throw notFound('comment');
    // The rows go first: a crash before the mark goes leaves a mark of no thread, which nothing shows.
    if (gone === 'thread') await this.options.hub.applyServerUpdate(documentId, userId, (doc) => unanchorThread(doc, threadId));
    await this.announce(documentId, userId);
  }

  async resolve(principal: Principal, documentId: string, threadId: string, body: unknown): Promise<ThreadView> {
    const { resolved } = parseBody(ResolveThreadBody, body);
    await this.mayComment(principal, documentId);
    const userId = principal.user.id;
    const thread = await this.options.comments.setResolved(documentId, threadId, resolved ? userId : null);
    if (!thread) throw notFound('thread');
    await this.announce(documentId, userId);
    return toThreadView(thread, !(await this.anchored(documentId)).has(thread.id));
  }

  async activity(principal: Principal): Promise<ActivityList> {
    const { entries, unread } = await this.options.comments.listActivity(principal.user.id, ACTIVITY_LIMIT);
    return { activity: entries.map(toActivityEntry), unread };
  }

  async markRead(principal: Principal, body: unknown): Promise<void> {
    const { ids } = parseBody(MarkActivityReadBody, body);
    await this.options.comments.markActivityRead(principal.user.id, ids);
  }

  private async mayReadAsGuest(documentId: string, access: string): Promise<void> {
    const claim = this.options.fileTokens.check(access, documentId);
    if (!claim) throw notFound();
    if (claim.expired) throw new AuthError(401, 'This page’s access has expired: reload the page');
    const link = await this.options.directory.getLink(claim.linkId);
    if (!link || link.revokedAt || link.documentId !== documentId) throw notFound();
  }

  /** The document if the caller may comment on it: 404 for a non-member, 403 for a viewer. */
  private mayComment(principal: Principal, documentId: string) {
    return this.options.documents.get(principal, documentId, 'commenter');
  }

  private async thread(documentId: string, threadId: string): Promise<StoredThread> {
    const thread = await this.options.comments.getThread(documentId, threadId);
    if (!thread) throw notFound('thread');
    return thread;
  }

  private anchored(documentId: string): Promise<ReadonlySet<string>> {
    return this.options.hub.readDocument(documentId, anchoredThreadIds);
  }

  /**
   * Who a new comment by `authorId` is news for: the members it mentions, then the thread's
   * earlier participants (a reply); never its author, each person once, only people with access.
   */
  private async activityFor(documentId: string, authorId: string, body: string, participants: readonly string[]): Promise<NewActivity[]> {
    const entries = new Map<string, NewActivity>();
    for (const userId of mentionedUserIds(body).slice(0, MAX_MENTIONS)) entries.set(userId, { id: this.options.newId(), userId, kind: 'mention' });
    for (const userId of participants) if (!entries.has(userId)) entries.set(userId, { id: this.options.newId(), userId, kind: 'reply' });
    entries.delete(authorId);
    // Whoever may open the document now (a member, directly or through a folder); nobody else hears of it.
    const mayRead = await Promise.all([...entries.keys()].map(async (userId) => (await this.options.directory.getRole(documentId, userId)) !== undefined));
    return [...entries.values()].filter((_, index) => mayRead[index]);
  }

  /**
   * Raises the document's comments revision: a document update every page with it open receives,
   * on every instance, and answers by refetching the threads. The change itself is already stored;
   * a failure here is logged, not the caller's.
   */
  private async announce(documentId: string, userId: string): Promise<void> {
    try {
      await this.options.hub.applyServerUpdate(documentId, userId, commentsRevisionChange);
    } catch (error) {
      this.options.logger.warn({ err: error, documentId }, 'Could not announce a comment change; pages see it when they next load the threads');
    }
  }
}

/** The bytes of a base64 relative position (the contract checked its alphabet). */
function decode(base64: string): Uint8Array {
  return new Uint8Array(Buffer.from(base64, 'base64'));
}
