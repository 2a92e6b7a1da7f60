'use client';

import { useCallback, useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import type { RovingProps } from './ToolbarMenuButton';

interface Options {
  /** What opens: a menu (the palettes, styles) or a dialog (the table size picker). */
  popup: 'menu' | 'dialog';
  enabled: boolean;
  roving: RovingProps;
}

/**
 * A toolbar button's popup (its menu or picker), the same for every such button: the button opens
 * it with a click, ArrowDown, Enter or Space, and takes part in the toolbar's roving focus; a
 * press outside both closes it; Escape closes it and gives focus back to the button, Tab closes it
 * and lets focus go on; a choice closes it, focus going back to the button when it was made by
 * keyboard (a click returns to the text instead, as the command's caller decides).
 */
export function useMenuPopover({ popup, enabled, roving }: Options) {
  const [open, setOpen] = useState(false);
  const trigger = useRef<HTMLButtonElement | null>(null);
  const panel = useRef<HTMLDivElement | null>(null);
  const popupId = useId();

  const close = useCallback((returnFocus: boolean) => {
    setOpen(false);
    if (returnFocus) trigger.current?.focus();
  }, []);

  useEffect(() => {
    if (!open) return;
    const onPointerDown = (event: PointerEvent) => {
      const target = event.target as Node | null;
      if (target && (trigger.current?.contains(target) || panel.current?.contains(target))) return;
      setOpen(false);
    };
    document.addEventListener('pointerdown', onPointerDown, true);
    return () => document.removeEventListener('pointerdown', onPointerDown, true);
  }, [open]);

  /** Closes on Escape (focus back to the button) and Tab; true when the key was one of those. */
  const onPopupKey = useCallback(
    (event: KeyboardEvent<HTMLElement>): boolean => {
      if (event.key === 'Escape') {
        event.preventDefault();
        close(true);
        return true;
      }
      if (event.key === 'Tab') {
        close(false);
        return true;
      }
      return false;
    },
    [close],
  );

  /** A choice: the popup closes first (by keyboard, focus goes back to the button), then `run`. */
  const choose = useCallback(
    (keyboard: boolean, run: () => void) => {
      close(keyboard);
      run();
    },
    [close],
  );

  const triggerProps = {
    ref: (element: HTMLButtonElement | null) => {
      trigger.current = element;
      roving.register(element);
    },
    type: 'button' as const,
    tabIndex: roving.tabIndex,
    onFocus: roving.onFocus,
    'aria-haspopup': popup,
    'aria-expanded': open,
    'aria-controls': open ? popupId : undefined,
    'aria-disabled': !enabled,
    // The editor keeps focus and its selection when the button is pressed with a pointer.
    onMouseDown: (event: { preventDefault: () => void }) => event.preventDefault(),
    onClick: () => {
      if (enabled) setOpen(!open);
    },
    onKeyDown: (event: KeyboardEvent<HTMLButtonElement>) => {
      if (event.key === 'ArrowDown' && enabled) {
        event.preventDefault();
        setOpen(true);
      }
    },
  };

  /** Where the popup is drawn: below the button (for `Floating`'s anchor). */
  const anchor = useCallback(() => trigger.current?.getBoundingClientRect() ?? null, []);

  return { open, popupId, panel, anchor, triggerProps, onPopupKey, choose, close };
}

export type MenuPopover = ReturnType<typeof useMenuPopover>;
