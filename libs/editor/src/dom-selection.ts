import { TextSelection, type Selection } from 'prosemirror-state';
import type { EditorView } from 'prosemirror-view';

/**
 * The browser's text selection in the editor when ProseMirror has not read it yet, or null (the
 * same as the state's, outside the editor, or a node or cell selection, which are ProseMirror's
 * own). ProseMirror learns of a caret placed by a click or moved by a key (Shift+Home, End) from
 * the `selectionchange` event, which the browser queues behind other tasks: on a busy page, work
 * that runs first (a key that moves focus away, a remote update) sees the old selection.
 */
export function unreadDomSelection(view: EditorView): Selection | null {
  const current = view.state.selection;
  if (!(current instanceof TextSelection)) return null;
  // A shadow root has its own getSelection in Chromium; elsewhere the document's is the one.
  const selection = (view.root as Partial<Document>).getSelection?.() ?? document.getSelection();
  const { anchorNode, focusNode } = selection ?? {};
  if (!selection || !anchorNode || !focusNode || !inEditableText(view, anchorNode) || !inEditableText(view, focusNode)) return null;
  let anchor: number;
  let head: number;
  try {
    // With the bias ProseMirror reads a selection with.
    anchor = view.posAtDOM(anchorNode, selection.anchorOffset, 1);
    head = view.posAtDOM(focusNode, selection.focusOffset, 1);
  } catch {
    // A node ProseMirror does not draw (a widget): keep the state's selection.
    return null;
  }
  if (anchor === current.anchor && head === current.head) return null;
  const { doc } = view.state;
  return TextSelection.between(doc.resolve(anchor), doc.resolve(head));
}

/** Inside the editor and not in a widget that is not text (someone's caret): not a place for a caret. */
function inEditableText(view: EditorView, node: Node): boolean {
  if (!view.dom.contains(node)) return false;
  const closed = (node instanceof Element ? node : node.parentElement)?.closest('[contenteditable="false"]');
  return !closed || !view.dom.contains(closed);
}

/**
 * Takes the browser's text selection into the editor state now (unreadDomSelection). A key that
 * moves focus out of the editor right after a selection (Escape to the toolbar) is handled before
 * the late `selectionchange`, which ProseMirror ignores once focus has left: the toolbar would act
 * on the old selection (the highlight going to the next typed text instead of the selected words).
 */
export function syncSelectionFromDom(view: EditorView): void {
  const selection = unreadDomSelection(view);
  if (selection) view.dispatch(view.state.tr.setSelection(selection));
}
