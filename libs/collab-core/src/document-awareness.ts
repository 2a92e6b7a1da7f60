import { decodeAwarenessUpdate, encodeAwareness, encodeAwarenessUpdate } from '@quire/protocol';
import * as awarenessProtocol from 'y-protocols/awareness';
import type * as Y from 'yjs';
import { filterAwarenessEntries } from './awareness-filter';
import type { Connection } from './connection';
import type { HubContext } from './hub-context';
import { ownBytes } from './own-bytes';
import { busOrigin, originConnection, type OriginConnection } from './transaction-origin';

/** Owner of awareness client ids introduced by other instances or by the server. */
const REMOTE_OWNER = Symbol('remote');

interface AwarenessChange {
  added: number[];
  updated: number[];
  removed: number[];
}

/** Where a {@link DocumentAwareness} sends the client ids whose states changed, and who changed them. */
export type AwarenessRelay = (clientIds: number[], from: OriginConnection | undefined) => void;

/**
 * The awareness of everyone connected to one document (y-protocols' `Awareness`; the server has
 * no state in it), and who owns each client id: the connection that introduced it, or another
 * instance or the server itself. A connection may publish only states of its own user under ids
 * nobody else owns; its states go when it leaves.
 */
export class DocumentAwareness extends awarenessProtocol.Awareness {
  // Which connection introduced each awareness client id, to remove its states when it leaves
  // ({@link REMOTE_OWNER} for states that came from another instance or the server itself).
  private readonly owners = new Map<number, OriginConnection | typeof REMOTE_OWNER>();

  constructor(
    doc: Y.Doc,
    private readonly hub: HubContext,
    private readonly relay: AwarenessRelay,
  ) {
    super(doc);
    // Its interval only expires silent clients: it must not hold the process open.
    this._checkInterval?.unref?.();
    // The server is no participant; y-protocols gives every Awareness a local state to start with.
    this.setLocalState(null);
    this.on('update', this.changed);
  }

  /**
   * Applies what a connection published, once bounded, readable and its own (see
   * {@link filterAwarenessEntries}). Throws a `ProtocolError` for a payload that is not valid.
   */
  applyFrom(connection: Connection, update: Uint8Array): void {
    const limit = this.hub.limits.maxAwarenessBytes;
    if (update.byteLength > limit) {
      connection.reject('awareness-too-large', 'Awareness update too large; closing the connection', {
        bytes: update.byteLength,
        limit,
      });
      return;
    }
    // Validates first: y-protocols' reader trusts lengths and JSON, and throws plain errors.
    const entries = decodeAwarenessUpdate(update);
    const access = connection.access;
    if (!access) {
      // Whose presence it would be is not known: nobody's.
      this.hub.metrics.rejected('awareness-no-access');
      return;
    }
    const { kept, dropped } = filterAwarenessEntries(entries, access.user, (clientId) => this.owners.get(clientId), connection);
    if (dropped.length > 0) {
      for (const reason of dropped) this.hub.metrics.rejected(`awareness-${reason}`);
      this.hub.logger.debug({ ...connection.logFields, dropped }, 'Dropped awareness states this connection may not publish');
    }
    if (kept.length === 0) return;
    const allowed = dropped.length === 0 ? ownBytes(update) : encodeAwarenessUpdate(kept);
    awarenessProtocol.applyAwarenessUpdate(this, allowed, connection.origin);
  }

  /**
   * Applies an awareness update the server itself made (an announcement): relayed to every
   * connection, and not published, because the announcer publishes it to the other instances.
   */
  applyAnnouncement(update: Uint8Array): void {
    awarenessProtocol.applyAwarenessUpdate(this, update, busOrigin);
  }

  /** Removes the states `connection` introduced, telling the others they are gone. */
  removeOwnedBy(connection: Connection): void {
    const owned: number[] = [];
    for (const [clientId, owner] of this.owners) if (owner === connection) owned.push(clientId);
    if (owned.length > 0) awarenessProtocol.removeAwarenessStates(this, owned, connection.origin);
  }

  /** Client ids whose states came from this instance's own connections. */
  *localClients(): Iterable<number> {
    for (const [clientId, owner] of this.owners) if (owner !== REMOTE_OWNER) yield clientId;
  }

  /** Every state, as one awareness message: what a joiner, or a `query-awareness`, gets. */
  encodeAll(): Uint8Array {
    return encodeAwareness(awarenessProtocol.encodeAwarenessUpdate(this, [...this.getStates().keys()]));
  }

  override destroy(): void {
    // Destroying removes the (absent) local state, which is no change anyone needs to hear about.
    this.off('update', this.changed);
    super.destroy();
  }

  private readonly changed = (change: AwarenessChange, origin: unknown): void => {
    const from = originConnection(origin);
    // States from other instances and the server's own (announcements) belong to no connection
    // here, and none may take their client ids over.
    const owner = from ?? REMOTE_OWNER;
    for (const clientId of [...change.added, ...change.updated]) this.owners.set(clientId, owner);
    for (const clientId of change.removed) this.owners.delete(clientId);
    const changed = [...change.added, ...change.updated, ...change.removed];
    if (changed.length === 0) return;
    this.relay(changed, from);
  };
}
