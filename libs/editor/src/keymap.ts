import { schema, type HeadingLevel } from '@quire/editor-schema';
import { baseKeymap, chainCommands, exitCode } from 'prosemirror-commands';
import { undoInputRule } from 'prosemirror-inputrules';
import { keymap } from 'prosemirror-keymap';
import type { Command, Plugin } from 'prosemirror-state';
import { redoCommand, undoCommand } from 'y-prosemirror';
import { moveBlock } from './blocks/move-block';
import { exitCodeOnEmptyLine, indentCode, leaveCodeBlockAtEnd, outdentCode } from './code/code-commands';
import { setAlignment } from './commands/alignment';
import { setParagraph, toggleHeading, toggleList } from './commands/blocks';
import { toggleFormat } from './commands/formatting';
import { syncSelectionFromDom } from './dom-selection';
import { indentItem, outdentItem, splitItem } from './commands/lists';
import type { MentionCandidate } from './suggest/slash-commands';
import { toggleTaskItem, toggleTaskList } from './tasks/task-commands';

/** Things the editor asks of the page around it. */
export interface EditorHost {
  /** Mod-k: ask for a link address (the page shows its link field). */
  requestLink?: () => void;
  /** Escape: move focus out of the editor (Tab is taken inside lists). Return false to ignore. */
  leaveEditor?: () => boolean;
  /** The slash menu's Image entry: the page opens its image picker (no entry without it). */
  requestImage?: () => void;
  /** The slash menu's File entry: the page opens its file picker (no entry without it). */
  requestFile?: () => void;
  /** The people `@` offers (the document's members, with their current names); no `@` menu without it. */
  mentionCandidates?: () => readonly MentionCandidate[];
}

/**
 * `command` on the selection the browser shows, read first if ProseMirror has not yet (a click just
 * before the key: `selectionchange` can come after it on a busy machine).
 */
const withDomSelection =
  (command: Command): Command =>
  (state, dispatch, view) => {
    if (!view) return command(state, dispatch);
    syncSelectionFromDom(view);
    return command(view.state, dispatch, view);
  };

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
    'Mod-Alt-4': heading(4),
    'Mod-Shift-7': toggleList(schema.nodes.ordered_list),
    'Mod-Shift-8': toggleList(schema.nodes.bullet_list),
    'Mod-Shift-9': toggleTaskList,
    'Mod-,': toggleFormat('subscript'),
    'Mod-.': toggleFormat('superscript'),
    'Mod-Shift-l': setAlignment('left'),
    'Mod-Shift-e': setAlignment('center'),
    'Mod-Shift-r': setAlignment('right'),
    'Mod-Shift-j': setAlignment('justify'),
    'Shift-Enter': chainCommands(exitCode, insertHardBreak),
    // In a task, Mod-Enter ticks it (as in Notion); elsewhere it leaves code or breaks the line.
    'Mod-Enter': chainCommands(toggleTaskItem(), exitCode, insertHardBreak),
    Enter: chainCommands(exitCodeOnEmptyLine, splitItem),
    Tab: chainCommands(indentCode, indentItem),
    'Shift-Tab': chainCommands(outdentCode, outdentItem),
    // The block the cursor is in trades places with its neighbour (the drag handle's keyboard twin).
    'Alt-Shift-ArrowUp': withDomSelection(moveBlock('up')),
    'Alt-Shift-ArrowDown': withDomSelection(moveBlock('down')),
    ArrowDown: leaveCodeBlockAtEnd('down'),
    ArrowRight: leaveCodeBlockAtEnd('right'),
    Escape: (_state, _dispatch, view) => {
      if (!host.leaveEditor) return false;
      // A selection made just before (Shift+Home, Escape) must be the one the toolbar acts on.
      if (view) syncSelectionFromDom(view);
      return host.leaveEditor();
    },
  };
  // A formatting or block shortcut right after a keyboard selection (Shift+Ctrl+→, then Ctrl+B)
  // must act on what the browser shows selected, which ProseMirror may not have read yet.
  for (const [key, command] of Object.entries(bindings)) {
    if (/^Mod-/.test(key) && !UNDO_KEYS.has(key)) bindings[key] = withDomSelection(command);
  }
  return bindings;
}

/** Undo and redo act on history, not on the selection: left as y-prosemirror gives them. */
const UNDO_KEYS = new Set(['Mod-z', 'Mod-Shift-z', 'Mod-y']);

/** Quire's keymap followed by ProseMirror's base keymap (Enter, Backspace, select all, …). */
export function buildKeymaps(host: EditorHost = {}): Plugin[] {
  return [keymap(buildKeyBindings(host)), keymap(baseKeymap)];
}
