'use client';

import type { Version } from '@quire/api-contract';
import { useCallback, useEffect, useRef, useState, type RefObject } from 'react';

/** Ctrl+Alt+Shift+H (Cmd on a Mac): by the key's place, since Alt changes the character on a Mac. */
export function isHistoryShortcut(event: KeyboardEvent): boolean {
  return (event.metaKey || event.ctrlKey) && event.altKey && event.shiftKey && event.code === 'KeyH';
}

/**
 * The history panel's state on the editor page: open or not, which version is shown in place of the
 * document, the shortcut that toggles it, and where focus goes (into the panel when it opens, back
 * to the header's button when it closes). Nothing of it exists for people who may not see history.
 */
export function useVersionHistory(allowed: boolean, header: RefObject<HTMLElement | null>) {
  const [open, setOpen] = useState(false);
  const [selected, setSelected] = useState<Version | null>(null);
  const button = useRef<HTMLButtonElement>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const focusOnOpen = useRef(false);

  const close = useCallback(() => {
    setOpen(false);
    setSelected(null);
    // After React has taken the panel away.
    requestAnimationFrame(() => button.current?.focus());
  }, []);
  const toggle = useCallback(() => {
    setOpen((wasOpen) => {
      if (wasOpen) {
        setSelected(null);
        requestAnimationFrame(() => button.current?.focus());
      } else focusOnOpen.current = true;
      return !wasOpen;
    });
  }, []);

  useEffect(() => {
    if (open && focusOnOpen.current) {
      focusOnOpen.current = false;
      heading.current?.focus();
    }
  }, [open]);

  // Someone who lost the right to see history (made a viewer) loses the panel at once.
  useEffect(() => {
    if (!allowed) {
      setOpen(false);
      setSelected(null);
    }
  }, [allowed]);

  useEffect(() => {
    if (!allowed) return;
    const onKeyDown = (event: KeyboardEvent) => {
      if (!isHistoryShortcut(event)) return;
      event.preventDefault();
      toggle();
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, [allowed, toggle]);

  // The panel sits under the sticky header, whose height changes with the window and the toolbar.
  useEffect(() => {
    const element = header.current;
    const page = element?.parentElement;
    if (!open || !element || !page) return;
    const measure = () => page.style.setProperty('--editor-header-height', `${element.getBoundingClientRect().height}px`);
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    return () => observer.disconnect();
  }, [open, header]);

  // Leaving a version (back to the document, or after a restore) takes away the control that had
  // the focus: it goes to the panel's heading rather than to nowhere.
  const select = useCallback((version: Version | null) => {
    setSelected(version);
    if (version) return;
    requestAnimationFrame(() => {
      const focused = document.activeElement;
      if (!focused || focused === document.body) heading.current?.focus();
    });
  }, []);

  return { open: allowed && open, selected: allowed && open ? selected : null, select, toggle, close, button, heading };
}
