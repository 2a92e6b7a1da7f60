'use client';

import { onTitleAnnounced, type CollabSession } from '@quire/editor';
import { useEffect, useRef } from 'react';
import { useWhenVisible } from './use-when-visible';

/**
 * Keeps the title the same for everyone with the document open: the server announces every rename
 * in awareness (whoever made it, from the editor, the documents list or a script), and this reads
 * the title again when it hears one, or when the tab comes back into view.
 */
export function useLiveTitle(session: CollabSession | null, refreshTitle: () => void): void {
  // The subscription lasts as long as the session; it reaches the current callback here.
  const refreshRef = useRef(refreshTitle);
  useEffect(() => {
    refreshRef.current = refreshTitle;
  }, [refreshTitle]);

  useEffect(() => {
    if (!session) return;
    return onTitleAnnounced(session.awareness, () => refreshRef.current());
  }, [session]);

  useWhenVisible(refreshTitle);
}
