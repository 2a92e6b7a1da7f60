'use client';

import { useId, type ReactNode } from 'react';
import { Floating } from '../floating/Floating';
import floatingStyles from '../floating/floating.module.css';
import { MenuList } from './MenuList';
import type { ToolbarEntry, ToolbarMenu } from './toolbar-model';
import type { ToolbarStates } from './toolbar-state';
import styles from './toolbar.module.css';
import { rectOf, usePopup } from './use-popup';

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
  const { open, setOpen, close, trigger, popup } = usePopup();
  const menuId = useId();
  const enabled = !disabled && Boolean(states?.[menu.id]?.enabled);

  return (
    <>
      <button
        ref={(element) => {
          trigger.current = element;
          roving.register(element);
        }}
        type="button"
        className={wide ? `${styles.button} ${styles.wide}` : styles.button}
        tabIndex={roving.tabIndex}
        aria-label={name ?? menu.label}
        title={menu.label}
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? menuId : undefined}
        aria-disabled={!enabled}
        data-action={menu.id}
        onFocus={roving.onFocus}
        onMouseDown={(event) => event.preventDefault()}
        onClick={() => {
          if (enabled) setOpen(!open);
        }}
        onKeyDown={(event) => {
          if (event.key === 'ArrowDown' && enabled) {
            event.preventDefault();
            setOpen(true);
          }
        }}
      >
        {children}
        <svg className={styles.chevron} width="8" height="8" viewBox="0 0 8 8" aria-hidden="true" focusable="false">
          <path d="M1 2.5 4 5.5 7 2.5" fill="none" stroke="currentColor" strokeWidth="1.4" strokeLinecap="round" strokeLinejoin="round" />
        </svg>
      </button>
      {open ? (
        <Floating anchor={rectOf(trigger.current)} placement="below" strategy="fixed" className={floatingStyles.panel}>
          <div ref={popup}>
            <MenuList
              id={menuId}
              label={menu.label}
              mode={menu.mode}
              entries={menu.entries}
              states={states}
              isMac={isMac}
              {...(menu.grid ? { grid: true } : {})}
              onChoose={(entry, keyboard) => {
                close(keyboard);
                onChoose(entry, keyboard);
              }}
              onClose={close}
            />
          </div>
        </Floating>
      ) : null}
    </>
  );
}
