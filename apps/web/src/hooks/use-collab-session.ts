'use client';

import { CollabSession, initialConnectionState, LocalCopy, setUpdateWorkerUrl, type ConnectionState, type LocalCopyState, type TicketProvider } from '@quire/editor';
import { startTransition, useEffect, useRef, useState } from 'react';
import { useApi } from '../lib/api/api-context';

interface Options {
  documentId: string;
  /** Asked for a fresh ticket before every connection; the latest function is always used. */
  ticket: TicketProvider;
  /** The signed-in account: the document is kept on this device for it. Guests keep nothing. */
  localCopyUser?: string | undefined;
}

const NO_LOCAL_COPY: LocalCopyState = { kind: 'off', reason: 'Guests keep no copies on this device.' };
/**
 * Where a long document is decoded off the page (libs/editor's update-work): the script
 * scripts/build-update-worker.mjs writes after `next build`. `next dev` has none, and the same work
 * then runs on the page.
 */
const UPDATE_WORKER_URL = process.env.NODE_ENV === 'production' ? '/update-worker.js' : null;

/**
 * The open document and its connection, from the first render in the browser until the page
 * leaves; for an account, its copy on this device too (read before the network answers).
 */
export function useCollabSession({ documentId, ticket, localCopyUser }: Options) {
  const api = useApi();
  const [session, setSession] = useState<CollabSession | null>(null);
  const [connection, setConnection] = useState<ConnectionState>(() => initialConnectionState());
  const [localCopy, setLocalCopy] = useState<LocalCopyState>(localCopyUser ? { kind: 'loading' } : NO_LOCAL_COPY);
  // The session outlives renders; it reaches the current provider (with the current guest name) here.
  const ticketRef = useRef(ticket);

  useEffect(() => {
    ticketRef.current = ticket;
  }, [ticket]);

  useEffect(() => {
    // Started with the session, so it is ready when a long document's first sync arrives.
    setUpdateWorkerUrl(UPDATE_WORKER_URL);
    let close: (() => void) | undefined;
    // In a task of its own: making the session and this device's copy took about 20 ms, which was
    // part of the one task that mounts the editor screen and runs its effects.
    const timer = setTimeout(() => {
      const opened = new CollabSession({ serverUrl: api.serverUrl, documentId, ticket: (signal) => ticketRef.current(signal), network: window });
      const copy = localCopyUser ? new LocalCopy(opened, localCopyUser, documentId) : undefined;
      // A transition: the screen's parts that follow the session render in slices, not in this task.
      startTransition(() => {
        setSession(opened);
        setConnection(opened.connection);
        setLocalCopy(copy?.state ?? NO_LOCAL_COPY);
      });
      const unsubscribe = opened.subscribe(setConnection);
      const unsubscribeCopy = copy?.subscribe(setLocalCopy);
      close = () => {
        unsubscribe();
        unsubscribeCopy?.();
        copy?.close();
        opened.destroy();
      };
    }, 0);
    return () => {
      clearTimeout(timer);
      close?.();
      setSession(null);
    };
  }, [api, documentId, localCopyUser]);

  return { session, connection, localCopy, localCopies: localCopy.kind === 'kept' };
}
