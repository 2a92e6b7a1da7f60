'use client';

import type { CollabSession } from '@quire/editor';
import { useEffect, useRef } from 'react';

/**
 * Renews `session`'s connection (a new ticket or token) when `renewKey` changes. Only a change
 * renews: the session's first connection already used the current key.
 */
export function useSessionRenewal(session: CollabSession | null, renewKey: string | undefined): void {
  const renewedKey = useRef(renewKey);
  useEffect(() => {
    if (renewKey === renewedKey.current) return;
    renewedKey.current = renewKey;
    session?.renew();
  }, [renewKey, session]);
}
