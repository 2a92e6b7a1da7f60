'use client';

import { readParticipants, sameParticipants, type Participant } from '@quire/editor';
import { useCallback, useRef, useSyncExternalStore } from 'react';
import type { Awareness } from 'y-protocols/awareness';

const nobody: Participant[] = [];

/**
 * Everyone in the document, re-rendering the caller only as people come, go or rename themselves:
 * awareness also changes with every cursor move (each person's `cursor`), which changes nobody
 * in this list.
 */
export function useParticipants(awareness: Awareness): Participant[] {
  // The last reading: an equal one returns this same array, which useSyncExternalStore takes as
  // "no change".
  const last = useRef<Participant[]>(nobody);
  const subscribe = useCallback(
    (onChange: () => void) => {
      awareness.on('change', onChange);
      return () => awareness.off('change', onChange);
    },
    [awareness],
  );
  const read = useCallback(() => {
    const next = readParticipants(awareness);
    if (!sameParticipants(last.current, next)) last.current = next;
    return last.current;
  }, [awareness]);
  return useSyncExternalStore(subscribe, read, () => nobody);
}
