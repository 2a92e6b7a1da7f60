import type * as Y from 'yjs';
import { LocalDocumentBus, type DocumentBus } from '@quire/bus';
import { CloseCode } from '@quire/constants';
import type { UpdateLog } from '@quire/storage';
import type { CompactionLimits } from './compaction';
import { Connection, type ConnectionContext } from './connection';
import { DocumentEntry } from './document-entry';
import { createHubContext, type HubContext } from './hub-context';
import type { HubLimits } from './limits';
import { silentLogger, type HubLogger } from './logger';
import type { LoadedDocument, ServerChange } from './loaded-document';
import type { HubMetrics } from './metrics';
import { StoreHealth } from './store-health';
import { TitleAnnouncer } from './title-announcement';
import { VersionRecorder, type VersionRecorderOptions } from './version-recorder';
import type { WebSocketLike } from './websocket-like';

/** How a {@link DocumentHub} is built. */
export interface HubOptions {
  /** The update log: where documents are loaded from, and every update is appended to before anyone sees it. */
  store: UpdateLog;
  logger?: HubLogger;
  /** How long a document stays in memory after its last connection leaves; default 30 s. */
  unloadDelayMs?: number;
  /** When a document's stored log is compacted into a snapshot; default 500 updates or 4 MiB. */
  compaction?: CompactionLimits;
  /** Most bytes of updates that may wait for a failing store, all documents together; default 64 MiB. */
  maxBacklogBytes?: number;
  /** Per-connection and per-document bounds; each defaults to {@link DEFAULT_HUB_LIMITS}. */
  limits?: Partial<HubLimits>;
  /** Where counts and latencies go; default nowhere. */
  metrics?: HubMetrics;
  /**
   * How this instance reaches the others serving the same documents; default an in-process bus
   * of its own (a single instance). The hub subscribes to it but does not close it.
   */
  bus?: DocumentBus;
  /**
   * Automatic versions: a `VersionMaker` over the version history, and when (idle after the last
   * edit, and at least every interval of continuous editing). Omitted, the hub makes none.
   */
  versions?: VersionRecorderOptions;
}

/** Default of {@link HubOptions.unloadDelayMs}. */
export const DEFAULT_UNLOAD_DELAY_MS = 30_000;

/** Reason sent with the 1001 close when the hub stops. */
export const SHUTDOWN_REASON = 'server shutting down';

/** Reason sent with the 4404 close when the document is deleted while open. */
export const DOCUMENT_DELETED_REASON = 'This document was deleted';

/** Reason sent with the 1013 close while the store fails writes. */
export const STORE_UNAVAILABLE_REASON = 'storage unavailable, try again later';

/**
 * Serves Yjs documents to y-websocket connections: loads a document on its first connection,
 * applies what clients send, stores every update before relaying it, and unloads idle documents.
 */
export class DocumentHub {
  private readonly context: HubContext;
  private readonly logger: HubLogger;
  private readonly unloadDelayMs: number;
  private readonly entries = new Map<string, DocumentEntry>();
  private titleAnnouncer: TitleAnnouncer | undefined;
  private readonly connections = new Set<Connection>();
  private readonly busListeners: (() => void)[];
  private readonly ownBus: DocumentBus | undefined;
  private closing: Promise<void> | undefined;
  private readonly keepAliveTimer: ReturnType<typeof setInterval>;

  constructor(options: HubOptions) {
    this.ownBus = options.bus ? undefined : new LocalDocumentBus();
    this.context = createHubContext(options.store, {
      logger: options.logger,
      metrics: options.metrics,
      limits: options.limits,
      compaction: options.compaction,
      health: new StoreHealth(options.maxBacklogBytes),
      bus: options.bus ?? this.ownBus,
      ...(options.versions ? { versions: new VersionRecorder(options.versions, options.logger ?? silentLogger) } : {}),
    });
    this.logger = this.context.logger;
    this.unloadDelayMs = options.unloadDelayMs ?? DEFAULT_UNLOAD_DELAY_MS;
    this.keepAliveTimer = setInterval(() => {
      const now = performance.now();
      for (const connection of this.connections) connection.keepAlive(now);
    }, this.context.limits.keepAliveMs / 2);
    this.keepAliveTimer.unref?.();
    this.busListeners = [
      this.context.bus.onGap((documentId) => this.busGap(documentId)),
      this.context.bus.onInstanceGone((instanceId) => {
        for (const entry of this.entries.values()) entry.document?.bus.instanceGone(instanceId);
      }),
    ];
  }

  /** Documents in memory and ready, and connections open (including those waiting for a load). */
  get stats(): { documentsLoaded: number; connections: number } {
    let documentsLoaded = 0;
    for (const entry of this.entries.values()) if (entry.document) documentsLoaded++;
    return { documentsLoaded, connections: this.connections.size };
  }

  /** False while the store is failing writes: updates wait, and new connections are turned away. */
  get storeAvailable(): boolean {
    return this.context.health.available;
  }

  /** Takes over a socket whose upgrade was already authorized; attaches its listeners. */
  handleConnection(socket: WebSocketLike, context: ConnectionContext): Connection {
    if (this.closing || !this.context.health.available) {
      // Wrapped all the same, so the socket has listeners (an unheard 'error' would crash the process).
      const refused = new Connection(socket, context, this.context, () => undefined);
      if (this.closing) refused.close(CloseCode.GoingAway, SHUTDOWN_REASON);
      else refused.close(CloseCode.TryAgainLater, STORE_UNAVAILABLE_REASON);
      return refused;
    }
    const entry = this.entries.get(context.documentId) ?? this.startLoad(context.documentId);
    const connection = new Connection(socket, context, this.context, (ended) => this.connectionEnded(entry, ended));
    this.connections.add(connection);
    this.logger.debug(connection.logFields, 'Connection opened');
    entry.add(connection);
    return connection;
  }

