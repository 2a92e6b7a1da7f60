'use client';

import { readParticipants, type Participant } from '@quire/editor';
import { useEffect, useRef } from 'react';
import type { Awareness } from 'y-protocols/awareness';

interface Member {
  id: string;
  name: string;
}

/**
 * The first person present whom the member list names otherwise (or not at all), as a key
 * (`id` and name) not yet in `asked`; null when presence and the list agree. Guests (anyone can
 * type a name) and oneself are left out.
 */
export function presenceDisagreement(present: readonly Participant[], members: readonly Member[], asked: ReadonlySet<string>): string | null {
  const listed = new Map(members.map((member) => [member.id, member.name]));
  for (const person of present) {
    if (person.isGuest || person.isSelf || listed.get(person.id) === person.name) continue;
    const key = `${person.id}\n${person.name}`;
    if (!asked.has(key)) return key;
  }
  return null;
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
    const check = () => {
      const key = presenceDisagreement(readParticipants(awareness), members, asked.current);
      if (key === null) return;
      asked.current.add(key);
      refresh();
    };
    check();
    awareness.on('change', check);
    return () => awareness.off('change', check);
  }, [awareness, members, refresh]);
}
