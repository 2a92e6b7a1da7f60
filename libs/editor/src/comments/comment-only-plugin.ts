import { Plugin, type Transaction } from 'prosemirror-state';
import { ySyncPluginKey } from 'y-prosemirror';

/** Whether a content change came from the shared document (others' edits, the server's marks). */
const fromSharedDocument = (tr: Transaction) => (tr.getMeta(ySyncPluginKey) as { isChangeOrigin?: boolean } | undefined)?.isChangeOrigin === true;

const refuse = (_view: unknown, event: Event) => {
  event.preventDefault();
  return true;
};

/**
 * For someone who may comment but not edit (the commenter role): the editor takes the focus, the
 * caret and keyboard selection (Shift+arrows), so text can be chosen without a mouse, but no change
 * of theirs reaches the content: typing, deleting, pasting, dropping and cutting are stopped before
 * the browser touches the page, and any other command's change is filtered out. Changes from the
 * shared document still apply. (The server refuses a commenter's updates anyway; this keeps the
 * page from showing text that was never kept.) `active` is read on every event, so the same
 * editor follows a role that changes while it is open.
 */
export function commentOnlyPlugin(active: () => boolean): Plugin {
  const when =
    (handler: (view: unknown, event: Event) => boolean) =>
    (view: unknown, event: Event): boolean =>
      active() ? handler(view, event) : false;
  return new Plugin({
    filterTransaction: (tr) => !active() || !tr.docChanged || fromSharedDocument(tr),
    props: {
      handleDOMEvents: {
        beforeinput: when(refuse),
        paste: when(refuse),
        drop: when(refuse),
        cut: when(refuse),
      },
    },
  });
}
