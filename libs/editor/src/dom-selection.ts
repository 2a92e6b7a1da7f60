import { TextSelection } from 'prosemirror-state';
import type { EditorView } from 'prosemirror-view';

/**
 * Takes the browser's text selection into the editor state now, when ProseMirror has not read it
 * yet. ProseMirror learns of a selection made with the keyboard (Shift+Home) from the
 * `selectionchange` event, which the browser queues behind input: on a busy machine, a key that
 * moves focus out of the editor right after (Escape to the toolbar) is handled first, and once
 * focus has left, ProseMirror ignores the late event. The toolbar would then act on the old
 * selection (the highlight going to the next typed text instead of the selected words).
 * Only text selections are taken; node and cell selections are ProseMirror's own.
 */
export function syncSelectionFromDom(view: EditorView): void {
  const current = view.state.selection;
  if (!(current instanceof TextSelection)) return;
  // A shadow root has its own getSelection in Chromium; elsewhere the document's is the one.
  const selection = (view.root as Partial<Document>).getSelection?.() ?? document.getSelection();
  const { anchorNode, focusNode } = selection ?? {};
  if (!selection || !anchorNode || !focusNode || !view.dom.contains(anchorNode) || !view.dom.contains(focusNode)) return;
  let anchor: number;
  let head: number;
  try {
    anchor = view.posAtDOM(anchorNode, selection.anchorOffset);
    head = view.posAtDOM(focusNode, selection.focusOffset);
  } catch {
    // A node ProseMirror does not draw (a widget): keep the state's selection.
    return;
  }
  if (anchor === current.anchor && head === current.head) return;
  const { doc } = view.state;
  view.dispatch(view.state.tr.setSelection(TextSelection.between(doc.resolve(anchor), doc.resolve(head))));
}
