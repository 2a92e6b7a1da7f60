'use client';

import { useCallback, useEffect, useRef, useState } from 'react';

/**
 * Open and closed state for a button's popup: a press outside both closes it, and closing can hand
 * focus back to the button (Escape) or leave it where it went (a click elsewhere, Tab).
 */
export function usePopup() {
  const [open, setOpen] = useState(false);
  const trigger = useRef<HTMLButtonElement | null>(null);
  const popup = useRef<HTMLDivElement | null>(null);

  const close = useCallback((returnFocus: boolean) => {
    setOpen(false);
    if (returnFocus) trigger.current?.focus();
  }, []);

  useEffect(() => {
    if (!open) return;
    const onPointerDown = (event: PointerEvent) => {
      const target = event.target as Node | null;
      if (target && (trigger.current?.contains(target) || popup.current?.contains(target))) return;
      setOpen(false);
    };
    document.addEventListener('pointerdown', onPointerDown, true);
    return () => document.removeEventListener('pointerdown', onPointerDown, true);
  }, [open]);

  return { open, setOpen, close, trigger, popup };
}

/** The trigger's rectangle, for `Floating`'s anchor. */
export const rectOf = (element: HTMLElement | null) => () => element?.getBoundingClientRect() ?? null;
