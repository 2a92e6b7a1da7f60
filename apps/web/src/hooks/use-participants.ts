'use client';

import { readParticipants, type CollabSession, type Participant } from '@quire/editor';
import { useEffect, useState } from 'react';

/** Everyone in the document, updated as people come, go or rename themselves. */
export function useParticipants(session: CollabSession | null): Participant[] {
  const [participants, setParticipants] = useState<Participant[]>([]);

  useEffect(() => {
    if (!session) return;
    const update = () => setParticipants(readParticipants(session.awareness));
    update();
    session.awareness.on('change', update);
    return () => session.awareness.off('change', update);
  }, [session]);

  return participants;
}
