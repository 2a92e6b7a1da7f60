'use client';

import {
  ariaKeyShortcut,
  sameToolbarState,
  shortcutLabel,
  TOOLBAR_ACTIONS,
  TOOLBAR_GROUPS,
  toolbarState,
  type ToolbarActionId,
} from '@quire/editor';
import type { EditorView } from 'prosemirror-view';
import { forwardRef, useImperativeHandle, useRef, useState, type KeyboardEvent, type MouseEvent } from 'react';
import { useEditorSelector } from '../../hooks/use-editor-selector';
import type { EditorStateStore } from '../../lib/editor-state-store';
import styles from './toolbar.module.css';
import { ToolbarIcon } from './ToolbarIcon';

const GROUP_LABELS = ['History', 'Headings', 'Text style', 'Blocks'];
const ORDER: ToolbarActionId[] = TOOLBAR_GROUPS.flat();

export interface ToolbarHandle {
  /** Moves focus to the toolbar's current button. */
  focus: () => void;
}

interface Props {
  view: EditorView | null;
  /** The editor's states: the toolbar re-renders when one changes a button, and only then. */
  store: EditorStateStore;
  /** The link button: the page asks for an address. */
  onLink: () => void;
  /** Id of the editable element the toolbar acts on. */
  controls: string;
  disabled: boolean;
  isMac: boolean;
}

/**
 * The formatting toolbar, one Tab stop: arrow keys, Home and End move between buttons (the
 * WAI-ARIA toolbar pattern). Buttons that do not apply stay focusable with aria-disabled.
 */
export const Toolbar = forwardRef<ToolbarHandle, Props>(function Toolbar(
  { view, store, onLink, controls, disabled, isMac },
  ref,
) {
  const [current, setCurrent] = useState<ToolbarActionId>('bold');
  const buttons = useRef(new Map<ToolbarActionId, HTMLButtonElement>());
  const buttonStates = useEditorSelector(store, toolbarState, null, sameToolbarState);

  useImperativeHandle(ref, () => ({ focus: () => buttons.current.get(current)?.focus() }), [current]);

  function move(to: ToolbarActionId) {
    setCurrent(to);
    buttons.current.get(to)?.focus();
  }

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    const index = ORDER.indexOf(current);
    const targets: Record<string, number> = {
      ArrowRight: (index + 1) % ORDER.length,
      ArrowLeft: (index - 1 + ORDER.length) % ORDER.length,
      Home: 0,
      End: ORDER.length - 1,
    };
    const target = targets[event.key];
    if (target === undefined) return;
    event.preventDefault();
    move(ORDER[target] as ToolbarActionId);
  }

  function run(id: ToolbarActionId, event: MouseEvent<HTMLButtonElement>) {
    setCurrent(id);
    if (!view || disabled || !buttonStates?.[id].enabled) return;
    if (id === 'link') {
      onLink();
      return;
    }
    TOOLBAR_ACTIONS[id].command?.(view.state, view.dispatch, view);
    // A click returns to the text, as in a word processor; keyboard users stay in the toolbar.
    if (event.detail > 0) view.focus();
  }

  return (
    <div
      role="toolbar"
      aria-label="Formatting"
      aria-controls={controls}
      aria-orientation="horizontal"
      className={styles.toolbar}
      onKeyDown={onKeyDown}
    >
      {TOOLBAR_GROUPS.map((group, groupIndex) => (
        <div key={GROUP_LABELS[groupIndex]} role="group" aria-label={GROUP_LABELS[groupIndex]} className={styles.group}>
          {group.map((id) => {
            const action = TOOLBAR_ACTIONS[id];
            const buttonState = buttonStates?.[id];
            const enabled = Boolean(buttonState?.enabled) && !disabled;
            const shortcut = action.shortcut ? shortcutLabel(action.shortcut, isMac) : null;
            return (
              <button
                key={id}
                ref={(element) => {
                  if (element) buttons.current.set(id, element);
                  else buttons.current.delete(id);
                }}
                type="button"
                className={styles.button}
                tabIndex={id === current ? 0 : -1}
                aria-label={action.label}
                title={shortcut ? `${action.label} (${shortcut})` : action.label}
                aria-keyshortcuts={action.shortcut ? ariaKeyShortcut(action.shortcut, isMac) : undefined}
                aria-pressed={buttonState?.active === undefined ? undefined : buttonState.active}
                aria-disabled={!enabled}
                data-action={id}
                onMouseDown={(event) => event.preventDefault()}
                onClick={(event) => run(id, event)}
                onFocus={() => setCurrent(id)}
              >
                <ToolbarIcon id={id} />
              </button>
            );
          })}
        </div>
      ))}
    </div>
  );
});
