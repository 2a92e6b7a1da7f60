import { TITLE_CHANGED_AT } from '@quire/constants';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as Y from 'yjs';

/**
 * Makes the awareness updates by which this instance says a document was renamed: one state,
 * `{ titleChangedAt }`, under a client id of the instance's own. It carries no `user`, so it is no
 * one's presence, and it expires like any awareness state. One client id for every announcement
 * (each with a higher clock and a later time) keeps it to one state per instance however often a
 * document is renamed.
 */
export class TitleAnnouncer {
  private readonly awareness = new awarenessProtocol.Awareness(new Y.Doc());
  private lastAt = 0;

  /** The update announcing a rename made at `now`; always later than the previous one. */
  announcement(now = Date.now()): Uint8Array {
    this.lastAt = Math.max(now, this.lastAt + 1);
    this.awareness.setLocalState({ [TITLE_CHANGED_AT]: this.lastAt });
    return awarenessProtocol.encodeAwarenessUpdate(this.awareness, [this.awareness.clientID]);
  }

  /** Stops the awareness's renewal timer. */
  destroy(): void {
    this.awareness.destroy();
    this.awareness.doc.destroy();
  }
}
