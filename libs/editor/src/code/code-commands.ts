import { normalizeCodeLanguage, schema } from '@quire/editor-schema';
import { TextSelection, type Command, type EditorState } from 'prosemirror-state';

/** Spaces a Tab inserts in code. */
export const CODE_INDENT = '  ';

function inCode(state: EditorState): boolean {
  const { $from, $to } = state.selection;
  return $from.parent.type === schema.nodes.code_block && $from.sameParent($to);
}

/** The start offsets (in the block) of the lines the selection touches. */
function selectedLineStarts(state: EditorState): number[] {
  const { $from, $to } = state.selection;
  const text = $from.parent.textContent;
  const starts: number[] = [];
  let lineStart = text.lastIndexOf('\n', $from.parentOffset - 1) + 1;
  while (lineStart <= $to.parentOffset) {
    starts.push(lineStart);
    const next = text.indexOf('\n', lineStart);
    if (next < 0) break;
    lineStart = next + 1;
  }
  return starts;
}

/**
 * Tab in a code block: two spaces at the cursor, or before every selected line. Taken inside code
 * only; Escape still leaves the editor.
 */
export const indentCode: Command = (state, dispatch) => {
  if (!inCode(state)) return false;
  if (!dispatch) return true;
  const { $from, empty } = state.selection;
  const tr = state.tr;
  if (empty) {
    tr.insertText(CODE_INDENT);
  } else {
    const blockStart = $from.start();
    for (const offset of selectedLineStarts(state).reverse()) tr.insertText(CODE_INDENT, blockStart + offset);
  }
  dispatch(tr.scrollIntoView());
  return true;
};

/** Shift-Tab in a code block: up to two spaces off the start of every selected line. */
export const outdentCode: Command = (state, dispatch) => {
  if (!inCode(state)) return false;
  if (!dispatch) return true;
  const { $from } = state.selection;
  const text = $from.parent.textContent;
  const blockStart = $from.start();
  const tr = state.tr;
  for (const offset of selectedLineStarts(state).reverse()) {
    const spaces = /^ {0,2}/.exec(text.slice(offset))?.[0].length ?? 0;
    if (spaces > 0) tr.delete(blockStart + offset, blockStart + offset + spaces);
  }
  dispatch(tr.scrollIntoView());
  return true;
};

/** Leaves the code block the cursor is in, into the block after it, adding a paragraph when none follows. */
function leaveCodeBlock(state: EditorState, dispatch: Parameters<Command>[1], trimTrailingNewline: boolean): boolean {
  const { $head } = state.selection;
  if (!dispatch) return true;
  const tr = state.tr;
  if (trimTrailingNewline) tr.delete($head.pos - 1, $head.pos);
  const after = tr.mapping.map($head.after());
  const next = tr.doc.resolve(after).nodeAfter;
  if (!next || !next.isTextblock) tr.insert(after, schema.nodes.paragraph.create());
  tr.setSelection(TextSelection.create(tr.doc, after + 1));
  dispatch(tr.scrollIntoView());
  return true;
}

/**
 * Enter on an empty last line of a code block leaves it (the empty line goes), as in Notion and
 * Outline; elsewhere Enter is left to the base keymap, which adds a line.
 */
export const exitCodeOnEmptyLine: Command = (state, dispatch) => {
  const { $head, empty } = state.selection;
  if (!empty || !inCode(state)) return false;
  const text = $head.parent.textContent;
  if ($head.parentOffset !== text.length || !text.endsWith('\n')) return false;
  return leaveCodeBlock(state, dispatch, true);
};

/**
 * ArrowDown on the last line, or ArrowRight at the very end, of a code block with nothing after
 * it: a paragraph after the block, with the cursor in it. Where a block follows, the arrow keys
 * move into it as usual.
 */
export function leaveCodeBlockAtEnd(key: 'down' | 'right'): Command {
  return (state, dispatch, view) => {
    const { $head, empty } = state.selection;
    if (!empty || !inCode(state)) return false;
    const text = $head.parent.textContent;
    const atEnd = key === 'right' ? $head.parentOffset === text.length : !text.slice($head.parentOffset).includes('\n');
    if (!atEnd || (view && key === 'down' && !view.endOfTextblock('down'))) return false;
    if ($head.index($head.depth - 1) < $head.node($head.depth - 1).childCount - 1) return false;
    return leaveCodeBlock(state, dispatch, false);
  };
}

/** Sets the language of the code block the cursor is in (`null` for plain text). */
export function setCodeBlockLanguage(language: string | null): Command {
  return (state, dispatch) => {
    const { $from } = state.selection;
    if ($from.parent.type !== schema.nodes.code_block) return false;
    const value = language === null ? null : normalizeCodeLanguage(language);
    if (language !== null && value === null) return false;
    if (dispatch) dispatch(state.tr.setNodeAttribute($from.before(), 'language', value));
    return true;
  };
}

/** The language of the code block the cursor is in: a string, null for plain text, undefined outside code. */
export function codeBlockLanguage(state: EditorState): string | null | undefined {
  const { $from } = state.selection;
  return $from.parent.type === schema.nodes.code_block ? ($from.parent.attrs['language'] as string | null) : undefined;
}
