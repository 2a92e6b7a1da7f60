import type { Plugin } from 'prosemirror-state';
import { yCursorPlugin, ySyncPlugin, yUndoPlugin } from 'y-prosemirror';
import type { Awareness } from 'y-protocols/awareness';
import type * as Y from 'yjs';
import { buildRemoteCursor, buildRemoteSelection } from './remote-cursor';

/**
 * The y-prosemirror plugins: the document bound to `fragment`, other people's cursors from
 * `awareness` (y-prosemirror writes this person's `cursor` there), and an undo history of this
 * person's own changes.
 */
export function buildCollabPlugins(fragment: Y.XmlFragment, awareness: Awareness): Plugin[] {
  return [
    ySyncPlugin(fragment),
    yCursorPlugin(awareness, { cursorBuilder: buildRemoteCursor, selectionBuilder: buildRemoteSelection }),
    yUndoPlugin(),
  ];
}
