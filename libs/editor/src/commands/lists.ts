import { schema } from '@quire/editor-schema';
import type { NodeType } from 'prosemirror-model';
import { liftListItem, sinkListItem, splitListItem } from 'prosemirror-schema-list';
import type { Command, EditorState } from 'prosemirror-state';

/** The kind of item (list item or task item) the selection is in, the nearest one, or null. */
function itemType(state: EditorState): NodeType | null {
  const { $from } = state.selection;
  for (let depth = $from.depth; depth > 0; depth--) {
    const type = $from.node(depth).type;
    if (type === schema.nodes.list_item || type === schema.nodes.task_item) return type;
  }
  return null;
}

/** Enter in a list or task item: a new item (a new task is unticked), or out of the list from an empty one. */
export const splitItem: Command = (state, dispatch, view) => {
  const type = itemType(state);
  if (!type) return false;
  return splitListItem(type, type === schema.nodes.task_item ? { checked: false } : undefined)(state, dispatch, view);
};

/**
 * Tab in a list nests the item. Inside a list Tab is always taken (also when the item cannot nest),
 * so focus does not jump away mid-list; outside lists it is left to the browser to move focus.
 */
export const indentItem: Command = (state, dispatch, view) => {
  const type = itemType(state);
  if (!type) return false;
  sinkListItem(type)(state, dispatch, view);
  return true;
};

/** Shift-Tab in a list un-nests the item, or takes it out of the list; taken only inside lists. */
export const outdentItem: Command = (state, dispatch, view) => {
  const type = itemType(state);
  if (!type) return false;
  liftListItem(type)(state, dispatch, view);
  return true;
};
