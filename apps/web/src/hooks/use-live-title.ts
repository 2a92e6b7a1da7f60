'use client';

import { onTitleAnnounced, type CollabSession } from '@quire/editor';
import { useQueryClient, type QueryKey } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';

/**
 * Keeps the title the same for everyone with the document open: the server announces every rename
 * in awareness (whoever made it, from the editor, the documents list or a script), and the query
 * under `titleKey` is read again when it is heard (and, as every query, when the tab comes back).
 */
export function useLiveTitle(session: CollabSession | null, titleKey: QueryKey): void {
  const queryClient = useQueryClient();
  // The listener lasts as long as the session; it reaches the current key here.
  const latestKey = useRef(titleKey);
  useEffect(() => {
    latestKey.current = titleKey;
  }, [titleKey]);

  useEffect(() => {
    if (!session) return;
    return onTitleAnnounced(session.awareness, () => void queryClient.invalidateQueries({ queryKey: latestKey.current, exact: true }));
  }, [session, queryClient]);
}
