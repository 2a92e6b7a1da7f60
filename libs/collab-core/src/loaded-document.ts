import { CloseCode } from '@quire/constants';
import {
  checkUpdate,
  decodeAwarenessUpdate,
  decodeMessage,
  encodeAuthDenied,
  encodeAwareness,
  encodeAwarenessUpdate,
  encodeSyncStep1,
  encodeSyncStep2,
  ProtocolError,
} from '@quire/protocol';
import type { StoredDocument } from '@quire/storage';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as Y from 'yjs';
import { READ_ONLY_REASON } from './access';
import { filterAwarenessEntries } from './awareness-filter';
import { BusLink } from './bus-link';
import { Outbox } from './outbox';
import { Compactor } from './compaction';
import { refuseUnsafeLinks } from './content-policy';
import type { Connection } from './connection';
import type { HubContext } from './hub-context';
import { clearPending, hasPending } from './pending';
import { deriveTitle } from './title';
import { busOrigin, originConnection, storeOrigin, updatePolicy, type OriginConnection } from './transaction-origin';
import { WriteQueue, type QueuedUpdate } from './write-queue';

/** Owner of awareness client ids introduced by other instances or by the server. */
const REMOTE_OWNER = Symbol('remote');

interface AwarenessChange {
  added: number[];
  updated: number[];
  removed: number[];
}

/**
 * A document in memory: its Y.Doc and Awareness, the connections attached to it, and its write
 * queue. Applies what clients send with their origin; what the doc emits is stored, then relayed.
 */
export class LoadedDocument {
  private readonly connections = new Set<Connection>();
  private readonly writes: WriteQueue;
  private readonly compactor: Compactor;
  private readonly outbox: Outbox;
  // Which connection introduced each awareness client id, to remove its states when it leaves
  // ({@link REMOTE_OWNER} for states that came from another instance or the server itself).
  private readonly awarenessOwners = new Map<number, OriginConnection | typeof REMOTE_OWNER>();
  // Viewers already told that their edits are dropped; told once, not per keystroke.
  private readonly toldReadOnly = new WeakSet<Connection>();
  private destroyed = false;
  private cachedFullState: Uint8Array | undefined;

  /**
   * Reads a document from the store into a fresh Y.Doc. Rejects, keeping nothing, if the store
   * fails or the stored updates do not form a complete document.
   */
  static async load(id: string, hub: HubContext, onGone: () => void): Promise<LoadedDocument> {
    const stored = await hub.store.load(id);
    const doc = new Y.Doc();
    try {
      doc.transact(() => {
        for (const update of stored.updates) Y.applyUpdate(doc, update, storeOrigin);
      }, storeOrigin);
      if (hasPending(doc)) {
        // Serving it would blame the next client for the gap and could store over a repairable log.
        throw new Error(`Stored updates of document ${id} depend on updates that are not stored`);
      }
    } catch (error) {
      doc.destroy();
      throw error;
    }
    return new LoadedDocument(id, doc, hub, stored, onGone);
  }

  /** The awareness of everyone connected; the server itself has no state in it. */
  readonly awareness: awarenessProtocol.Awareness;
  /** This document's side of the bus: what other instances send, and what this one publishes. */
  readonly bus: BusLink;

  private constructor(
    readonly id: string,
    readonly doc: Y.Doc,
    private readonly hub: HubContext,
    stored: StoredDocument,
    onGone: () => void,
  ) {
    this.awareness = new awarenessProtocol.Awareness(doc);
    // Its interval only expires silent clients: it must not hold the process open.
    this.awareness._checkInterval?.unref?.();
    // The server is no participant; y-protocols gives every Awareness a local state to start with.
    this.awareness.setLocalState(null);
    this.bus = new BusLink({
      hub,
      documentId: id,
      doc,
      awareness: this.awareness,
      localAwarenessClients: () => this.localAwarenessClients(),
      relay: (update) => {
        this.cachedFullState = undefined;
        this.outbox.addUpdate(update, undefined);
      },
    });
    this.outbox = new Outbox({
      connections: () => this.connections,
      awareness: this.awareness,
      metrics: hub.metrics,
      publishLocalAwareness: (update, setClients) => this.bus.publishAwareness(update, setClients),
    });
    this.writes = new WriteQueue({
      hub,
      documentId: id,
      title: () => {
        this.bus.settle();
        return deriveTitle(doc);
      },
      onGone,
      onCommitted: (batch, storedBatch) => {
        // Dropped (deleted) while the batch was being stored: its connections are gone.
        if (this.destroyed) return;
        // Stored: now the other instances may have it too.
        if (storedBatch) this.bus.publishStored(storedBatch.updates);
        this.relay(batch);
        if (storedBatch) this.compactor.recordAppend(storedBatch.updates, storedBatch.lastSeq);
      },
    });
    this.compactor = new Compactor(
      {
        store: hub.store,
        documentId: id,
        logger: hub.logger,
        limits: hub.compaction,
        snapshotWith: (rows) => (this.bus.applyStored(rows.updates) ? Y.encodeStateAsUpdate(doc) : undefined),
      },
      stored,
    );
    doc.on('update', this.onDocUpdate);
    this.awareness.on('update', this.onAwarenessUpdate);
  }

