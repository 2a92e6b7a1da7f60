import { CloseCode } from '@quire/constants';
import { encodeSyncStep1 } from '@quire/protocol';
import { StorageError, type StoredDocument } from '@quire/storage';
import * as Y from 'yjs';
import { BusLink } from './bus-link';
import { Compactor } from './compaction';
import type { Connection } from './connection';
import { DocumentAuthorship } from './document-authorship';
import { DocumentAwareness } from './document-awareness';
import { DocumentRules } from './document-rules';
import { DocumentState } from './document-state';
import type { HubContext } from './hub-context';
import { MessageReceiver, type MessageTarget } from './message-receiver';
import { Outbox } from './outbox';
import { acknowledgeBatch, claimFor, type StoredAckClaim } from './stored-acks';
import { deriveTitle } from './title';
import { isTransactionOrigin, originAuthor, originConnection, serverOrigin, updatePolicy } from './transaction-origin';
import type { VersionSchedule } from './version-schedule';
import { WriteQueue, type QueuedUpdate, type StoredBatch } from './write-queue';

/** What {@link LoadedDocument.applyServerChange} resolves with. */
export interface ServerChange {
  /** The whole state just before the change, and just after it (`Y.encodeStateAsUpdate`). */
  readonly before: Uint8Array;
  readonly after: Uint8Array;
  /** The seq of the change's own row in the update log; `undefined` when there was nothing to change. */
  readonly seq: number | undefined;
}

/**
 * A document in memory: its state (the Y.Doc, private), its awareness, the connections attached
 * to it, and the one write path every update takes: the doc emits it, the write queue stores it
 * if its origin asks for it, and once stored it is published on the bus and relayed. Frames reach
 * it through its {@link MessageReceiver}; what it accepts is decided by its {@link DocumentRules}.
 */
export class LoadedDocument implements MessageTarget {
  private readonly connections = new Set<Connection>();
  private readonly state: DocumentState;
  private readonly rules: DocumentRules;
  private readonly receiver: MessageReceiver;
  private readonly outbox: Outbox;
  private readonly writes: WriteQueue;
  private readonly compactor: Compactor;
  private readonly authorship = new DocumentAuthorship();
  private readonly versions: VersionSchedule | undefined;
  /** Receives the seq of the server change being applied, once its append of its own is durable. */
  private serverChangeSettled: ((seq: number | undefined) => void) | undefined;
  private destroyed = false;
  /** The frame of an acknowledging connection being applied, and whether the doc emitted an update for it. */
  private applying: { readonly connection: Connection; readonly frame: number; claimed: boolean } | undefined;

  /**
   * Reads a document from the store into a fresh Y.Doc. Rejects, keeping nothing, if the store
   * fails or the stored updates do not form a complete document.
   */
  static async load(id: string, hub: HubContext, onGone: () => void): Promise<LoadedDocument> {
    const stored = await hub.store.load(id);
    return new LoadedDocument(id, hub, stored, DocumentState.read(id, stored.updates), onGone);
  }

  /** The awareness of everyone connected; the server itself has no state in it. */
  readonly awareness: DocumentAwareness;
  /** This document's side of the bus: what other instances send, and what this one publishes. */
  readonly bus: BusLink;

  private constructor(
    readonly id: string,
    private readonly hub: HubContext,
    stored: StoredDocument,
    doc: Y.Doc,
    onGone: () => void,
  ) {
    this.state = new DocumentState(id, doc, hub.logger, {
      onUpdate: this.enqueue,
      onMissingUpdates: () => this.bus.catchUp(),
    });
    this.rules = new DocumentRules(hub);
    this.receiver = new MessageReceiver(this, hub);
    // Only this instance's clients' changes go to the bus: the bus's own, and timeouts, every
    // instance sees for itself.
    this.awareness = new DocumentAwareness(doc, hub, (clientIds, from) => this.outbox.addAwareness(clientIds, from));
    this.outbox = new Outbox({
      connections: this.connections,
      awareness: this.awareness,
      metrics: hub.metrics,
      publishLocalAwareness: (update, setClients) => this.bus.publishAwareness(update, setClients),
    });
    this.bus = new BusLink({
      hub,
      documentId: id,
      state: this.state,
      awareness: this.awareness,
      outbox: this.outbox,
      onRemoteEdit: () => this.versions?.noteEdit(),
    });
    this.writes = new WriteQueue({
      hub,
      documentId: id,
      title: () => deriveTitle(this.state.doc),
      onGone,
      onCommitted: this.committed,
    });
    this.compactor = new Compactor(
      {
        store: hub.store,
        documentId: id,
        logger: hub.logger,
        limits: hub.compaction,
        snapshotWith: (rows) => this.state.snapshotWith(rows.updates),
      },
      stored,
    );
    this.versions = hub.versions?.schedule(id);
    if (this.versions) hub.versions?.checkLoaded(id, stored.lastSeq, this.versions);
  }

