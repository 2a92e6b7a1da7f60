'use client';

import { countCharacters, countWords } from '@quire/editor';
import type { Node } from 'prosemirror-model';
import { useEffect, useRef } from 'react';
import type { EditorStateStore } from '../../lib/editor-state-store';
import styles from './document-counts.module.css';

/** Counting waits for a pause in typing: it reads the whole document. */
const SETTLE_MS = 400;

const plural = (count: number, one: string, many: string) => `${count.toLocaleString()} ${count === 1 ? one : many}`;

/**
 * The document's words and characters, counted again a moment after its content changes (never
 * for a cursor move, never on every keystroke: reading the whole document each time would slow
 * typing down in long documents). The numbers are written into the page directly, so counting
 * re-renders nothing.
 */
export function DocumentCounts({ store }: { store: EditorStateStore }) {
  const words = useRef<HTMLSpanElement>(null);
  const characters = useRef<HTMLSpanElement>(null);
  const holder = useRef<HTMLParagraphElement>(null);

  useEffect(() => {
    let doc: Node | null = null;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const write = (counted: Node) => {
      if (words.current) words.current.textContent = plural(countWords(counted), 'word', 'words');
      if (characters.current) characters.current.textContent = plural(countCharacters(counted), 'character', 'characters');
      if (holder.current) holder.current.hidden = false;
    };
    const read = () => {
      const next = store.state?.doc ?? null;
      if (next === doc) return;
      const first = doc === null;
      doc = next;
      clearTimeout(timer);
      if (!next) return;
      if (first) write(next);
      else timer = setTimeout(() => write(next), SETTLE_MS);
    };
    read();
    const stop = store.subscribe(read);
    return () => {
      stop();
      clearTimeout(timer);
    };
  }, [store]);

  return (
    <p ref={holder} className={styles.counts} data-counts="" hidden>
      <span ref={words} data-count="words" />
      <span aria-hidden="true">·</span>
      <span ref={characters} data-count="characters" />
    </p>
  );
}
