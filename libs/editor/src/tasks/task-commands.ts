import { schema } from '@quire/editor-schema';
import type { Node } from 'prosemirror-model';
import { liftListItem, wrapInList } from 'prosemirror-schema-list';
import type { Command, EditorState } from 'prosemirror-state';
import { findAncestor } from '../commands/blocks';

/** The task item at `pos` (its position before it), or the one around the selection, with its position. */
function taskItemAt(state: EditorState, pos?: number): { node: Node; pos: number } | null {
  if (pos !== undefined) {
    const node = state.doc.nodeAt(pos);
    return node?.type === schema.nodes.task_item ? { node, pos } : null;
  }
  const found = findAncestor(state, [schema.nodes.task_item]);
  if (!found) return null;
  const { $from } = state.selection;
  return { node: $from.node(found.depth), pos: $from.before(found.depth) };
}

/**
 * Ticks or unticks a task: the one starting at `pos` (what a click on its checkbox knows), or the
 * one the cursor is in. An ordinary attribute change, so it syncs and undoes like typing.
 */
export function toggleTaskItem(pos?: number): Command {
  return (state, dispatch) => {
    const item = taskItemAt(state, pos);
    if (!item) return false;
    if (dispatch) dispatch(state.tr.setNodeAttribute(item.pos, 'checked', !item.node.attrs['checked']));
    return true;
  };
}

/** Whether the task the cursor is in is ticked; null outside task lists. */
export function isTaskChecked(state: EditorState): boolean | null {
  const item = taskItemAt(state);
  return item ? Boolean(item.node.attrs['checked']) : null;
}

/** Makes the selection a task list, or lifts it out of the task list it is in. */
export const toggleTaskList: Command = (state, dispatch, view) => {
  if (findAncestor(state, [schema.nodes.task_list])) return liftListItem(schema.nodes.task_item)(state, dispatch, view);
  return wrapInList(schema.nodes.task_list)(state, dispatch, view);
};
