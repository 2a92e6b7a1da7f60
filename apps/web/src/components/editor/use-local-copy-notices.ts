'use client';

import { mergeSummaryText, type CollabSession, type LocalCopyState } from '@quire/editor';
import { useEffect, useRef } from 'react';

/**
 * Tells the person, once each, what became of this document's copy on this device: offline
 * copies off (IndexedDB unavailable or full; the page works online), an unreadable copy set
 * aside, and after a long offline session what the sync merged.
 */
export function useLocalCopyNotices(session: CollabSession | null, localCopy: LocalCopyState, notify: (message: string) => void): void {
  const told = useRef<string | null>(null);
  useEffect(() => {
    const key = localCopy.kind === 'off' || localCopy.kind === 'set-aside' ? localCopy.kind : null;
    if (key === null || told.current === key) return;
    told.current = key;
    if (localCopy.kind === 'off') {
      // Guests never had them: nothing to say.
      if (localCopy.reason.startsWith('Guests')) return;
      notify(`Offline copies are off: ${localCopy.reason} Quire works as usual while you are online.`);
    } else if (localCopy.kind === 'set-aside') {
      notify('The copy of this document on this device could not be read. It was set aside, not merged; the document opened from the server.');
    }
  }, [localCopy, notify]);

  useEffect(() => {
    if (!session) return;
    return session.subscribeMerged((summary) => {
      const text = mergeSummaryText(summary);
      if (text) notify(`Back online: ${text}.`);
    });
  }, [session, notify]);
}