  /** Starts serving a connection: sync step 1, the awareness states, then its buffered frames. */
  attach(connection: Connection): void {
    if (!connection.isOpen || !this.rules.mayAttach(connection, this.connections)) return;
    this.connections.add(connection);
    this.send(connection, 'sync-step-1', encodeSyncStep1(Y.encodeStateVector(this.state.doc)));
    if (this.awareness.getStates().size > 0) this.send(connection, 'awareness', this.awareness.encodeAll());
    connection.activate(this.receiver.receive);
  }

  /** Stops serving a connection and tells the others that its awareness states are gone. */
  detach(connection: Connection): void {
    if (this.connections.delete(connection)) this.awareness.removeOwnedBy(connection);
  }

  /**
   * Applies an awareness update the server itself made (an announcement): relayed to every
   * connection, and not published, because the announcer publishes it to the other instances.
   */
  applyAnnouncement(update: Uint8Array): void {
    this.awareness.applyAnnouncement(update);
  }

  /** The document as it stands, with everything from the bus applied; read it, do not keep it. */
  get doc(): Y.Doc {
    return this.state.doc;
  }

  answerSyncStep1(connection: Connection, stateVector: Uint8Array): void {
    let reply: Uint8Array;
    try {
      reply = this.state.syncStep2(stateVector);
    } catch (error) {
      this.refuse(connection, 'bad-state-vector', 'Unreadable state vector', error);
      return;
    }
    // Encoded now, sent once what it contains is stored: a reply never carries uncommitted data.
    this.writes.afterCommitted(() => this.send(connection, 'sync-step-2', reply));
  }

  applyClientUpdate(connection: Connection, update: Uint8Array, live: boolean): void {
    // Numbered before anything may drop it: the client numbers every update frame it sends.
    const frame = connection.countUpdateFrame();
    if (!this.rules.mayApply(connection, update, this.compactor.storedBytes, live)) return;
    let complete: boolean;
    const applying = connection.acknowledges ? { connection, frame, claimed: false } : undefined;
    this.applying = applying;
    try {
      complete = this.state.applyClientUpdate(update, connection.origin);
    } catch (error) {
      this.refuse(connection, 'bad-update', 'Update could not be applied', error);
      return;
    } finally {
      this.applying = undefined;
    }
    if (!complete) {
      this.refuse(connection, 'update-gap', 'Update depends on updates the server does not have');
      return;
    }
    // Nothing new in it (the doc emitted no update): stored as soon as what came before it is.
    if (applying && !applying.claimed) this.writes.afterCommitted(() => connection.acknowledgeStored(frame, new Map()));
  }

  applyAwareness(connection: Connection, update: Uint8Array): void {
    this.awareness.applyFrom(connection, update);
  }

