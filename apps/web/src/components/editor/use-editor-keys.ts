'use client';

import type { EditorView } from 'prosemirror-view';
import { useEffect, useMemo, useRef } from 'react';

/** Where typing goes: a `?` typed there is text, not a request for the shortcuts. */
function isTextEntry(target: EventTarget | null): boolean {
  const element = target as HTMLElement | null;
  if (!element?.closest) return false;
  return element.isContentEditable || element.closest('input, textarea, select, [contenteditable="true"]') !== null;
}

const isMod = (event: KeyboardEvent) => (event.metaKey || event.ctrlKey) && !(event.metaKey && event.ctrlKey);

/**
 * The contextual bar for the selection (table, image, code language) when one is shown: Alt+F10
 * moves there, as in other editors' contextual toolbars.
 */
function focusContextualControls(): boolean {
  const target = document.querySelector<HTMLElement>('[data-table-controls] [tabindex="0"], [data-image-controls] [tabindex="0"], [data-code-language]');
  target?.focus();
  return target !== null;
}

interface Options {
  /** Mod-F in the text: the find bar. */
  onFind: () => void;
  /** `?` outside text, or Mod-/ anywhere: the shortcuts. */
  onShortcuts: () => void;
}

/**
 * The page's own keys: Mod-F opens find in the editor (the browser's find elsewhere), Alt+F10 goes
 * to the contextual controls, `?` and Mod-/ list the shortcuts. Returns the view's `handleKeyDown`.
 */
export function useEditorKeys({ onFind, onShortcuts }: Options) {
  const latest = useRef({ onFind, onShortcuts });
  useEffect(() => {
    latest.current = { onFind, onShortcuts };
  }, [onFind, onShortcuts]);

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented) return;
      const slash = isMod(event) && event.key === '/';
      const question = event.key === '?' && !event.ctrlKey && !event.metaKey && !event.altKey && !isTextEntry(event.target);
      if (!slash && !question) return;
      event.preventDefault();
      latest.current.onShortcuts();
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, []);

  return useMemo(
    () => (_view: EditorView, event: KeyboardEvent) => {
      if (isMod(event) && !event.altKey && !event.shiftKey && event.key.toLowerCase() === 'f') {
        latest.current.onFind();
        return true;
      }
      if (event.altKey && event.key === 'F10') return focusContextualControls();
      return false;
    },
    [],
  );
}
