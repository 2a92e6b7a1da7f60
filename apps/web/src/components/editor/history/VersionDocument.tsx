'use client';

import type { VersionComparison } from '@quire/api-contract';
import { codeHighlightPlugin } from '@quire/editor';
import { schema } from '@quire/editor-schema';
import { Node } from 'prosemirror-model';
import { EditorState, Plugin } from 'prosemirror-state';
import { EditorView, type NodeViewConstructor } from 'prosemirror-view';
import { useEffect, useRef, useState } from 'react';
import { diffDecorations } from './diff-decorations';
import './version-diff.css';

interface Props {
  comparison: VersionComparison;
  /** The page's node views (images and files from the server, mentions with current names, tasks). */
  nodeViews: Record<string, NodeViewConstructor>;
  /** The accessible name of the document, e.g. "Version of Dec 7, 10:31 AM". */
  label: string;
}

/**
 * A version drawn read-only with the editor's schema, node views and code highlighting, the
 * comparison's changes as decorations. A new view per comparison: nothing here is edited.
 */
export function VersionDocument({ comparison, nodeViews, label }: Props) {
  const [mount, setMount] = useState<HTMLDivElement | null>(null);
  const [failed, setFailed] = useState(false);
  const latest = useRef({ nodeViews, label });
  useEffect(() => {
    latest.current = { nodeViews, label };
  }, [nodeViews, label]);

  useEffect(() => {
    if (!mount) return;
    let doc: Node;
    try {
      doc = Node.fromJSON(schema, comparison.doc);
    } catch {
      setFailed(true);
      return;
    }
    setFailed(false);
    const decorations = diffDecorations(doc, comparison.changes, comparison.authors);
    const changes = new Plugin({ props: { decorations: () => decorations } });
    const view = new EditorView(
      { mount },
      {
        state: EditorState.create({ doc, plugins: [codeHighlightPlugin(), changes] }),
        editable: () => false,
        nodeViews: latest.current.nodeViews,
        attributes: { class: 'quire-doc quire-version', role: 'document', 'aria-label': latest.current.label, tabindex: '0' },
        // A task's checkbox is a real input: in a version it must not seem to tick.
        handleDOMEvents: {
          click: (_view, event) => {
            if ((event.target as HTMLElement | null)?.closest?.('input')) event.preventDefault();
            return false;
          },
        },
      },
    );
    return () => view.destroy();
  }, [mount, comparison]);

  if (failed) return <p role="alert">This version cannot be shown: its content does not fit the editor’s document format.</p>;
  return <div ref={setMount} data-version-document="" />;
}
