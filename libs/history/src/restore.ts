import { PROSEMIRROR_FRAGMENT } from '@quire/constants';
import type { Node } from 'prosemirror-model';
import { updateYFragment } from 'y-prosemirror';
import * as Y from 'yjs';

/** The one change that makes a document's content equal to a version's, and the Yjs client id it carries. */
export interface RestoreChange {
  readonly update: Uint8Array;
  readonly clientId: number;
}

/**
 * The update that makes `current`'s `prosemirror` fragment hold `target`, computed as the editor
 * computes an edit (y-prosemirror's `updateYFragment`): blocks that are equal stay as they are and
 * text is changed by a minimal diff, so that someone typing in a paragraph the restore does not
 * touch loses nothing. Computed on a copy with a client id of its own, which is how the change is
 * told apart from everyone's edits (and attributed to who restored). `undefined` when the content
 * is equal already. `current` itself is not changed: apply the update to it.
 */
export function restoreChange(current: Y.Doc, target: Node): RestoreChange | undefined {
  const copy = new Y.Doc({ guid: current.guid });
  try {
    Y.applyUpdate(copy, Y.encodeStateAsUpdate(current));
    let update: Uint8Array | undefined;
    copy.on('update', (emitted: Uint8Array) => {
      update = emitted;
    });
    copy.transact(() => {
      updateYFragment(copy, copy.getXmlFragment(PROSEMIRROR_FRAGMENT), target, { mapping: new Map(), isOMark: new Map() });
    });
    return update && { update, clientId: copy.clientID };
  } finally {
    copy.destroy();
  }
}
