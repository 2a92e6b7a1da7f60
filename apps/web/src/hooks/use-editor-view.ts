'use client';

import { bindSharedDocument, createUnboundEditorState, type CollabSession, type EditorHost } from '@quire/editor';
import type { EditorState } from 'prosemirror-state';
import { EditorView, type EditorProps } from 'prosemirror-view';
import { startTransition, useEffect, useRef, useState } from 'react';
import { EditorStateStore } from '../lib/editor-state-store';

/** Props the page adds to the view: node views, file paste and drop, its own keys. */
export type PageEditorProps = Pick<EditorProps, 'nodeViews' | 'handlePaste' | 'handleDrop' | 'handleKeyDown'>;

interface Options {
  session: CollabSession | null;
  /** The element ProseMirror turns into the editable document. */
  mount: HTMLElement | null;
  host: EditorHost;
  editable: boolean;
  /** Attributes of the editable element (accessible name, description). */
  attributes: Record<string, string>;
  /** Attributes that follow the state (the open menu's `aria-activedescendant`). */
  stateAttributes?: (state: EditorState) => Record<string, string>;
  /** Read when the view is made: they reach the page's current values through refs of their own. */
  props?: PageEditorProps;
  /**
   * May comment but not edit (commenters): the view takes the focus and the keyboard selection,
   * but no change of theirs reaches the content, and it stays `aria-readonly`.
   */
  commentOnly?: boolean;
  /** A click on commented text. */
  onOpenThread?: (threadId: string) => void;
  /**
   * The document's content is here (the server's copy, this device's, or none is coming soon):
   * the view binds to it then, rendering a long document a part at a time (bindSharedDocument),
   * rather than binding empty and rendering all of it in one task when the first sync arrives.
   */
  contentReady: boolean;
}

/**
 * A ProseMirror view bound to the session's document once its content is ready (until then it is
 * not editable and `aria-busy`). Its states go to `store`, not to React state: the caller
 * re-renders when the view is made or destroyed, never on a transaction.
 */
export function useEditorView({ session, mount, host, editable, attributes, stateAttributes, props, commentOnly = false, onOpenThread, contentReady }: Options) {
  const [view, setView] = useState<EditorView | null>(null);
  // Read by the view's props, which re-read it on setProps: no render depends on it.
  const boundRef = useRef(false);
  const [store] = useState(() => new EditorStateStore());
  const hostRef = useRef(host);
  const editableRef = useRef(editable);
  const attributesRef = useRef(attributes);
  const stateAttributesRef = useRef(stateAttributes);
  const propsRef = useRef(props);
  const commentOnlyRef = useRef(commentOnly);
  const openThreadRef = useRef(onOpenThread);

  useEffect(() => {
    hostRef.current = host;
    stateAttributesRef.current = stateAttributes;
    propsRef.current = props;
    openThreadRef.current = onOpenThread;
  }, [host, stateAttributes, props, onOpenThread]);

  useEffect(() => {
    if (!session || !mount) return;
    let created: EditorView | null = null;
    // Made in a task of its own, after the screen's first effects (the session, its socket, the
    // local copy); shown in the next, since the state store's subscribers render synchronously
    // (useSyncExternalStore), and the screen's parts that take the view in a transition: opening
    // stays in tasks under 50 ms (apps/web-e2e README, `comments-performance`).
    let next = setTimeout(() => {
      const editorState = createUnboundEditorState({
        requestLink: () => hostRef.current.requestLink?.(),
        leaveEditor: () => hostRef.current.leaveEditor?.() ?? false,
        requestImage: () => hostRef.current.requestImage?.(),
        requestFile: () => hostRef.current.requestFile?.(),
        mentionCandidates: () => hostRef.current.mentionCandidates?.() ?? [],
        onOpenThread: (threadId) => openThreadRef.current?.(threadId),
        commentOnly: () => commentOnlyRef.current,
      });
      const made = new EditorView(
        { mount },
        {
          ...propsRef.current,
          state: editorState,
          editable: () => editableRef.current && boundRef.current,
          attributes: (state) => ({
            ...attributesRef.current,
            'aria-readonly': String(!editableRef.current || commentOnlyRef.current),
            ...(boundRef.current ? {} : { 'aria-busy': 'true' }),
            ...stateAttributesRef.current?.(state),
          }),
          // `this`, not `made`: plugins (y-prosemirror) may dispatch while the view is
          // constructed. A transaction that arrives after the view is destroyed (a plugin or the
          // Yjs binding firing late) is dropped: updating a destroyed view throws ("reading
          // 'matchesNode'"), as a browser test saw once under load, and the page's editor stops.
          dispatchTransaction(this: EditorView, tr) {
            if (this.isDestroyed) return;
            this.updateState(this.state.apply(tr));
            store.set(this.state);
          },
        },
      );
      created = made;
      next = setTimeout(() => {
        store.set(made.state);
        startTransition(() => setView(made));
      }, 0);
    }, 0);
    return () => {
      clearTimeout(next);
      if (!created) return;
      created.destroy();
      store.set(null);
      boundRef.current = false;
      setView(null);
    };
  }, [session, mount, store]);

  useEffect(() => {
    if (!view || !session || !contentReady || boundRef.current) return;
    const binding = bindSharedDocument(view, { fragment: session.fragment, awareness: session.awareness });
    let current = true;
    let cancelRefresh: (() => void) | undefined;
    void binding.bound.then(() => {
      if (!current || view.isDestroyed) return;
      boundRef.current = true;
      // Re-reads `editable` and `attributes` (no longer busy).
      cancelRefresh = refreshPropsSoon(view);
      store.set(view.state);
    });
    return () => {
      current = false;
      binding.cancel();
      cancelRefresh?.();
    };
  }, [view, session, contentReady, store]);

  useEffect(() => {
    editableRef.current = editable;
    attributesRef.current = attributes;
    commentOnlyRef.current = commentOnly;
    return view ? refreshPropsSoon(view) : undefined;
  }, [view, editable, attributes, commentOnly]);

  return { view, store };
}

/**
 * Has the view re-read its props (`editable`, `attributes`) in a task of its own; returns how to
 * cancel. ProseMirror then walks the whole document and measures it to keep the scroll position:
 * for a 500-thread document, about 30 ms of forced layout, which made the React commit that asked
 * a long task (apps/web-e2e README, `comments-performance`).
 */
function refreshPropsSoon(view: EditorView): () => void {
  const handle = setTimeout(() => {
    if (!view.isDestroyed) view.setProps({});
  }, 0);
  return () => clearTimeout(handle);
}
