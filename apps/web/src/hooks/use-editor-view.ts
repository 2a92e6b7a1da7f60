'use client';

import { createCollaborativeEditorState, type CollabSession, type EditorHost } from '@quire/editor';
import type { EditorState } from 'prosemirror-state';
import { EditorView } from 'prosemirror-view';
import { useEffect, useRef, useState } from 'react';

interface Options {
  session: CollabSession | null;
  /** The element ProseMirror turns into the editable document. */
  mount: HTMLElement | null;
  host: EditorHost;
  editable: boolean;
  /** Attributes of the editable element (accessible name, description). */
  attributes: Record<string, string>;
}

/** A ProseMirror view bound to the session's document; re-renders the caller on every change. */
export function useEditorView({ session, mount, host, editable, attributes }: Options) {
  const [view, setView] = useState<EditorView | null>(null);
  const [state, setState] = useState<EditorState | null>(null);
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
          const next = this.state.apply(tr);
          this.updateState(next);
          setState(next);
        },
      },
    );
    setView(created);
    setState(created.state);
    return () => {
      created.destroy();
      setView(null);
      setState(null);
    };
  }, [session, mount]);

  useEffect(() => {
    editableRef.current = editable;
    attributesRef.current = attributes;
    // setProps re-reads `editable` and `attributes`.
    view?.setProps({});
  }, [view, editable, attributes]);

  return { view, state };
}
