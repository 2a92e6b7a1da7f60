'use client';

import { announceTitleChange, onTitleAnnounced, type CollabSession } from '@quire/editor';
import { useCallback, useEffect, useRef } from 'react';
import { useWhenVisible } from './use-when-visible';

interface Options {
  /** Renames on the server; absent for people who may not. */
  onRename: ((title: string) => Promise<void>) | undefined;
  /** Reads the title again from the API, keeping the one shown if that fails. */
  refreshTitle: () => void;
}

/**
 * Keeps the title the same for everyone with the document open. A rename made here is announced in
 * awareness once the server confirmed it; another participant's announcement, or this tab becoming
 * visible again (renamed from the documents list or a script meanwhile), reads the title again.
 * Returns the rename to offer, which announces.
 */
export function useLiveTitle(session: CollabSession | null, { onRename, refreshTitle }: Options): ((title: string) => Promise<void>) | undefined {
  // Subscriptions last as long as the session; they reach the current callback here.
  const refreshRef = useRef(refreshTitle);
  useEffect(() => {
    refreshRef.current = refreshTitle;
  }, [refreshTitle]);

  useEffect(() => {
    if (!session) return;
    return onTitleAnnounced(session.awareness, () => refreshRef.current());
  }, [session]);

  useWhenVisible(refreshTitle);

  const renameAndAnnounce = useCallback(
    async (title: string) => {
      await onRename?.(title);
      if (session) announceTitleChange(session.awareness);
    },
    [onRename, session],
  );
  return onRename ? renameAndAnnounce : undefined;
}