  /** Starts serving a connection: sync step 1, the awareness states, then its buffered frames. */
  attach(connection: Connection): void {
    if (!connection.isOpen) return;
    if (this.connections.size >= this.hub.limits.maxConnectionsPerDocument) {
      connection.reject('too-many-connections', 'Document has as many connections as allowed; refusing another', {
        limit: this.hub.limits.maxConnectionsPerDocument,
      });
      return;
    }
    if (connection.access?.guest && this.guestCount() >= this.hub.limits.maxGuestConnectionsPerDocument) {
      connection.reject('too-many-guests', 'Document has as many guest connections as allowed; refusing another', {
        limit: this.hub.limits.maxGuestConnectionsPerDocument,
      });
      return;
    }
    this.connections.add(connection);
    this.bus.settle();
    this.send(connection, 'sync-step-1', encodeSyncStep1(Y.encodeStateVector(this.doc)));
    if (this.awareness.getStates().size > 0) this.send(connection, 'awareness', this.allAwarenessStates());
    connection.activate(this.handleFrame);
  }

  private *localAwarenessClients(): Iterable<number> {
    for (const [clientId, owner] of this.awarenessOwners) if (owner !== REMOTE_OWNER) yield clientId;
  }

  private guestCount(): number {
    let guests = 0;
    for (const connection of this.connections) if (connection.access?.guest) guests++;
    return guests;
  }

  /**
   * Applies an awareness update the server itself made (an announcement): relayed to every
   * connection, and not published, because the announcer publishes it to the other instances.
   */
  applyAnnouncement(update: Uint8Array): void {
    awarenessProtocol.applyAwarenessUpdate(this.awareness, update, busOrigin);
  }

  /** Stops serving a connection and tells the others that its awareness states are gone. */
  detach(connection: Connection): void {
    if (!this.connections.delete(connection)) return;
    const owned: number[] = [];
    for (const [clientId, owner] of this.awarenessOwners) if (owner === connection) owned.push(clientId);
    if (owned.length > 0) awarenessProtocol.removeAwarenessStates(this.awareness, owned, connection.origin);
  }

  /** Calls `callback` once everything applied so far is stored and relayed (at once if it is). */
  afterCommitted(callback: () => void): void {
    this.writes.afterCommitted(callback);
  }

  /** Resolves once everything applied so far is stored and relayed, and no compaction is running. */
  async flush(): Promise<void> {
    await this.writes.whenCommitted();
    this.outbox.flush();
    await this.compactor.whenIdle();
  }

  /** Frees the Y.Doc and Awareness; only once nothing is attached and nothing waits to be stored. */
  destroy(): void {
    if (this.destroyed) return;
    this.destroyed = true;
    // Awareness removals still queued must reach the other instances.
    this.outbox.flush();
    this.bus.stop();
    this.doc.off('update', this.onDocUpdate);
    this.awareness.off('update', this.onAwarenessUpdate);
    this.awareness.destroy();
    this.doc.destroy();
  }