  /**
   * The document was deleted: closes this instance's connections to it with 4404 and drops it
   * from memory at once, so that an id created again starts from nothing. What its clients sent
   * and was not stored yet goes with it (the store refuses appends to a deleted document).
   */
  dropDocument(documentId: string): void {
    const entry = this.entries.get(documentId);
    if (!entry) return;
    entry.drop(DOCUMENT_DELETED_REASON);
    this.logger.info({ documentId }, 'Document deleted; dropped from memory');
  }

  /**
   * Tells everyone with the document open, here and at every other instance, that it was renamed:
   * pages read the title again from the API (the truth) when they see the announcement.
   */
  announceTitleChange(documentId: string): void {
    if (this.closing) return;
    // Made on first use: its awareness runs a timer, which a hub that never announces does not need.
    this.titleAnnouncer ??= new TitleAnnouncer();
    const update = this.titleAnnouncer.announcement();
    // Published whether or not the document is open here: the instances that have it open hear it.
    this.context.bus.publish(documentId, { type: 'awareness', update });
    this.entries.get(documentId)?.document?.applyAnnouncement(update);
  }

  /**
   * Makes a change to a document on behalf of `author` (a restore), loading it here if nobody has
   * it open: `compute` receives the doc as it stands on this instance at that moment and returns
   * the update to apply (or `undefined`). The change is stored in an append of its own, published
   * to the other instances and relayed to every connection here, including `author`'s own; the
   * promise resolves once this instance's sockets have been handed it. Keystrokes made elsewhere
   * meanwhile merge with it as any two concurrent edits do.
   */
  applyServerChange(documentId: string, author: string, compute: (doc: Y.Doc) => Uint8Array | undefined): Promise<ServerChange> {
    return this.withLoaded(documentId, (document) => document.applyServerChange(author, compute));
  }

  /**
   * As {@link applyServerChange}, for a small change nobody records a version around (a comment's
   * anchor, the comments revision): without the two encodings of the whole document that the
   * states before and after cost. Resolves with the seq of the change's row (`undefined`: nothing changed).
   */
  applyServerUpdate(documentId: string, author: string, compute: (doc: Y.Doc) => Uint8Array | undefined): Promise<number | undefined> {
    return this.withLoaded(documentId, (document) => document.applyServerUpdate(author, compute));
  }

  /**
   * Reads a document as it stands on this instance, loading it here if nobody has it open (then it
   * holds everything stored). `read` gets the live doc and must not change it (the server reads
   * which comment threads are still anchored).
   */
  readDocument<T>(documentId: string, read: (doc: Y.Doc) => T): Promise<T> {
    return this.withLoaded(documentId, async (document) => read(document.doc));
  }

  /** Runs `work` on the document loaded here (loading it if nobody has it open), pinned until done. */
  private async withLoaded<T>(documentId: string, work: (document: LoadedDocument) => Promise<T>): Promise<T> {
    if (this.closing) throw new Error('The document hub is stopping');
    const entry = this.entries.get(documentId) ?? this.startLoad(documentId);
    const release = entry.pin();
    try {
      await entry.ready;
      if (!entry.document) throw new Error(`Document ${documentId} could not be loaded`);
      return await work(entry.document);
    } finally {
      release();
    }
  }

  /** Every open connection, for the transport to re-check what each may still do. */
  openConnections(): Iterable<Connection> {
    return this.connections;
  }

  /** Resolves when every update received so far is stored (and relayed). */
  async flush(): Promise<void> {
    // Frames buffered during a load are applied when it completes, so wait for loads first.
    await Promise.all([...this.entries.values()].map((entry) => entry.ready));
    await Promise.all(
      [...this.entries.values()].map((entry) => entry.document?.flush()).filter((flushed) => flushed !== undefined),
    );
  }

  /**
   * Graceful stop: refuses new connections (closing them with 1001), flushes, closes every socket
   * with 1001 "server shutting down" and unloads every document. Idempotent.
   */
  close(): Promise<void> {
    this.closing ??= this.shutDown();
    return this.closing;
  }

  private async shutDown(): Promise<void> {
    clearInterval(this.keepAliveTimer);
    this.titleAnnouncer?.destroy();
    this.logger.info({ connections: this.connections.size, documents: this.entries.size }, 'Document hub stopping');
    await this.flush();
    for (const connection of [...this.connections]) connection.close(CloseCode.GoingAway, SHUTDOWN_REASON);
    // Updates that arrived between the flush and the close still get stored before unloading.
    await Promise.all([...this.entries.values()].map((entry) => entry.unloadNow()));
    // Unloading recorded the versions edits were waiting for; the store is closed after this.
    await this.context.versions?.whenIdle();
    for (const remove of this.busListeners) remove();
    await this.ownBus?.close();
    this.logger.info({}, 'Document hub stopped');
  }

  private startLoad(id: string): DocumentEntry {
    const entry = new DocumentEntry(id, {
      context: this.context,
      unloadDelayMs: this.unloadDelayMs,
      onGone: () => this.dropDocument(id),
      onForgotten: (forgotten) => {
        if (this.entries.get(id) === forgotten) this.entries.delete(id);
      },
    });
    this.entries.set(id, entry);
    return entry;
  }

  private busGap(documentId: string | undefined): void {
    const entries = documentId === undefined ? [...this.entries.values()] : [this.entries.get(documentId)];
    for (const entry of entries) entry?.busGap();
  }

  private connectionEnded(entry: DocumentEntry, connection: Connection): void {
    this.connections.delete(connection);
    entry.remove(connection, this.closing !== undefined);
    this.logger.debug(connection.logFields, 'Connection closed');
  }
}