  sendAwarenessStates(connection: Connection): void {
    this.send(connection, 'awareness', this.awareness.encodeAll());
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

  /**
   * Applies a change the server computes from the document as it stands (a restore), on behalf of
   * `author`: appended alone, then published and relayed to every connection like a client's
   * update. `compute` gets the doc and returns the update, or `undefined` for no change. Resolves,
   * once this instance's sockets have been handed the change, with the states before and after it
   * and the seq of its row (none when nothing changed); rejects with `no-such-document` when the
   * document was deleted first.
   */
  async applyServerChange(author: string, compute: (doc: Y.Doc) => Uint8Array | undefined): Promise<ServerChange> {
    const before = Y.encodeStateAsUpdate(this.state.doc);
    let after = before;
    const seq = await this.applyServer(author, compute, () => {
      after = Y.encodeStateAsUpdate(this.state.doc);
    });
    return { before, after, seq };
  }

  /**
   * As {@link applyServerChange}, without the states before and after it (two encodings of the
   * whole document): for small changes nobody records a version around, such as a comment's
   * anchor. Resolves with the seq of the change's row, or `undefined` when nothing changed.
   */
  applyServerUpdate(author: string, compute: (doc: Y.Doc) => Uint8Array | undefined): Promise<number | undefined> {
    return this.applyServer(author, compute);
  }

  private async applyServer(author: string, compute: (doc: Y.Doc) => Uint8Array | undefined, applied?: () => void): Promise<number | undefined> {
    const update = compute(this.state.doc);
    if (update === undefined) return undefined;
    const settled = new Promise<number | undefined>((resolve) => {
      this.serverChangeSettled = resolve;
    });
    try {
      if (!this.state.applyClientUpdate(update, serverOrigin(author))) throw new Error('The server’s change depends on updates the document does not have');
    } finally {
      // Taken by `enqueue` when the change emitted an update; still here when it changed nothing.
      const unused = this.serverChangeSettled;
      this.serverChangeSettled = undefined;
      unused?.(undefined);
    }
    applied?.();
    const seq = await settled;
    if (seq === undefined) {
      if (this.destroyed) throw new StorageError('no-such-document', `Cannot change document "${this.id}": it was deleted`);
      return undefined;
    }
    this.outbox.flush();
    return seq;
  }

  /**
   * Frees the Y.Doc and Awareness; only once nothing is attached and nothing waits to be stored.
   * Edits still waiting for a version get one, unless the document was `deleted`.
   */
  destroy(deleted = false): void {
    if (this.destroyed) return;
    this.destroyed = true;
    if (deleted) this.versions?.stop();
    else this.versions?.flush();
    // Awareness removals still queued must reach the other instances.
    this.outbox.flush();
    this.bus.stop();
    this.awareness.destroy();
    this.state.destroy();
  }

  private refuse(connection: Connection, reason: string, message: string, error?: unknown): void {
    connection.reject(reason, `${message}; closing the connection`, error === undefined ? {} : { err: error }, CloseCode.UnsupportedData);
  }

  // Every update the doc emits: queued to be stored if its origin asks for it, and relayed once committed.
  private readonly enqueue = (update: Uint8Array, origin: unknown): void => {
    const policy = updatePolicy(origin);
    if (!policy.store && !policy.relay) return;
    const author = policy.store ? originAuthor(origin) : undefined;
    // The server change being applied is appended alone, and told its seq.
    const settled = isServerOrigin(origin) ? this.serverChangeSettled : undefined;
    if (settled) this.serverChangeSettled = undefined;
    const applying = this.applying;
    let ack: StoredAckClaim | undefined;
    if (applying && policy.store && originConnection(origin) === applying.connection) {
      applying.claimed = true;
      ack = claimFor(applying.connection, applying.frame, update, (clientId) => this.state.clockOf(clientId));
    }
    this.writes.enqueue({
      update,
      origin,
      store: policy.store,
      appliedAt: performance.now(),
      author,
      clients: author === undefined ? undefined : this.authorship.newClients(update, author),
      settled,
      ack,
    });
  };

  private readonly committed = (batch: readonly QueuedUpdate[], stored: StoredBatch | undefined): void => {
    // Dropped (deleted) while the batch was being stored: its connections are gone.
    if (this.destroyed) return;
    // Stored: now the other instances may have it too.
    if (stored) this.bus.publishStored(stored.updates);
    this.relay(batch);
    // Only what was stored is acknowledged; a held batch gets here only once the store took it.
    if (stored) acknowledgeBatch(batch.map((entry) => entry.ack));
    if (stored) {
      this.compactor.recordAppend(stored.updates, stored.lastSeq);
      this.versions?.noteEdit();
    }
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

  private send(connection: Connection, type: 'sync-step-1' | 'sync-step-2' | 'awareness', frame: Uint8Array): void {
    connection.send(frame);
    this.hub.metrics.messagesSent(type, frame.byteLength, 1);
  }
}

function isServerOrigin(origin: unknown): boolean {
  return isTransactionOrigin(origin) && origin.kind === 'server';
}
