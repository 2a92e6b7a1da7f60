'use client';

import type { CommentView, ThreadView } from '@quire/api-contract';
import { memo, useState } from 'react';
import { formatRelativeTime } from '../../../lib/relative-time';
import { CommentBody } from './CommentBody';
import { CommentComposer } from './CommentComposer';
import type { MentionablePerson } from './comment-text';
import styles from './comments.module.css';

/** What a thread card may do, as the page answers it. */
export interface ThreadActions {
  activate: (threadId: string) => void;
  reply: (threadId: string, body: string) => Promise<void>;
  edit: (threadId: string, commentId: string, body: string) => Promise<void>;
  remove: (threadId: string, commentId: string) => Promise<void>;
  resolve: (threadId: string, resolved: boolean) => Promise<void>;
}

interface Props {
  thread: ThreadView;
  active: boolean;
  /** Commenters, editors and owners; viewers read only. */
  canComment: boolean;
  /** The signed-in person: their comments can be edited and deleted. */
  selfId: string;
  /** The owner deletes anyone's comments. */
  isOwner: boolean;
  people: readonly MentionablePerson[];
  actions: ThreadActions;
  now: Date;
}

const short = (quote: string) => (quote.length > 80 ? `${quote.slice(0, 79)}…` : quote);

/** A thread that is not active: its first comment (a few lines of it) and how many replies follow. */
function ThreadSummary({ thread, now }: { thread: ThreadView; now: Date }) {
  const first = thread.comments[0];
  if (!first) return null;
  const replies = thread.comments.length - 1;
  return (
    <div className={styles.summary}>
      <p className={styles.commentMeta}>
        <span className={styles.author}>{first.author.name}</span>
        <time dateTime={first.createdAt}>{formatRelativeTime(new Date(first.createdAt), now)}</time>
      </p>
      <div className={styles.clamped}>
        <CommentBody body={first.body} />
      </div>
      {replies > 0 ? <p className={styles.replyCount}>{replies === 1 ? '1 reply' : `${replies} replies`}</p> : null}
    </div>
  );
}

/** One comment of a thread, with its author's edit and delete. */
function CommentItem({ thread, comment, canEdit, canDelete, people, actions, now }: { thread: ThreadView; comment: CommentView; canEdit: boolean; canDelete: boolean; people: readonly MentionablePerson[]; actions: ThreadActions; now: Date }) {
  const [editing, setEditing] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const created = new Date(comment.createdAt);
  return (
    <li className={styles.comment}>
      <p className={styles.commentMeta}>
        <span className={styles.author}>{comment.author.name}</span>
        <time dateTime={comment.createdAt} title={created.toLocaleString()}>
          {formatRelativeTime(created, now)}
        </time>
        {comment.editedAt ? <span className={styles.edited}>(edited)</span> : null}
      </p>
      {editing ? (
        <CommentComposer
          label="Edit comment"
          submitLabel="Save"
          people={people}
          initialBody={comment.body}
          autoFocus
          onSubmit={async (body) => {
            await actions.edit(thread.id, comment.id, body);
            setEditing(false);
          }}
          onCancel={() => setEditing(false)}
        />
      ) : (
        <CommentBody body={comment.body} />
      )}
      {!editing && (canEdit || canDelete) ? (
        <div className={styles.commentActions}>
          {canEdit ? (
            <button type="button" className={styles.linkButton} onClick={() => setEditing(true)} aria-label={`Edit your comment “${short(comment.body)}”`}>
              Edit
            </button>
          ) : null}
          {canDelete ? (
            <button
              type="button"
              className={styles.linkButton}
              aria-label={`Delete the comment by ${comment.author.name}`}
              onClick={async () => {
                setFailure(null);
                try {
                  await actions.remove(thread.id, comment.id);
                } catch (error) {
                  setFailure(`Not deleted: ${error instanceof Error ? error.message : 'try again'}`);
                }
              }}
            >
              Delete
            </button>
          ) : null}
        </div>
      ) : null}
      {failure ? (
        <p className={styles.composerError} role="alert">
          {failure}
        </p>
      ) : null}
    </li>
  );
}

/**
 * A thread in the margin (or the narrow screens' list): its quote, its comments, and for people
 * who may comment a reply field and resolve/reopen. `id="thread-<id>"`, so `#thread-<id>` links
 * (the activity list's) reach it. Clicking or focusing it makes it the active thread.
 */
export const ThreadCard = memo(function ThreadCard({ thread, active, canComment, selfId, isOwner, people, actions, now }: Props) {
  const [replying, setReplying] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const first = thread.comments[0];
  // Only the active thread (or one being answered) shows everything: the others stay short, so the
  // margin keeps up with its text and a document with hundreds of threads stays light.
  const expanded = active || replying;
  const label = `Comment thread${first ? ` by ${first.author.name}` : ''} on “${short(thread.quote)}”${thread.resolved ? ', resolved' : ''}${thread.detached ? ', detached' : ''}`;
  return (
    <article
      id={`thread-${thread.id}`}
      className={`${styles.thread} ${active ? styles.threadActive : ''} ${thread.resolved ? styles.threadResolved : ''}`}
      aria-label={label}
      data-thread-id={thread.id}
      data-active={active ? '' : undefined}
      tabIndex={0}
      data-expanded={expanded ? '' : undefined}
      onClick={() => actions.activate(thread.id)}
      onFocus={(event) => {
        if (event.target === event.currentTarget || !active) actions.activate(thread.id);
      }}
    >
      {thread.detached ? (
        <p className={styles.detached}>
          <span className={styles.detachedLabel}>Detached</span> the text was removed: <q>{short(thread.quote)}</q>
        </p>
      ) : (
        <p className={styles.quote}>
          <q>{short(thread.quote)}</q>
        </p>
      )}
      {thread.resolved ? <p className={styles.resolvedLabel}>Resolved</p> : null}
      {expanded ? null : <ThreadSummary thread={thread} now={now} />}
      {expanded ? (
      <ol className={styles.comments}>
        {thread.comments.map((comment) => (
          <CommentItem
            key={comment.id}
            thread={thread}
            comment={comment}
            canEdit={canComment && comment.author.id === selfId}
            canDelete={canComment && (comment.author.id === selfId || isOwner)}
            people={people}
            actions={actions}
            now={now}
          />
        ))}
      </ol>
      ) : null}
      {expanded && canComment ? (
        <div className={styles.threadFooter}>
          {replying ? (
            <CommentComposer
              label={`Reply to the thread on “${short(thread.quote)}”`}
              submitLabel="Reply"
              people={people}
              autoFocus
              onSubmit={async (body) => {
                await actions.reply(thread.id, body);
                setReplying(false);
              }}
              onCancel={() => setReplying(false)}
            />
          ) : (
            <div className={styles.threadButtons}>
              <button type="button" className="button button--quiet" onClick={() => setReplying(true)}>
                Reply
              </button>
              <button
                type="button"
                className="button button--quiet"
                onClick={async () => {
                  setFailure(null);
                  try {
                    await actions.resolve(thread.id, !thread.resolved);
                  } catch (error) {
                    setFailure(`Not changed: ${error instanceof Error ? error.message : 'try again'}`);
                  }
                }}
              >
                {thread.resolved ? 'Reopen' : 'Resolve'}
              </button>
            </div>
          )}
          {failure ? (
            <p className={styles.composerError} role="alert">
              {failure}
            </p>
          ) : null}
        </div>
      ) : null}
    </article>
  );
});