  private readonly handleFrame = (connection: Connection, data: Uint8Array, isBinary: boolean): void => {
    try {
      if (!isBinary) {
        connection.reject('text-frame', 'Text frame received; closing the connection', {}, CloseCode.UnsupportedData);
        return;
      }
      const message = decodeMessage(data);
      this.hub.metrics.messageReceived(message.type, data.byteLength);
      switch (message.type) {
        case 'sync-step-1':
          this.answerSyncStep1(connection, message.stateVector);
          return;
        case 'sync-step-2':
        case 'update':
          if (connection.canWrite) this.applyClientUpdate(connection, message.update);
          // Every client answers the server's step 1 with a step 2, a viewer too: only a live edit
          // means the person tried to change something.
          else if (message.type === 'update') this.dropReadOnlyUpdate(connection);
          return;
        case 'awareness':
          this.applyAwareness(connection, message.update);
          return;
        case 'query-awareness':
          this.send(connection, 'awareness', this.allAwarenessStates());
          return;
        case 'auth-denied':
          // Only servers deny; a client sending it is odd but harmless, as in y-websocket.
          this.hub.logger.debug(connection.logFields, 'Ignoring an auth message from a client');
          return;
      }
    } catch (error) {
      if (error instanceof ProtocolError) {
        connection.reject(error.reason, `Malformed frame: ${error.message}`, {}, CloseCode.ProtocolError);
      } else {
        this.hub.logger.error({ ...connection.logFields, err: error }, 'Unexpected error handling a message');
        connection.close(CloseCode.InternalError, 'internal error');
      }
    }
  };

  private answerSyncStep1(connection: Connection, stateVector: Uint8Array): void {
    this.bus.settle();
    let reply: Uint8Array;
    try {
      reply = isEmptyStateVector(stateVector) ? this.fullStateReply() : encodeSyncStep2(Y.encodeStateAsUpdate(this.doc, ownBytes(stateVector)));
    } catch (error) {
      this.refuse(connection, 'bad-state-vector', 'Unreadable state vector', error);
      return;
    }
    // Encoded now, sent once what it contains is stored: a reply never carries uncommitted data.
    this.writes.afterCommitted(() => this.send(connection, 'sync-step-2', reply));
  }

  /**
   * The whole document as a sync step 2, for joiners that have nothing: encoded once per version
   * of the document, not once per joiner (a hundred joiners of a large document would otherwise
   * each cost a full encode).
   */
  private fullStateReply(): Uint8Array {
    this.cachedFullState ??= encodeSyncStep2(Y.encodeStateAsUpdate(this.doc));
    return this.cachedFullState;
  }

  private applyClientUpdate(connection: Connection, update: Uint8Array): void {
    const { health, limits } = this.hub;
    try {
      // Yjs trusts the counts an update declares: a few bytes claiming millions of structs would
      // block the event loop for a second. Walk the grammar first, in time linear in its length.
      checkUpdate(update, { maxStructs: limits.maxUpdateStructs, checkFormat: refuseUnsafeLinks });
    } catch (error) {
      if (error instanceof ProtocolError && error.reason === 'update-too-complex') {
        connection.reject(error.reason, `Update refused: ${error.message}`, {}, CloseCode.MessageTooBig);
        return;
      }
      if (error instanceof ProtocolError && error.reason === 'refused-content') {
        connection.reject(error.reason, `Update refused: ${error.message}`, {}, CloseCode.UnsupportedData);
        return;
      }
      throw error; // malformed: handleFrame closes with 1002
    }
    if (health.wouldOverflow(update.byteLength)) {
      // Not applied: the client keeps the edit and sends it again when it reconnects.
      connection.reject(
        'backlog-full',
        'Too many updates wait for the store; closing the connection so its client holds its edits',
        { backlogBytes: health.backlogBytes, limit: health.maxBacklogBytes },
        CloseCode.TryAgainLater,
      );
      return;
    }
    if (this.compactor.storedBytes + update.byteLength > limits.maxDocumentBytes) {
      connection.reject(
        'document-too-large',
        'Update would make the document larger than allowed; closing the connection',
        { storedBytes: this.compactor.storedBytes, limit: limits.maxDocumentBytes },
        CloseCode.MessageTooBig,
      );
      return;
    }
    // The client may have built on updates from the bus that it was sent but the doc has not applied.
    this.bus.settle();
    try {
      Y.applyUpdate(this.doc, ownBytes(update), connection.origin);
    } catch (error) {
      clearPending(this.doc);
      this.refuse(connection, 'bad-update', 'Update could not be applied', error);
      return;
    }
    if (hasPending(this.doc)) {
      // A gap: it depends on updates the server never received. Keeping the remainder pending
      // would let a later update complete it without that ever being stored or relayed by itself.
      clearPending(this.doc);
      this.refuse(connection, 'update-gap', 'Update depends on updates the server does not have');
    }
  }

