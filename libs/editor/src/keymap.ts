import { schema, type HeadingLevel } from '@quire/editor-schema';
import { baseKeymap, chainCommands, exitCode } from 'prosemirror-commands';
import { undoInputRule } from 'prosemirror-inputrules';
import { keymap } from 'prosemirror-keymap';
import type { Command, Plugin } from 'prosemirror-state';
import { redoCommand, undoCommand } from 'y-prosemirror';
import { setParagraph, toggleHeading, toggleList } from './commands/blocks';
import { toggleFormat } from './commands/formatting';
import { indentItem, outdentItem, splitItem } from './commands/lists';

/** Things the editor asks of the page around it. */
export interface EditorHost {
  /** Mod-k: ask for a link address (the page shows its link field). */
  requestLink?: () => void;
  /** Escape: move focus out of the editor (Tab is taken inside lists). Return false to ignore. */
  leaveEditor?: () => boolean;
}

const insertHardBreak: Command = (state, dispatch) => {
  if (dispatch) dispatch(state.tr.replaceSelectionWith(schema.nodes.hard_break.create()).scrollIntoView());
  return true;
};

/**
 * Quire's key bindings, by ProseMirror key name (`Mod` is Cmd on macOS and Ctrl elsewhere). Undo and
 * redo are y-prosemirror's: they revert only this person's changes, never a collaborator's.
 */
export function buildKeyBindings(host: EditorHost = {}): Record<string, Command> {
  const heading = (level: HeadingLevel) => toggleHeading(level);
  const bindings: Record<string, Command> = {
    'Mod-z': undoCommand,
    'Mod-Shift-z': redoCommand,
    'Mod-y': redoCommand,
    Backspace: undoInputRule,
    'Mod-b': toggleFormat('bold'),
    'Mod-i': toggleFormat('italic'),
    'Mod-u': toggleFormat('underline'),
    'Mod-Shift-s': toggleFormat('strike'),
    'Mod-Shift-x': toggleFormat('strike'),
    'Mod-e': toggleFormat('code'),
    'Mod-k': () => {
      if (!host.requestLink) return false;
      host.requestLink();
      return true;
    },
    'Mod-Alt-0': setParagraph,
    'Mod-Alt-1': heading(1),
    'Mod-Alt-2': heading(2),
    'Mod-Alt-3': heading(3),
    'Mod-Shift-7': toggleList(schema.nodes.ordered_list),
    'Mod-Shift-8': toggleList(schema.nodes.bullet_list),
    'Shift-Enter': chainCommands(exitCode, insertHardBreak),
    'Mod-Enter': chainCommands(exitCode, insertHardBreak),
    Enter: splitItem,
    Tab: indentItem,
    'Shift-Tab': outdentItem,
    Escape: () => host.leaveEditor?.() ?? false,
  };
  return bindings;
}

/** Quire's keymap followed by ProseMirror's base keymap (Enter, Backspace, select all, …). */
export function buildKeymaps(host: EditorHost = {}): Plugin[] {
  return [keymap(buildKeyBindings(host)), keymap(baseKeymap)];
}
