'use client';

import type { ThreadView } from '@quire/api-contract';
import { useEffect, useRef, useState } from 'react';

/**
 * What a screen reader should hear when others comment: a new thread, a reply, a resolve. The first
 * reading of the list says nothing (it is what the page opened with), and the person's own actions
 * are not repeated back to them.
 */
export function useThreadAnnouncements(threads: readonly ThreadView[] | undefined, selfId: string): string {
  const [message, setMessage] = useState('');
  const known = useRef<Map<string, { comments: Set<string>; resolved: boolean }> | null>(null);
  useEffect(() => {
    if (!threads) return;
    const previous = known.current;
    const next = new Map(threads.map((thread) => [thread.id, { comments: new Set(thread.comments.map((comment) => comment.id)), resolved: thread.resolved }]));
    known.current = next;
    if (!previous) return;
    const said: string[] = [];
    for (const thread of threads) {
      const before = previous.get(thread.id);
      const first = thread.comments[0];
      if (!before) {
        if (first && first.author.id !== selfId) said.push(`New comment from ${first.author.name} on “${thread.quote.slice(0, 60)}”.`);
        continue;
      }
      for (const comment of thread.comments) {
        if (!before.comments.has(comment.id) && comment.author.id !== selfId) said.push(`${comment.author.name} replied on “${thread.quote.slice(0, 60)}”.`);
      }
      if (before.resolved !== thread.resolved) said.push(`A thread on “${thread.quote.slice(0, 60)}” was ${thread.resolved ? 'resolved' : 'reopened'}.`);
    }
    if (said.length > 0) setMessage(said.slice(0, 3).join(' '));
  }, [threads, selfId]);
  return message;
}
