'use client';

import { CollabSession, initialConnectionState, type ConnectionState, type TicketProvider } from '@quire/editor';
import { useEffect, useRef, useState } from 'react';
import { useApi } from '../lib/api/api-context';

interface Options {
  documentId: string;
  /** Asked for a fresh ticket before every connection; the latest function is always used. */
  ticket: TicketProvider;
}

/** The open document and its connection, from the first render in the browser until the page leaves. */
export function useCollabSession({ documentId, ticket }: Options) {
  const api = useApi();
  const [session, setSession] = useState<CollabSession | null>(null);
  const [connection, setConnection] = useState<ConnectionState>(() => initialConnectionState());
  // The session outlives renders; it reaches the current provider (with the current guest name) here.
  const ticketRef = useRef(ticket);

  useEffect(() => {
    ticketRef.current = ticket;
  }, [ticket]);

  useEffect(() => {
    const opened = new CollabSession({ serverUrl: api.serverUrl, documentId, ticket: (signal) => ticketRef.current(signal), network: window });
    setSession(opened);
    setConnection(opened.connection);
    const unsubscribe = opened.subscribe(setConnection);
    return () => {
      unsubscribe();
      opened.destroy();
      setSession(null);
    };
  }, [api, documentId]);

  // Local copies (IndexedDB) are not kept yet: offline changes live in this tab only.
  return { session, connection, localCopies: false };
}
