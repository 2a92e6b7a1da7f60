'use client';

import { readParticipants } from '@quire/editor';
import { useEffect, useRef } from 'react';
import type { Awareness } from 'y-protocols/awareness';

interface Member {
  id: string;
  name: string;
}

/**
 * Reads the document's member list again when presence shows a member under a name the list does
 * not have (they renamed themselves; their connection's ticket carries the new name) or shows a
 * member the list lacks (just added): mentions then show current names, and `@` offers the newcomer,
 * without a reload. Presence only prompts the reading: the names shown come from the server's list,
 * since anyone's awareness is what their browser says. Each name prompts once, so a list that still
 * disagrees (an old tab with an older ticket) is not read again and again.
 */
export function useMembersFollowPresence(awareness: Awareness | null, members: readonly Member[] | undefined, refresh: (() => void) | undefined): void {
  const asked = useRef(new Set<string>());

  useEffect(() => {
    if (!awareness || !members || !refresh) return;
    const listed = new Map(members.map((member) => [member.id, member.name]));
    const check = () => {
      for (const person of readParticipants(awareness)) {
        if (person.isGuest || person.isSelf || listed.get(person.id) === person.name) continue;
        const key = `${person.id}\n${person.name}`;
        if (asked.current.has(key)) continue;
        asked.current.add(key);
        refresh();
        return;
      }
    };
    check();
    awareness.on('change', check);
    return () => awareness.off('change', check);
  }, [awareness, members, refresh]);
}
