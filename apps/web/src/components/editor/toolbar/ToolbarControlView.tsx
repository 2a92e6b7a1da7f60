'use client';

import { ariaKeyShortcut, insertTable, shortcutLabel } from '@quire/editor';
import type { EditorView } from 'prosemirror-view';
import { BLOCK_STYLE_MENU, type PageRequest, type ToolbarControl, type ToolbarEntry } from './toolbar-model';
import type { ToolbarStates } from './toolbar-state';
import styles from './toolbar.module.css';
import { TablePickerButton } from './TablePickerButton';
import { ToolbarIcon } from './ToolbarIcon';
import { ToolbarMenuButton, type RovingProps } from './ToolbarMenuButton';

export const controlId = (control: ToolbarControl) => (control.kind === 'button' ? control.entry.id : control.kind === 'menu' ? control.menu.id : control.id);

interface Props {
  control: ToolbarControl;
  view: EditorView | null;
  states: ToolbarStates | null;
  disabled: boolean;
  isMac: boolean;
  roving: RovingProps;
  onRequest: (request: PageRequest) => void;
}

/** The label on the text style button: the current style's name. */
function currentStyle(states: ToolbarStates | null): string {
  return BLOCK_STYLE_MENU.entries.find((entry) => states?.[entry.id]?.active)?.label ?? 'Text style';
}

/** The alignment button shows the current alignment's icon. */
function alignmentIcon(states: ToolbarStates | null): string {
  const current = ['center', 'right', 'justify'].find((align) => states?.[`align_${align}`]?.active);
  return `align_${current ?? 'left'}`;
}

/** One control of a toolbar: a button, a menu button or the table size picker. */
export function ToolbarControlView({ control, view, states, disabled, isMac, roving, onRequest }: Props) {
  const id = controlId(control);

  function run(entry: ToolbarEntry, keyboard: boolean) {
    if (!view || disabled) return;
    if (typeof entry.run === 'string') {
      onRequest(entry.run);
      return;
    }
    entry.run(view.state, view.dispatch, view);
    // A click returns to the text, as in a word processor; keyboard users stay in the toolbar.
    if (!keyboard) view.focus();
  }

  if (control.kind === 'menu') {
    const { menu } = control;
    const wide = menu.id === BLOCK_STYLE_MENU.id;
    const style = currentStyle(states);
    return (
      <ToolbarMenuButton
        menu={menu}
        states={states}
        disabled={disabled}
        isMac={isMac}
        roving={roving}
        wide={wide}
        {...(wide ? { name: `${menu.label}: ${style}` } : {})}
        onChoose={run}
      >
        {wide ? <span className={styles.styleName}>{style}</span> : <ToolbarIcon id={menu.id === 'align' ? alignmentIcon(states) : menu.id} />}
      </ToolbarMenuButton>
    );
  }
  if (control.kind === 'table-picker') {
    return (
      <TablePickerButton
        enabled={!disabled && Boolean(states?.[id]?.enabled)}
        roving={roving}
        onInsert={(rows, columns, keyboard) => {
          if (!view || disabled) return;
          insertTable(rows, columns)(view.state, view.dispatch, view);
          if (!keyboard) view.focus();
        }}
      />
    );
  }
  const { entry } = control;
  const state = states?.[id];
  const enabled = Boolean(state?.enabled) && !disabled;
  const shortcut = entry.shortcut ? shortcutLabel(entry.shortcut, isMac) : null;
  return (
    <button
      ref={roving.register}
      type="button"
      className={styles.button}
      tabIndex={roving.tabIndex}
      onFocus={roving.onFocus}
      aria-label={entry.label}
      title={shortcut ? `${entry.label} (${shortcut})` : entry.label}
      aria-keyshortcuts={entry.shortcut ? ariaKeyShortcut(entry.shortcut, isMac) : undefined}
      aria-pressed={state?.active === undefined ? undefined : state.active}
      aria-disabled={!enabled}
      data-action={id}
      onMouseDown={(event) => event.preventDefault()}
      onClick={(event) => {
        roving.onFocus();
        if (enabled) run(entry, event.detail === 0);
      }}
    >
      <ToolbarIcon id={id} />
    </button>
  );
}
