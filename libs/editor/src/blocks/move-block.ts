import type { Node } from 'prosemirror-model';
import { NodeSelection, Selection, TextSelection, type Command, type EditorState, type Transaction } from 'prosemirror-state';
import { yUndoPluginKey } from 'y-prosemirror';

/** A top-level block of the document: its index among the document's children and where it starts. */
export interface TopLevelBlock {
  index: number;
  pos: number;
  node: Node;
}

/** The top-level block at `index`, or null past the document's ends. */
export function topLevelBlock(doc: Node, index: number): TopLevelBlock | null {
  if (index < 0 || index >= doc.childCount) return null;
  let pos = 0;
  for (let i = 0; i < index; i++) pos += doc.child(i).nodeSize;
  return { index, pos, node: doc.child(index) };
}

/** The top-level block the selection starts in (a selected top-level node counts as inside it). */
export function blockAtSelection(state: EditorState): TopLevelBlock | null {
  return topLevelBlock(state.doc, state.selection.$from.index(0));
}

/**
 * Moves the top-level block at `from` (an index) so that it stands before the block now at `to`
 * (an index from 0 to the document's child count: `childCount` is after the last block), as one
 * transaction: one shared update for collaborators and one undo step for this person. The selection
 * follows the block: where it was inside it, or the whole block when it was not in it.
 * Returns null when nothing moves.
 */
export function moveBlockTransaction(state: EditorState, from: number, to: number): Transaction | null {
  const block = topLevelBlock(state.doc, from);
  if (!block || to < 0 || to > state.doc.childCount || to === from || to === from + 1) return null;
  const { pos, node } = block;
  const { selection } = state;
  const inside = selection.from >= pos && selection.to <= pos + node.nodeSize;
  const target = topLevelBlock(state.doc, to)?.pos ?? state.doc.content.size;

  const tr = state.tr.delete(pos, pos + node.nodeSize);
  const insertAt = tr.mapping.map(target);
  tr.insert(insertAt, node);
  const shift = insertAt - pos;
  if (inside && !(selection instanceof NodeSelection)) {
    tr.setSelection(TextSelection.between(tr.doc.resolve(selection.anchor + shift), tr.doc.resolve(selection.head + shift)));
  } else if (NodeSelection.isSelectable(node)) {
    tr.setSelection(NodeSelection.create(tr.doc, insertAt));
  } else {
    tr.setSelection(Selection.near(tr.doc.resolve(insertAt + 1)));
  }
  return tr.scrollIntoView();
}

/**
 * Keeps a move out of the undo step of what was typed just before or after it: y-prosemirror's undo
 * merges changes made within half a second into one step.
 */
export function dispatchAsOwnUndoStep(state: EditorState, dispatch: (tr: Transaction) => void, tr: Transaction): void {
  const undoManager = yUndoPluginKey.getState(state)?.undoManager;
  undoManager?.stopCapturing();
  dispatch(tr);
  undoManager?.stopCapturing();
}

/** Alt+Shift+ArrowUp / ArrowDown: the block the cursor is in trades places with the one above or below. */
export function moveBlock(direction: 'up' | 'down'): Command {
  return (state, dispatch) => {
    const block = blockAtSelection(state);
    if (!block) return false;
    const tr = moveBlockTransaction(state, block.index, direction === 'up' ? block.index - 1 : block.index + 2);
    if (!tr) return false;
    if (dispatch) dispatchAsOwnUndoStep(state, dispatch, tr);
    return true;
  };
}
