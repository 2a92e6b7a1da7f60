'use client';

import { useEffect, useState } from 'react';

/** The query parameter a search result adds to the document's address: what to find in it. */
export const FIND_PARAM = 'find';

/**
 * The words a search result was opened with (`/d/<id>?find=…`), for the editor to find and
 * highlight once the document has loaded; web-search syntax reduced to what find looks for: the
 * first quoted phrase, else the words that are not excluded. The parameter is removed from the
 * address at once, so a reload or a shared link does not find again.
 */
export function useFindFromAddress(): string | null {
  const [text, setText] = useState<string | null>(null);
  useEffect(() => {
    const url = new URL(window.location.href);
    const raw = url.searchParams.get(FIND_PARAM);
    if (raw === null) return;
    url.searchParams.delete(FIND_PARAM);
    window.history.replaceState(window.history.state, '', url);
    const words = findText(raw);
    if (words) setText(words);
  }, []);
  return text;
}

/** What find looks for, given a search query: a phrase as it is, else the words to match. */
export function findText(query: string): string {
  const phrase = /"([^"]+)"/.exec(query);
  if (phrase && phrase[1].trim()) return phrase[1].trim();
  return query
    .replace(/"/g, ' ')
    .split(/\s+/)
    .filter((word) => word && !word.startsWith('-') && word.toLowerCase() !== 'or')
    .slice(0, 1)
    .join(' ');
}
