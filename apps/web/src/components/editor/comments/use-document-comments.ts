'use client';

import { mayComment, type Role, type ThreadView } from '@quire/api-contract';
import { selectedQuote, selectionAnchor, setActiveThread, type CollabSession } from '@quire/editor';
import { useQuery } from '@tanstack/react-query';
import type { EditorView } from 'prosemirror-view';
import { useCallback, useDeferredValue, useEffect, useMemo, useRef, useState } from 'react';
import { useCommentsRevision } from '../../../hooks/use-comments-revision';
import { useMediaQuery } from '../../../hooks/use-media-query';
import { useApi } from '../../../lib/api/api-context';
import { commentKeys, threadsQuery, useCreateThread, useDeleteComment, useEditComment, useReply, useResolveThread } from '../../../lib/api/comments';
import type { CommentAnchorInput } from '@quire/editor';
import type { PendingThread } from './CommentsPanel';
import type { ThreadActions } from './ThreadCard';

/** Below this width the margin becomes a sheet (CSS says the same in comments.module.css). */
export const NARROW_COMMENTS = '(max-width: 899px)';

interface Options {
  documentId: string;
  /** Off where the page shows no comments. */
  enabled: boolean;
  session: CollabSession | null;
  view: EditorView | null;
  role: Role | null;
  /** The page's notices (a Comment with nothing selected). */
  notify: (message: string) => void;
  /** A guest's file token (from their latest ticket), with which they read the threads. */
  access?: (() => string | null) | undefined;
}

/** The thread a `#thread-<id>` address asks for (the activity list's links), once. */
function threadInAddress(): string | null {
  const match = /^#thread-([A-Za-z0-9_-]+)$/.exec(window.location.hash);
  return match?.[1] ?? null;
}

/**
 * The comments of the open document: its threads (read again whenever the server's revision in
 * the shared document moves), the active thread (decorated in the text), the thread being started,
 * the margin or sheet, and the changes, each of which the server confirms before it shows.
 */
export function useDocumentComments({ documentId, enabled, session, view, role, notify, access }: Options) {
  const api = useApi();
  // A guest's token comes with their first ticket: their threads are read once it is there.
  const ready = !access || role !== null;
  const threads = useQuery({ ...threadsQuery(api, documentId, access), enabled: enabled && ready });
  // The threads the page shows, rendered in a transition (in slices, not in the task their answer
  // came in): a long document has hundreds of cards.
  const shownThreads = useDeferredValue(threads.data);
  useCommentsRevision(enabled ? session : null, commentKeys.threads(documentId));
  const canComment = enabled && role !== null && mayComment(role);
  const narrow = useMediaQuery(NARROW_COMMENTS);
  const [activeThreadId, setActive] = useState<string | null>(null);
  const [pending, setPending] = useState<(PendingThread & { anchor: CommentAnchorInput }) | null>(null);
  const [sheetOpen, setSheetOpen] = useState(false);
  const [showResolved, setShowResolved] = useState(false);
  const createThread = useCreateThread(documentId).mutateAsync;
  const reply = useReply(documentId).mutateAsync;
  const edit = useEditComment(documentId).mutateAsync;
  const remove = useDeleteComment(documentId).mutateAsync;
  const resolve = useResolveThread(documentId).mutateAsync;

  // The decoration follows the active thread.
  useEffect(() => {
    if (view && !view.isDestroyed) view.dispatch(setActiveThread(activeThreadId)(view.state));
  }, [view, activeThreadId]);

  const latest = useRef({ view, canComment, narrow, notify });
  useEffect(() => {
    latest.current = { view, canComment, narrow, notify };
  }, [view, canComment, narrow, notify]);

  const focusThread = useCallback((threadId: string) => {
    requestAnimationFrame(() => {
      const card = document.getElementById(`thread-${threadId}`);
      card?.scrollIntoView({ block: 'nearest' });
      card?.focus({ preventScroll: true });
    });
  }, []);

  /** Comment on the selection: the composer opens beside it (Comment buttons, Ctrl/Cmd+Alt+M). */
  const requestComment = useCallback(() => {
    const { view: current, canComment: allowed, narrow: small, notify: say } = latest.current;
    if (!current || !allowed) return;
    const anchor = selectionAnchor(current.state);
    if (!anchor) {
      say('Select the text you want to comment on first.');
      return;
    }
    setPending({ anchor, quote: selectedQuote(current.state), from: current.state.selection.from });
    setActive(null);
    if (small) setSheetOpen(true);
  }, []);

  /** A click on commented text, or a thread chosen in the list. */
  const openThread = useCallback((threadId: string) => {
    setActive(threadId);
    if (latest.current.narrow) {
      setSheetOpen(true);
      focusThread(threadId);
    } else {
      requestAnimationFrame(() => document.getElementById(`thread-${threadId}`)?.scrollIntoView({ block: 'nearest' }));
    }
  }, [focusThread]);

  // Ctrl/Cmd+Alt+M anywhere on the page (the key's code: Alt changes the character on a Mac).
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (!(event.ctrlKey || event.metaKey) || !event.altKey || event.shiftKey || event.code !== 'KeyM') return;
      event.preventDefault();
      requestComment();
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, [requestComment]);

  // `#thread-<id>`: open that thread and bring its text into view, once the threads are read.
  const addressed = useRef(false);
  useEffect(() => {
    // The shown threads: their cards are on the page, so the addressed one can take the focus.
    if (addressed.current || !shownThreads || !view) return;
    const wanted = threadInAddress();
    addressed.current = true;
    const thread = wanted ? shownThreads.find((candidate) => candidate.id === wanted) : undefined;
    if (!thread) return;
    if (thread.resolved) setShowResolved(true);
    setActive(thread.id);
    if (latest.current.narrow) setSheetOpen(true);
    requestAnimationFrame(() => {
      const text = view.dom.querySelector(`[data-thread-id="${CSS.escape(thread.id)}"]`);
      text?.scrollIntoView({ block: 'center' });
      focusThread(thread.id);
    });
  }, [shownThreads, view, focusThread]);

  const actions = useMemo<ThreadActions>(
    () => ({
      activate: (threadId) => setActive(threadId),
      reply: async (threadId, body) => {
        await reply({ threadId, body });
      },
      edit: async (threadId, commentId, body) => {
        await edit({ threadId, commentId, body });
      },
      remove: async (threadId, commentId) => {
        await remove({ threadId, commentId });
      },
      resolve: async (threadId, resolved) => {
        await resolve({ threadId, resolved });
      },
    }),
    [reply, edit, remove, resolve],
  );

  const create = useCallback(
    async (body: string) => {
      if (!pending) return;
      const thread: ThreadView = await createThread({ body, anchor: pending.anchor });
      setPending(null);
      setActive(thread.id);
    },
    [pending, createThread],
  );
  const cancelPending = useCallback(() => {
    setPending(null);
    latest.current.view?.focus();
  }, []);

  const loadError = threads.error ? `The comments could not be read: ${threads.error.message}` : null;
  return {
    enabled,
    threads: shownThreads,
    loadError,
    canComment,
    narrow,
    activeThreadId,
    pending,
    sheetOpen,
    setSheetOpen,
    showResolved,
    setShowResolved,
    requestComment,
    openThread,
    actions,
    create,
    cancelPending,
  };
}

export type DocumentComments = ReturnType<typeof useDocumentComments>;
