'use client';

import type { CollabSession } from '@quire/editor';
import { useEffect } from 'react';
import { useDerivedTitle } from '../../hooks/use-derived-title';
import { DocumentTitle } from './DocumentTitle';

const UNTITLED = 'Untitled document';

interface Props {
  session: CollabSession | null;
  /** The server's title; '' when it has none (the first line of the text is shown instead). */
  serverTitle: string;
  /** Offered to people who may rename the document now. */
  onRename?: (title: string) => Promise<void>;
}

/**
 * The document's title, in the header and the tab: the server's, else the text's first line (from
 * the session's Y.Doc, as the server derives the title it stores). Re-renders when the title shown
 * changes, not on every edit.
 */
export function EditorTitle({ session, serverTitle, onRename }: Props) {
  const named = serverTitle.trim();
  // The text is followed only while the server has no title: typing then renames the tab too.
  const derivedTitle = useDerivedTitle(named ? null : (session?.doc ?? null));
  const title = named || derivedTitle || UNTITLED;

  useEffect(() => {
    document.title = `${title} — Quire`;
  }, [title]);

  return <DocumentTitle title={title} untitled={title === UNTITLED} {...(onRename ? { onRename } : {})} />;
}
