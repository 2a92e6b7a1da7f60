import { TITLE_CHANGED_AT } from '@quire/constants';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as Y from 'yjs';

/**
 * An awareness update that says the document was renamed at `at`: one state, `{ titleChangedAt }`,
 * under a client id never used before, so that every page takes it as news (a reused id would need
 * a higher clock than the last announcement's). It carries no `user`, so it is no one's presence,
 * and it expires like any awareness state.
 */
export function encodeTitleAnnouncement(at: number): Uint8Array {
  const doc = new Y.Doc();
  const awareness = new awarenessProtocol.Awareness(doc);
  try {
    awareness.setLocalState({ [TITLE_CHANGED_AT]: at });
    return awarenessProtocol.encodeAwarenessUpdate(awareness, [doc.clientID]);
  } finally {
    awareness.destroy();
    doc.destroy();
  }
}
