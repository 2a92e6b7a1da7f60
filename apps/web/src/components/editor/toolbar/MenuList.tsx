'use client';

import { ariaKeyShortcut, shortcutLabel } from '@quire/editor';
import { useEffect, useRef, type KeyboardEvent } from 'react';
import type { ToolbarEntry } from './toolbar-model';
import type { ToolbarStates } from './toolbar-state';
import styles from './menu.module.css';
import { Swatch } from './Swatch';

interface Props {
  id: string;
  label: string;
  mode: 'radio' | 'actions';
  entries: readonly ToolbarEntry[];
  states: ToolbarStates | null;
  grid?: boolean;
  isMac: boolean;
  /** An entry was chosen; `keyboard` when with Enter or Space rather than a click. */
  onChoose: (entry: ToolbarEntry, keyboard: boolean) => void;
  /** Keys the popup itself answers (Escape, Tab): true when it took the key. */
  onKey: (event: KeyboardEvent<HTMLDivElement>) => boolean;
}

/**
 * A WAI-ARIA menu: focus moves through its entries with the arrow keys, Home and End, and Enter or
 * Space chooses. Entries that do not apply stay focusable with aria-disabled, so the list keeps
 * its shape.
 */
export function MenuList({ id, label, mode, entries, states, grid = false, isMac, onChoose, onKey }: Props) {
  const items = useRef<(HTMLButtonElement | null)[]>([]);

  useEffect(() => {
    // The current choice, else the first entry, takes focus when the menu opens.
    const current = entries.findIndex((entry) => states?.[entry.id]?.active === true);
    items.current[Math.max(0, current)]?.focus();
    // Only on opening: later state changes must not move focus.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    // Menus render in a portal, but React events still bubble to the toolbar: keep them here.
    event.stopPropagation();
    const index = items.current.findIndex((item) => item === document.activeElement);
    const last = entries.length - 1;
    const moves: Record<string, number> = {
      ArrowDown: index >= last ? 0 : index + 1,
      ArrowRight: index >= last ? 0 : index + 1,
      ArrowUp: index <= 0 ? last : index - 1,
      ArrowLeft: index <= 0 ? last : index - 1,
      Home: 0,
      End: last,
    };
    const to = moves[event.key];
    if (to !== undefined) {
      event.preventDefault();
      items.current[to]?.focus();
      return;
    }
    onKey(event);
  }

  return (
    <div id={id} role="menu" aria-label={label} className={grid ? `${styles.menu} ${styles.grid}` : styles.menu} onKeyDown={onKeyDown}>
      {entries.map((entry, index) => {
        const state = states?.[entry.id];
        const enabled = state?.enabled ?? false;
        const shortcut = entry.shortcut ? shortcutLabel(entry.shortcut, isMac) : null;
        return (
          <button
            key={entry.id}
            ref={(element) => {
              items.current[index] = element;
            }}
            type="button"
            role={mode === 'radio' ? 'menuitemradio' : 'menuitem'}
            aria-checked={mode === 'radio' ? state?.active === true : undefined}
            aria-disabled={!enabled}
            tabIndex={-1}
            className={styles.item}
            data-entry={entry.id}
            title={grid ? entry.label : undefined}
            aria-keyshortcuts={entry.shortcut ? ariaKeyShortcut(entry.shortcut, isMac) : undefined}
            onMouseDown={(event) => event.preventDefault()}
            onClick={(event) => {
              if (enabled) onChoose(entry, event.detail === 0);
            }}
          >
            {entry.swatch ? <Swatch kind={entry.swatch.kind} color={entry.swatch.color} /> : null}
            <span className={grid ? 'visually-hidden' : styles.label}>{entry.label}</span>
            {shortcut && !grid ? (
              <span className={styles.shortcut} aria-hidden="true">
                {shortcut}
              </span>
            ) : null}
          </button>
        );
      })}
    </div>
  );
}
