import { schema } from '@quire/editor-schema';
import { liftListItem, sinkListItem, splitListItem } from 'prosemirror-schema-list';
import type { Command, EditorState } from 'prosemirror-state';

function inListItem(state: EditorState): boolean {
  const { $from } = state.selection;
  for (let depth = $from.depth; depth > 0; depth--) {
    if ($from.node(depth).type === schema.nodes.list_item) return true;
  }
  return false;
}

/** Enter in a list item: a new item, or out of the list from an empty one. */
export const splitItem: Command = splitListItem(schema.nodes.list_item);

/**
 * Tab in a list nests the item. Inside a list Tab is always taken (also when the item cannot nest),
 * so focus does not jump away mid-list; outside lists it is left to the browser to move focus.
 */
export const indentItem: Command = (state, dispatch, view) => {
  if (!inListItem(state)) return false;
  sinkListItem(schema.nodes.list_item)(state, dispatch, view);
  return true;
};

/** Shift-Tab in a list un-nests the item, or takes it out of the list; taken only inside lists. */
export const outdentItem: Command = (state, dispatch, view) => {
  if (!inListItem(state)) return false;
  liftListItem(schema.nodes.list_item)(state, dispatch, view);
  return true;
};