  private applyAwareness(connection: Connection, update: Uint8Array): void {
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
    const { kept, dropped } = filterAwarenessEntries(entries, access.user, (clientId) => this.awarenessOwners.get(clientId), connection);
    if (dropped.length > 0) {
      for (const reason of dropped) this.hub.metrics.rejected(`awareness-${reason}`);
      this.hub.logger.debug({ ...connection.logFields, dropped }, 'Dropped awareness states this connection may not publish');
    }
    if (kept.length === 0) return;
    const allowed = dropped.length === 0 ? ownBytes(update) : encodeAwarenessUpdate(kept);
    awarenessProtocol.applyAwarenessUpdate(this.awareness, allowed, connection.origin);
  }

  /** Drops a viewer's update, telling the client once why its edits go nowhere. */
  private dropReadOnlyUpdate(connection: Connection): void {
    this.hub.metrics.rejected('read-only');
    if (this.toldReadOnly.has(connection)) return;
    this.toldReadOnly.add(connection);
    this.hub.logger.debug(connection.logFields, 'Dropped an update from a read-only connection');
    connection.send(encodeAuthDenied(READ_ONLY_REASON));
  }

  private refuse(connection: Connection, reason: string, message: string, error?: unknown): void {
    connection.reject(reason, `${message}; closing the connection`, error === undefined ? {} : { err: error }, CloseCode.UnsupportedData);
  }

  private readonly onDocUpdate = (update: Uint8Array, origin: unknown): void => {
    this.cachedFullState = undefined;
    const policy = updatePolicy(origin);
    if (!policy.store && !policy.relay) return;
    this.writes.enqueue({ update, origin, store: policy.store, appliedAt: performance.now() });
  };

  // Runs once a batch is durable; the outbox sends it at the end of the turn, merged with the rest.
  private relay(batch: readonly QueuedUpdate[]): void {
    const now = performance.now();
    for (const entry of batch) {
      if (!updatePolicy(entry.origin).relay) continue;
      this.outbox.addUpdate(entry.update, originConnection(entry.origin));
      this.hub.metrics.relayed((now - entry.appliedAt) / 1000);
    }
  }

  private readonly onAwarenessUpdate = (change: AwarenessChange, origin: unknown): void => {
    const from = originConnection(origin);
    // States from other instances and the server's own (announcements) belong to no connection
    // here, and none may take their client ids over.
    const owner = from ?? REMOTE_OWNER;
    for (const clientId of [...change.added, ...change.updated]) this.awarenessOwners.set(clientId, owner);
    for (const clientId of change.removed) this.awarenessOwners.delete(clientId);
    const changed = [...change.added, ...change.updated, ...change.removed];
    if (changed.length === 0) return;
    // Only this instance's clients' changes go to the bus: the bus's own, and timeouts, every
    // instance sees for itself.
    this.outbox.addAwareness(changed, from);
  };

  private send(connection: Connection, type: 'sync-step-1' | 'sync-step-2' | 'awareness', frame: Uint8Array): void {
    connection.send(frame);
    this.hub.metrics.messagesSent(type, frame.byteLength, 1);
  }

  private allAwarenessStates(): Uint8Array {
    const clients = [...this.awareness.getStates().keys()];
    return encodeAwareness(awarenessProtocol.encodeAwarenessUpdate(this.awareness, clients));
  }
}

/**
 * A copy in its own buffer. Payloads are views into the frame, and the frame may be a view into a
 * larger pooled buffer: lib0's readers trust lengths, so a lying length inside an update would
 * read neighbouring memory. In a buffer of its own it throws instead. Content Yjs keeps as views
 * (binary content) also must not alias memory the transport reuses. `new Uint8Array` copies even
 * a Buffer, whose `slice` would not.
 */
/** A state vector with no clients: what a client that has nothing sends. */
function isEmptyStateVector(stateVector: Uint8Array): boolean {
  return stateVector.length === 1 && stateVector[0] === 0;
}

function ownBytes(view: Uint8Array): Uint8Array {
  return new Uint8Array(view);
}
