'use client';

import type { CollabSession, ConnectionState, LocalCopyState } from '@quire/editor';
import { useEffect, useState } from 'react';

/** A server this slow to send the document no longer keeps the editor waiting: it opens on what it has. */
export const CONTENT_WAIT_MS = 3000;

/**
 * Whether the session's document is here to show, so the editor may bind to it
 * (useEditorView's `contentReady`): the server's copy has arrived, or this device's copy holds the
 * document while no server answers yet, or nothing is coming soon (offline, unreachable, refused,
 * or CONTENT_WAIT_MS passed).
 * Once true it stays true for that session: the editor binds once.
 */
export function useContentReady(session: CollabSession | null, connection: ConnectionState, localCopy: LocalCopyState): boolean {
  const [readyFor, setReadyFor] = useState<CollabSession | null>(null);
  const status = connection.status;
  const arrived =
    session !== null &&
    ((status.kind === 'connected' && status.synced) ||
      status.kind === 'offline' ||
      status.kind === 'reconnecting' ||
      status.kind === 'closed' ||
      connection.failedAttempts > 0 ||
      // This device's copy, while no server is answering yet: once one is, its sync may be under
      // way in parts (libs/editor's sync-in-parts.ts), and the document holds only some of them.
      (status.kind === 'connecting' && localCopy.kind === 'kept' && session.fragment.length > 0));

  useEffect(() => {
    if (!session) return;
    if (arrived) {
      setReadyFor(session);
      return;
    }
    const timer = setTimeout(() => setReadyFor(session), CONTENT_WAIT_MS);
    return () => clearTimeout(timer);
  }, [session, arrived]);

  return session !== null && (arrived || readyFor === session);
}
