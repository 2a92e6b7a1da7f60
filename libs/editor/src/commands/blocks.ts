import { schema, type HeadingLevel } from '@quire/editor-schema';
import { lift, setBlockType, wrapIn } from 'prosemirror-commands';
import type { NodeType } from 'prosemirror-model';
import { liftListItem, wrapInList } from 'prosemirror-schema-list';
import { TextSelection, type Command, type EditorState } from 'prosemirror-state';

/** True when the selection's textblock is of `type` (and has `attrs`, when given). */
export function isBlockActive(state: EditorState, type: NodeType, attrs?: Record<string, unknown>): boolean {
  const { $from, to } = state.selection;
  if (to > $from.end()) return false;
  const parent = $from.parent;
  if (parent.type !== type) return false;
  return Object.entries(attrs ?? {}).every(([key, value]) => parent.attrs[key] === value);
}

/** The nearest ancestor of the selection of one of `types`, with its depth, or null. */
export function findAncestor(state: EditorState, types: readonly NodeType[]): { type: NodeType; depth: number } | null {
  const { $from } = state.selection;
  for (let depth = $from.depth; depth > 0; depth--) {
    const type = $from.node(depth).type;
    if (types.includes(type)) return { type, depth };
  }
  return null;
}

/** Turns the selected textblocks into paragraphs. */
export const setParagraph: Command = setBlockType(schema.nodes.paragraph);

/** Makes the selected blocks headings of `level`, or paragraphs again when they already are. */
export function toggleHeading(level: HeadingLevel): Command {
  return (state, dispatch, view) =>
    isBlockActive(state, schema.nodes.heading, { level })
      ? setParagraph(state, dispatch, view)
      : setBlockType(schema.nodes.heading, { level })(state, dispatch, view);
}

/** Makes the selected block a code block, or a paragraph again when it is one. */
export const toggleCodeBlock: Command = (state, dispatch, view) =>
  isBlockActive(state, schema.nodes.code_block)
    ? setParagraph(state, dispatch, view)
    : setBlockType(schema.nodes.code_block)(state, dispatch, view);

/** Wraps the selected blocks in a quote, or lifts them out of the quote they are in. */
export const toggleBlockquote: Command = (state, dispatch, view) =>
  findAncestor(state, [schema.nodes.blockquote])
    ? lift(state, dispatch, view)
    : wrapIn(schema.nodes.blockquote)(state, dispatch, view);

/**
 * Makes the selection a list of `listType`: wraps it, switches the kind of the list it is in, or,
 * when it is already in such a list, lifts it out.
 */
export function toggleList(listType: NodeType): Command {
  return (state, dispatch, view) => {
    const list = findAncestor(state, [schema.nodes.bullet_list, schema.nodes.ordered_list]);
    if (!list) return wrapInList(listType)(state, dispatch, view);
    if (list.type === listType) return liftListItem(schema.nodes.list_item)(state, dispatch, view);
    if (dispatch) {
      const pos = state.selection.$from.before(list.depth);
      dispatch(state.tr.setNodeMarkup(pos, listType).scrollIntoView());
    }
    return true;
  };
}

/** True when a node of `type` can be inserted at the selection, at some depth. */
function canInsert(state: EditorState, type: NodeType): boolean {
  const { $from } = state.selection;
  for (let depth = $from.depth; depth >= 0; depth--) {
    const index = $from.index(depth);
    if ($from.node(depth).canReplaceWith(index, index, type)) return true;
  }
  return false;
}

/**
 * Inserts a horizontal rule in place of the selection and puts the cursor in the textblock after
 * it, adding an empty paragraph when none follows (a rule at the end of a document would otherwise
 * leave only a gap cursor).
 */
export const insertHorizontalRule: Command = (state, dispatch) => {
  const type = schema.nodes.horizontal_rule;
  if (!canInsert(state, type)) return false;
  if (!dispatch) return true;
  const tr = state.tr.replaceSelectionWith(type.create());
  let ruleEnd = -1;
  const around = tr.mapping.map(state.selection.from, -1);
  tr.doc.nodesBetween(Math.max(0, around - 2), Math.min(tr.doc.content.size, around + 2), (node, pos) => {
    if (node.type === type && ruleEnd < 0) ruleEnd = pos + node.nodeSize;
    return ruleEnd < 0;
  });
  if (ruleEnd >= 0) {
    const next = tr.doc.resolve(ruleEnd).nodeAfter;
    if (!next || !next.isTextblock) tr.insert(ruleEnd, schema.nodes.paragraph.create());
    tr.setSelection(TextSelection.create(tr.doc, ruleEnd + 1));
  }
  dispatch(tr.scrollIntoView());
  return true;
};
