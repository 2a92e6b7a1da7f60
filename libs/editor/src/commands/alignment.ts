import { isAlignment, schema, type Alignment } from '@quire/editor-schema';
import type { Command, EditorState } from 'prosemirror-state';

const alignable = () => [schema.nodes.paragraph, schema.nodes.heading];

/** Aligns every paragraph and heading in the selection; `null` (or `left`) is the default alignment. */
export function setAlignment(align: Alignment | null): Command {
  return (state, dispatch) => {
    if (align !== null && !isAlignment(align)) return false;
    const value = align === 'left' ? null : align;
    const { from, to } = state.selection;
    const tr = state.tr;
    let found = false;
    state.doc.nodesBetween(from, to, (node, pos) => {
      if (alignable().includes(node.type)) {
        found = true;
        if (node.attrs['align'] !== value) tr.setNodeAttribute(pos, 'align', value);
        return false;
      }
      return true;
    });
    if (!found) return false;
    if (dispatch) dispatch(tr);
    return true;
  };
}

/** The alignment of the selection's first paragraph or heading (`left` for the default), or null in other blocks. */
export function activeAlignment(state: EditorState): Alignment | null {
  const parent = state.selection.$from.parent;
  if (!alignable().includes(parent.type)) return null;
  const align = parent.attrs['align'] as unknown;
  return isAlignment(align) ? align : 'left';
}
