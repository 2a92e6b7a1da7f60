'use client';

import { onTitleAnnounced, type CollabSession } from '@quire/editor';
import { useEffect } from 'react';
import { useWhenVisible } from './use-when-visible';

/**
 * Keeps the title the same for everyone with the document open: the server announces every rename
 * in awareness (whoever made it, from the editor, the documents list or a script), and this reads
 * the title again when it hears one, or when the tab comes back into view. `refreshTitle` must be
 * stable (an `ApiResource`'s `refresh` is): a new one subscribes again, and reads once more.
 */
export function useLiveTitle(session: CollabSession | null, refreshTitle: () => void): void {
  useEffect(() => {
    if (!session) return;
    return onTitleAnnounced(session.awareness, refreshTitle);
  }, [session, refreshTitle]);

  useWhenVisible(refreshTitle);
}
