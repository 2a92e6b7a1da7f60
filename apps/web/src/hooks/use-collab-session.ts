'use client';

import { CollabSession, initialConnectionState, type ConnectionState } from '@quire/editor';
import { useEffect, useState } from 'react';

interface Options {
  serverUrl: string | null;
  documentId: string;
  userId: string | null;
  userName: string;
}

/**
 * The open document and its connection, from when the server URL and the user id are known until
 * the page leaves. The name can change without reconnecting.
 */
export function useCollabSession({ serverUrl, documentId, userId, userName }: Options) {
  const [session, setSession] = useState<CollabSession | null>(null);
  const [connection, setConnection] = useState<ConnectionState>(() => initialConnectionState());

  useEffect(() => {
    if (!serverUrl || !userId) return;
    const opened = new CollabSession({ serverUrl, documentId, user: { id: userId, name: userName }, network: window });
    setSession(opened);
    setConnection(opened.connection);
    const unsubscribe = opened.subscribe(setConnection);
    return () => {
      unsubscribe();
      opened.destroy();
      setSession(null);
    };
    // The name is published by the effect below; reconnecting for it would be wasteful.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [serverUrl, documentId, userId]);

  useEffect(() => {
    if (session && userId) session.setUser({ id: userId, name: userName });
  }, [session, userId, userName]);

  return { session, connection };
}
