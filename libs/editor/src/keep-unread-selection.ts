import { EditorState, Plugin } from 'prosemirror-state';
import type { EditorView } from 'prosemirror-view';
import { getRelativeSelection, ySyncPluginKey } from 'y-prosemirror';
import type * as Y from 'yjs';
import { unreadDomSelection } from './dom-selection';

/**
 * Keeps a caret the person has just placed when something from elsewhere arrives first. A click or
 * an arrow key moves the browser's selection at once, but ProseMirror reads it only on
 * `selectionchange`, which the browser queues behind other tasks (dom-selection.ts). Anything drawn
 * in between writes the editor state's selection back to the page: the caret jumps back, and the
 * next keys land where it was before. Two things from elsewhere draw:
 * - someone else's change: y-prosemirror remembers the selection before it (its
 *   `beforeAllTransactions`, in positions relative to the shared document) and puts it back after;
 *   here the remembered one is the browser's, when that differs. This plugin must come after
 *   ySyncPlugin, so that its listener runs after y-prosemirror's;
 * - a transaction that changes neither the document nor the selection (someone's cursor moved, a
 *   comment highlight): the browser's selection is added to it.
 * Only while the editor has focus: then ProseMirror keeps the page's selection equal to the state's,
 * and a difference is the person's. Without focus, a selection set from a panel (find's next
 * match) is not on the page yet, and must not be undone.
 */
export function keepUnreadSelectionPlugin(fragment: Y.XmlFragment): Plugin {
  let boundView: EditorView | null = null;
  const unread = () => (boundView && !boundView.isDestroyed && boundView.hasFocus() && !boundView.composing ? unreadDomSelection(boundView) : null);
  return new Plugin({
    appendTransaction: (transactions, _old, state) => {
      if (transactions.some((tr) => tr.docChanged || tr.selectionSet || tr.storedMarksSet)) return null;
      const selection = unread();
      return selection ? state.tr.setSelection(selection) : null;
    },
    view: (view) => {
      boundView = view;
      const doc = fragment.doc;
      const remember = () => {
        // Yjs opens the transaction before this event: a local one is the page's own change.
        if (doc?._transaction?.local !== false) return;
        const binding = ySyncPluginKey.getState(view.state)?.binding;
        const selection = binding ? unread() : null;
        if (!binding || !selection) return;
        binding.beforeTransactionSelection = getRelativeSelection(binding, EditorState.create({ doc: view.state.doc, selection }));
      };
      doc?.on('beforeAllTransactions', remember);
      return {
        destroy: () => {
          doc?.off('beforeAllTransactions', remember);
          boundView = null;
        },
      };
    },
  });
}
