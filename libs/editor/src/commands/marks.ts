import { isPaletteColor, schema, type PaletteColor } from '@quire/editor-schema';
import type { MarkType } from 'prosemirror-model';
import type { Command, EditorState } from 'prosemirror-state';

type ColorMark = 'highlight' | 'text_color';

function setColorMark(type: MarkType, color: PaletteColor): Command {
  return (state, dispatch) => {
    if (!isPaletteColor(color)) return false;
    const { empty, from, to, $from } = state.selection;
    if (!$from.parent.inlineContent || !$from.parent.type.allowsMarkType(type)) return false;
    if (!dispatch) return true;
    const mark = type.create({ color });
    if (empty) dispatch(state.tr.addStoredMark(mark));
    else dispatch(state.tr.removeMark(from, to, type).addMark(from, to, mark).scrollIntoView());
    return true;
  };
}

function removeColorMark(type: MarkType): Command {
  return (state, dispatch) => {
    const { empty, from, to } = state.selection;
    if (empty) {
      if (!type.isInSet(state.storedMarks ?? state.selection.$from.marks())) return false;
      if (dispatch) dispatch(state.tr.removeStoredMark(type));
      return true;
    }
    if (!state.doc.rangeHasMark(from, to, type)) return false;
    if (dispatch) dispatch(state.tr.removeMark(from, to, type).scrollIntoView());
    return true;
  };
}

/** Highlights the selection (or what is typed next) in a palette colour, replacing another highlight. */
export const setHighlight = (color: PaletteColor = 'yellow'): Command => setColorMark(schema.marks.highlight, color);
/** Removes highlighting from the selection. */
export const removeHighlight: Command = removeColorMark(schema.marks.highlight);
/** Colours the selection's text (or what is typed next) with a palette colour. */
export const setTextColor = (color: PaletteColor): Command => setColorMark(schema.marks.text_color, color);
/** Gives the selection's text its default colour again. */
export const removeTextColor: Command = removeColorMark(schema.marks.text_color);

/**
 * The colour of `mark` at the selection, for a colour picker's current choice: the colour at the
 * cursor (or of what is typed next), or the one colour the whole selection has; null otherwise.
 */
export function activeColor(state: EditorState, mark: ColorMark): PaletteColor | null {
  const type = schema.marks[mark];
  const { empty, from, to, $from } = state.selection;
  if (empty) {
    const color = type.isInSet(state.storedMarks ?? $from.marks())?.attrs['color'];
    return isPaletteColor(color) ? color : null;
  }
  const colors = new Set<unknown>();
  let uncoloured = false;
  state.doc.nodesBetween(from, to, (node) => {
    if (!node.isText) return true;
    const color = type.isInSet(node.marks)?.attrs['color'];
    if (color === undefined) uncoloured = true;
    else colors.add(color);
    return false;
  });
  const [only] = colors;
  return !uncoloured && colors.size === 1 && isPaletteColor(only) ? only : null;
}
