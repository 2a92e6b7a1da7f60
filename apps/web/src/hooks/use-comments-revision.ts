'use client';

import { COMMENTS_MAP } from '@quire/constants';
import type { CollabSession } from '@quire/editor';
import { useQueryClient, type QueryKey } from '@tanstack/react-query';
import { useEffect } from 'react';

/**
 * Reads the threads again whenever the server says they changed: it bumps `revision` in the
 * document's `comments` map (COMMENTS_MAP) after every thread change, and that reaches every open page with the
 * document's own updates, on every instance. A change made while disconnected arrives with the
 * sync on reconnection, so nothing is missed.
 */
export function useCommentsRevision(session: CollabSession | null, threadsKey: QueryKey) {
  const queryClient = useQueryClient();
  // The key is a fresh array on every render: its contents are what matter.
  const key = JSON.stringify(threadsKey);
  useEffect(() => {
    if (!session) return;
    const comments = session.doc.getMap(COMMENTS_MAP);
    const queryKey = JSON.parse(key) as QueryKey;
    const onChange = () => void queryClient.invalidateQueries({ queryKey });
    comments.observe(onChange);
    return () => comments.unobserve(onChange);
  }, [session, queryClient, key]);
}
