import { insertTable } from '@quire/editor';
import type { EditorState } from 'prosemirror-state';
import { canRun, TOOLBAR, type ToolbarEntry } from './toolbar-model';

/** How one control or menu entry looks: pressed (toggles and choices only) and enabled. */
export interface ControlState {
  active: boolean | undefined;
  enabled: boolean;
}

/** Every control's and menu entry's state, by id. */
export type ToolbarStates = Readonly<Record<string, ControlState>>;

const entryState = (entry: ToolbarEntry, state: EditorState): ControlState => ({
  active: entry.isActive ? entry.isActive(state) : undefined,
  enabled: canRun(entry, state),
});

/**
 * The state of the whole toolbar for `state`, computed with dry runs only. A menu is enabled when
 * one of its entries is, and pressed when one is the current choice.
 */
export function readToolbarStates(state: EditorState): ToolbarStates {
  const result: Record<string, ControlState> = {};
  for (const group of TOOLBAR) {
    for (const control of group.controls) {
      if (control.kind === 'button') result[control.entry.id] = entryState(control.entry, state);
      else if (control.kind === 'table-picker') result[control.id] = { active: undefined, enabled: insertTable(1, 1)(state) };
      else {
        let enabled = false;
        for (const entry of control.menu.entries) {
          const entryResult = entryState(entry, state);
          // A radio entry that is already the choice can still be chosen (it toggles back).
          result[entry.id] = entryResult;
          enabled ||= entryResult.enabled;
        }
        result[control.menu.id] = { active: undefined, enabled };
      }
    }
  }
  return result;
}

/**
 * Whether two readings draw the same toolbar. Most transactions (typing, a remote cursor, someone
 * else's edit) change nothing here, and the toolbar re-renders only when this is false.
 */
export function sameToolbarStates(a: ToolbarStates, b: ToolbarStates): boolean {
  for (const id in a) {
    const x = a[id] as ControlState;
    const y = b[id];
    if (!y || x.active !== y.active || x.enabled !== y.enabled) return false;
  }
  return true;
}
