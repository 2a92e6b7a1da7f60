'use client';

import { useCallback, useRef, useState, type KeyboardEvent } from 'react';
import type { RovingProps } from './ToolbarMenuButton';

/**
 * A toolbar's roving focus (the WAI-ARIA toolbar pattern): one control is the Tab stop, and the
 * arrow keys, Home and End move between them in `order`.
 */
export function useRoving(order: readonly string[], initial: string) {
  const [current, setCurrent] = useState(initial);
  const elements = useRef(new Map<string, HTMLButtonElement>());

  const focusCurrent = useCallback(() => elements.current.get(current)?.focus(), [current]);

  function onKeyDown(event: KeyboardEvent<HTMLElement>) {
    const index = Math.max(0, order.indexOf(current));
    const targets: Record<string, number> = {
      ArrowRight: (index + 1) % order.length,
      ArrowLeft: (index - 1 + order.length) % order.length,
      Home: 0,
      End: order.length - 1,
    };
    const target = targets[event.key];
    if (target === undefined) return;
    event.preventDefault();
    const id = order[target] as string;
    setCurrent(id);
    elements.current.get(id)?.focus();
  }

  const roving = (id: string): RovingProps => ({
    tabIndex: id === current ? 0 : -1,
    register: (element) => {
      if (element) elements.current.set(id, element);
      else elements.current.delete(id);
    },
    onFocus: () => setCurrent(id),
  });

  return { current, focusCurrent, onKeyDown, roving, setCurrent };
}
