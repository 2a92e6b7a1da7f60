import { CloseCode } from '@quire/constants';
import { checkUpdate, encodeAuthDenied, ProtocolError } from '@quire/protocol';
import { READ_ONLY_REASON } from './access';
import type { Connection } from './connection';
import { refuseUnsafeLinks } from './content-policy';
import type { HubContext } from './hub-context';

/**
 * What one document lets in: connections up to its limits (and a bounded share of guests), and
 * client updates from writers that are well formed, bounded, free of refused content, and fit
 * both the store's backlog and the document's size. What it refuses closes the connection, with
 * one log line and one metric, except a viewer's edit, which is dropped.
 */
export class DocumentRules {
  // Viewers already told that their edits are dropped; told once, not per keystroke.
  private readonly toldReadOnly = new WeakSet<Connection>();

  constructor(private readonly hub: HubContext) {}

  /** True when `connection` may join `connections`; otherwise it is closed (1008). */
  mayAttach(connection: Connection, connections: ReadonlySet<Connection>): boolean {
    const { limits } = this.hub;
    if (connections.size >= limits.maxConnectionsPerDocument) {
      connection.reject('too-many-connections', 'Document has as many connections as allowed; refusing another', {
        limit: limits.maxConnectionsPerDocument,
      });
      return false;
    }
    if (connection.access?.guest && guestCount(connections) >= limits.maxGuestConnectionsPerDocument) {
      connection.reject('too-many-guests', 'Document has as many guest connections as allowed; refusing another', {
        limit: limits.maxGuestConnectionsPerDocument,
      });
      return false;
    }
    return true;
  }

  /**
   * True when `update` from `connection` may be applied, to a document whose stored log has
   * `storedBytes`. `live` is false for a sync step 2: every client answers the server's step 1
   * with one, a viewer too, so only a live edit means the person tried to change something.
   * Throws a `ProtocolError` for an update that is not well formed.
   */
  mayApply(connection: Connection, update: Uint8Array, storedBytes: number, live: boolean): boolean {
    if (!connection.canWrite) {
      if (live) this.dropReadOnlyUpdate(connection);
      return false;
    }
    const { health, limits } = this.hub;
    try {
      // Yjs trusts the counts an update declares: a few bytes claiming millions of structs would
      // block the event loop for a second. Walk the grammar first, in time linear in its length.
      checkUpdate(update, { maxStructs: limits.maxUpdateStructs, checkFormat: refuseUnsafeLinks });
    } catch (error) {
      if (error instanceof ProtocolError && error.reason === 'update-too-complex') {
        connection.reject(error.reason, `Update refused: ${error.message}`, {}, CloseCode.MessageTooBig);
        return false;
      }
      if (error instanceof ProtocolError && error.reason === 'refused-content') {
        connection.reject(error.reason, `Update refused: ${error.message}`, {}, CloseCode.UnsupportedData);
        return false;
      }
      throw error; // malformed: the receiver closes with 1002
    }
    if (health.wouldOverflow(update.byteLength)) {
      // Not applied: the client keeps the edit and sends it again when it reconnects.
      connection.reject(
        'backlog-full',
        'Too many updates wait for the store; closing the connection so its client holds its edits',
        { backlogBytes: health.backlogBytes, limit: health.maxBacklogBytes },
        CloseCode.TryAgainLater,
      );
      return false;
    }
    if (storedBytes + update.byteLength > limits.maxDocumentBytes) {
      connection.reject(
        'document-too-large',
        'Update would make the document larger than allowed; closing the connection',
        { storedBytes, limit: limits.maxDocumentBytes },
        CloseCode.MessageTooBig,
      );
      return false;
    }
    return true;
  }

  /** Drops a viewer's update, telling the client once why its edits go nowhere. */
  private dropReadOnlyUpdate(connection: Connection): void {
    this.hub.metrics.rejected('read-only');
    if (this.toldReadOnly.has(connection)) return;
    this.toldReadOnly.add(connection);
    this.hub.logger.debug(connection.logFields, 'Dropped an update from a read-only connection');
    connection.send(encodeAuthDenied(READ_ONLY_REASON));
  }
}

function guestCount(connections: ReadonlySet<Connection>): number {
  let guests = 0;
  for (const connection of connections) if (connection.access?.guest) guests++;
  return guests;
}
