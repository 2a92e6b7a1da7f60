import type { EditorState } from 'prosemirror-state';
import { Decoration, DecorationSet } from 'prosemirror-view';

/** The class of the top-level block holding the selection's head (prosemirror.css keeps it rendered). */
export const CARET_BLOCK_CLASS = 'quire-caret-block';

/**
 * Marks the top-level block that holds the selection. Paragraphs off screen skip rendering
 * (content-visibility: auto, app/prosemirror.css), and one made by Enter starts out skipped until
 * the browser next decides what is on screen: Chromium then reports the caret of text typed into
 * it at the paragraph's start, and the next letters went before the first one. A paragraph with
 * this class is always rendered, and ProseMirror draws it with the class in the same update that
 * moves the selection into it.
 */
export function caretBlockDecorations(state: EditorState): DecorationSet {
  const { $head } = state.selection;
  if ($head.depth < 1) return DecorationSet.empty;
  const from = $head.before(1);
  const block = state.doc.nodeAt(from);
  if (!block) return DecorationSet.empty;
  return DecorationSet.create(state.doc, [Decoration.node(from, from + block.nodeSize, { class: CARET_BLOCK_CLASS })]);
}
