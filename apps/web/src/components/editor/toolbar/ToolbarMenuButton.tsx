'use client';

import type { ReactNode } from 'react';
import { MenuList } from './MenuList';
import { MenuChevron, MenuPopoverPanel } from './MenuPopoverPanel';
import type { ToolbarEntry, ToolbarMenu } from './toolbar-model';
import type { ToolbarStates } from './toolbar-state';
import styles from './toolbar.module.css';
import { useMenuPopover } from './use-menu-popover';

/** What the toolbar gives each of its controls for its roving focus (one Tab stop). */
export interface RovingProps {
  tabIndex: 0 | -1;
  register: (element: HTMLButtonElement | null) => void;
  onFocus: () => void;
}

interface Props {
  menu: ToolbarMenu;
  states: ToolbarStates | null;
  disabled: boolean;
  isMac: boolean;
  roving: RovingProps;
  /** What the button shows: an icon, or the current choice's name. */
  children: ReactNode;
  /** Wider buttons show text (the text style). */
  wide?: boolean;
  /** The accessible name, when the button shows more than the menu's name (the current style). */
  name?: string;
  onChoose: (entry: ToolbarEntry, keyboard: boolean) => void;
}

/** A toolbar button that opens a menu below it (ArrowDown, Enter or Space open it too). */
export function ToolbarMenuButton({ menu, states, disabled, isMac, roving, children, wide = false, name, onChoose }: Props) {
  const enabled = !disabled && Boolean(states?.[menu.id]?.enabled);
  const popover = useMenuPopover({ popup: 'menu', enabled, roving });

  return (
    <>
      <button
        {...popover.triggerProps}
        className={wide ? `${styles.button} ${styles.wide}` : styles.button}
        aria-label={name ?? menu.label}
        title={menu.label}
        data-action={menu.id}
      >
        {children}
        <MenuChevron />
      </button>
      <MenuPopoverPanel popover={popover}>
        <MenuList
          id={popover.popupId}
          label={menu.label}
          mode={menu.mode}
          entries={menu.entries}
          states={states}
          isMac={isMac}
          {...(menu.grid ? { grid: true } : {})}
          onChoose={(entry, keyboard) => popover.choose(keyboard, () => onChoose(entry, keyboard))}
          onKey={popover.onPopupKey}
        />
      </MenuPopoverPanel>
    </>
  );
}
