'use client';

import { createCollaborativeEditorState, type CollabSession, type EditorHost } from '@quire/editor';
import { EditorView } from 'prosemirror-view';
import { useEffect, useRef, useState } from 'react';
import { EditorStateStore } from '../lib/editor-state-store';

interface Options {
  session: CollabSession | null;
  /** The element ProseMirror turns into the editable document. */
  mount: HTMLElement | null;
  host: EditorHost;
  editable: boolean;
  /** Attributes of the editable element (accessible name, description). */
  attributes: Record<string, string>;
}

/**
 * A ProseMirror view bound to the session's document. Its states go to `store`, not to React
 * state: the caller re-renders when the view is made or destroyed, never on a transaction.
 */
export function useEditorView({ session, mount, host, editable, attributes }: Options) {
  const [view, setView] = useState<EditorView | null>(null);
  const [store] = useState(() => new EditorStateStore());
  const hostRef = useRef(host);
  const editableRef = useRef(editable);
  const attributesRef = useRef(attributes);

  useEffect(() => {
    hostRef.current = host;
  }, [host]);

  useEffect(() => {
    if (!session || !mount) return;
    const editorState = createCollaborativeEditorState({
      fragment: session.fragment,
      awareness: session.awareness,
      requestLink: () => hostRef.current.requestLink?.(),
      leaveEditor: () => hostRef.current.leaveEditor?.() ?? false,
    });
    const created: EditorView = new EditorView(
      { mount },
      {
        state: editorState,
        editable: () => editableRef.current,
        attributes: () => ({ ...attributesRef.current, 'aria-readonly': String(!editableRef.current) }),
        // `this`, not `created`: plugins (y-prosemirror) may dispatch while the view is constructed.
        dispatchTransaction(this: EditorView, tr) {
          this.updateState(this.state.apply(tr));
          store.set(this.state);
        },
      },
    );
    store.set(created.state);
    setView(created);
    return () => {
      created.destroy();
      store.set(null);
      setView(null);
    };
  }, [session, mount, store]);

  useEffect(() => {
    editableRef.current = editable;
    attributesRef.current = attributes;
    // setProps re-reads `editable` and `attributes`.
    view?.setProps({});
  }, [view, editable, attributes]);

  return { view, store };
}
