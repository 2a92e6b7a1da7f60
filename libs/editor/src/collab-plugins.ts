import type { Plugin } from 'prosemirror-state';
import { yCursorPlugin, ySyncPlugin, yUndoPlugin, type ProsemirrorBinding } from 'y-prosemirror';
import type { Awareness } from 'y-protocols/awareness';
import type * as Y from 'yjs';
import { keepUnreadSelectionPlugin } from './keep-unread-selection';
import { buildRemoteCursor, buildRemoteSelection } from './remote-cursor';

/** Which ProseMirror node each shared type was rendered as (y-prosemirror's binding mapping). */
export type SharedNodeMapping = ProsemirrorBinding['mapping'];

/**
 * The y-prosemirror plugins: the document bound to `fragment`, other people's cursors from
 * `awareness` (y-prosemirror writes this person's `cursor` there), and an undo history of this
 * person's own changes; a caret just placed survives others' changes (keep-unread-selection.ts).
 * With `mapping`, the view already shows `fragment` as those nodes (see shared-document-binding.ts);
 * without it, y-prosemirror renders the whole document when bound.
 */
export function buildCollabPlugins(fragment: Y.XmlFragment, awareness: Awareness, mapping?: SharedNodeMapping): Plugin[] {
  return [
    ySyncPlugin(fragment, mapping ? { mapping } : {}),
    keepUnreadSelectionPlugin(fragment),
    yCursorPlugin(awareness, { cursorBuilder: buildRemoteCursor, selectionBuilder: buildRemoteSelection }),
    yUndoPlugin(),
  ];
}
