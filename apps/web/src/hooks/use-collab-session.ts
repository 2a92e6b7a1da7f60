'use client';

import { CollabSession, initialConnectionState, type ConnectionState } from '@quire/editor';
import { useEffect, useRef, useState } from 'react';

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
  // Read when connecting; later changes are published by the effect below, without reconnecting.
  const nameRef = useRef(userName);

  useEffect(() => {
    nameRef.current = userName;
  }, [userName]);

  useEffect(() => {
    if (!serverUrl || !userId) return;
    const opened = new CollabSession({ serverUrl, documentId, user: { id: userId, name: nameRef.current }, network: window });
    setSession(opened);
    setConnection(opened.connection);
    const unsubscribe = opened.subscribe(setConnection);
    return () => {
      unsubscribe();
      opened.destroy();
      setSession(null);
    };
  }, [serverUrl, documentId, userId]);

  useEffect(() => {
    if (session && userId) session.setUser({ id: userId, name: userName });
  }, [session, userId, userName]);

  return { session, connection };
}
