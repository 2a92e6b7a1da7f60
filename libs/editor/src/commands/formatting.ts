import { schema, type MarkName } from '@quire/editor-schema';
import { toggleMark } from 'prosemirror-commands';
import type { Command, EditorState } from 'prosemirror-state';

/**
 * The marks a toolbar button or shortcut toggles without attributes (links, highlights and text
 * colours have their own commands, in marks.ts and link.ts; comment marks are only the server's).
 */
export type ToggleableMark = Exclude<MarkName, 'link' | 'highlight' | 'text_color' | 'comment'>;

/** Toggles `mark` on the selection, or on what is typed next when the selection is empty. */
export function toggleFormat(mark: ToggleableMark): Command {
  return toggleMark(schema.marks[mark]);
}

/** True when `mark` applies to the selection (or to what is typed next, at an empty cursor). */
export function isMarkActive(state: EditorState, mark: MarkName): boolean {
  const type = schema.marks[mark];
  const { from, to, empty, $from } = state.selection;
  if (empty) return Boolean(type.isInSet(state.storedMarks ?? $from.marks()));
  return state.doc.rangeHasMark(from, to, type);
}
