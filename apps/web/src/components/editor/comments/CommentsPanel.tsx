'use client';

import type { ThreadView } from '@quire/api-contract';
import type { EditorView } from 'prosemirror-view';
import { Fragment, useEffect, useId, useRef, useState } from 'react';
import { useEditorSelector } from '../../../hooks/use-editor-selector';
import { useNow } from '../../../hooks/use-now';
import type { EditorStateStore } from '../../../lib/editor-state-store';
import { whenIdle } from '../../../lib/idle';
import { CommentComposer } from './CommentComposer';
import type { MentionablePerson } from './comment-text';
import styles from './comments.module.css';
import { ThreadCard, type ThreadActions } from './ThreadCard';
import { anchoredOrder, anchorsOf, orderThreads, sameOrder } from './thread-order';
import { useMarginLayout } from './use-margin-layout';
import { useThreadAnnouncements } from './use-thread-announcements';

/** A thread being started: its quote and where the selection was (for the margin). */
export interface PendingThread {
  quote: string;
  from: number;
}

interface Props {
  /** The panel's id (the narrow screens' toggle controls it). */
  id: string;
  view: EditorView | null;
  store: EditorStateStore;
  threads: readonly ThreadView[] | undefined;
  /** Why the threads could not be read, in plain words. */
  loadError: string | null;
  activeThreadId: string | null;
  pending: PendingThread | null;
  /** Below ~900 px: a sheet over the page instead of a margin. */
  narrow: boolean;
  /** The sheet is shown (narrow screens only; the margin always is). */
  open: boolean;
  onClose: () => void;
  showResolved: boolean;
  onShowResolved: (show: boolean) => void;
  canComment: boolean;
  selfId: string;
  isOwner: boolean;
  people: readonly MentionablePerson[];
  actions: ThreadActions;
  onCreate: (body: string) => Promise<void>;
  onCancelPending: () => void;
}

const EMPTY: string[] = [];
/** Cards rendered in one go: hundreds at once kept the page from answering for over 50 ms. */
const CARD_BATCH = 60;
const short = (quote: string) => (quote.length > 60 ? `${quote.slice(0, 59)}…` : quote);

/**
 * The comments beside the document: on wide screens a margin where each thread stands next to its
 * text (placed by `useMarginLayout`, which writes the cards' style once a frame, so typing re-renders
 * nothing here), on narrow ones a sheet listing them in document order. New threads and replies from
 * others are announced to screen readers.
 */
export function CommentsPanel(props: Props) {
  const { id, view, store, threads, loadError, activeThreadId, pending, narrow, open, onClose, showResolved, onShowResolved, canComment, selfId, isOwner, people, actions, onCreate, onCancelPending } = props;
  const order = useEditorSelector(store, (state) => anchoredOrder(state.doc), EMPTY, sameOrder);
  const shown = threads ? orderThreads(threads, order, showResolved) : [];
  const resolvedCount = threads?.filter((thread) => thread.resolved).length ?? 0;
  const announcement = useThreadAnnouncements(threads, selfId);
  const now = useNow();
  const list = useRef<HTMLDivElement>(null);
  const headingId = useId();

  // Placing the cards beside their text: incremental, once a frame, without re-rendering.
  const size = store.state?.doc.content.size ?? 0;
  useMarginLayout({ list, view, store, narrow, activeThreadId, pendingFrom: pending ? Math.min(pending.from, size) : null });

  // The new thread's composer stands among the threads in document order.
  const anchorsNow = store.state ? anchorsOf(store.state.doc) : null;
  const pendingIndex = pending ? shown.findIndex((thread) => (anchorsNow?.get(thread.id)?.from ?? Number.POSITIVE_INFINITY) > pending.from) : -1;
  const newThread =
    pending && canComment ? (
      <div className={`${styles.item} ${styles.thread} ${styles.threadActive}`} data-margin-item="new" data-new-thread="">
        <p className={styles.quote}>
          <q>{short(pending.quote)}</q>
        </p>
        <CommentComposer label={`Comment on “${short(pending.quote)}”`} submitLabel="Comment" people={people} autoFocus onSubmit={onCreate} onCancel={onCancelPending} />
      </div>
    ) : null;
  // The cards come in batches, one per idle moment, in document order (the active thread's and the
  // new one's place at once); once all are there, threads arriving later show at once.
  const [rendered, setRendered] = useState(CARD_BATCH);
  const activeIndex = activeThreadId ? shown.findIndex((thread) => thread.id === activeThreadId) : -1;
  const renderedCount = Math.max(rendered, activeIndex + 1, pendingIndex + 1);
  const total = shown.length;
  const more = renderedCount < total;
  useEffect(() => {
    if (!more) return;
    return whenIdle(() => setRendered((count) => (count + CARD_BATCH >= total ? Number.POSITIVE_INFINITY : count + CARD_BATCH)), 200);
  }, [more, renderedCount, total]);
  const hidden = narrow && !open;
  const count = threads ? threads.length - resolvedCount : 0;
  return (
    <aside id={id} className={`${styles.panel} ${narrow ? styles.sheet : styles.margin}`} aria-labelledby={headingId} hidden={hidden} data-comments-panel={narrow ? 'sheet' : 'margin'}>
      <div className={styles.panelHeader}>
        <h2 id={headingId} className={styles.panelTitle}>
          Comments{threads ? <span className={styles.count}> {count}</span> : null}
        </h2>
        {resolvedCount > 0 || showResolved ? (
          <label className={styles.filter}>
            <input type="checkbox" checked={showResolved} onChange={(event) => onShowResolved(event.target.checked)} />
            Show resolved ({resolvedCount})
          </label>
        ) : null}
        {narrow ? (
          <button type="button" className="button button--quiet" onClick={onClose}>
            Close
          </button>
        ) : null}
      </div>
      <div className="visually-hidden" role="status" aria-live="polite" data-comments-announcer="">
        {announcement}
      </div>
      {loadError ? (
        <p className={styles.composerError} role="alert">
          {loadError}
        </p>
      ) : null}
      {threads && shown.length === 0 && !pending ? (
        <p className={styles.empty}>{canComment ? 'No comments yet. Select text and choose Comment.' : 'No comments yet.'}</p>
      ) : null}
      <div ref={list} className={styles.list}>
        {shown.slice(0, renderedCount).map((thread, index) => (
          <Fragment key={thread.id}>
            {index === pendingIndex ? newThread : null}
            <div className={styles.item} data-margin-item={thread.id}>
            <ThreadCard
              thread={thread}
              active={thread.id === activeThreadId}
              canComment={canComment}
              selfId={selfId}
              isOwner={isOwner}
              people={people}
              actions={actions}
              now={now}
            />
            </div>
          </Fragment>
        ))}
        {pendingIndex === -1 ? newThread : null}
      </div>
    </aside>
  );
}
