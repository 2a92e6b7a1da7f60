import { CloseCode } from '@quire/constants';
import type { DocumentStore } from '@quire/storage';
import type { CompactionLimits } from './compaction';
import { Connection, type ConnectionContext } from './connection';
import { createHubContext, type HubContext } from './hub-context';
import type { HubLimits } from './limits';
import { LoadedDocument } from './loaded-document';
import type { HubLogger } from './logger';
import type { HubMetrics } from './metrics';
import { StoreHealth } from './store-health';
import type { WebSocketLike } from './websocket-like';

/** How a {@link DocumentHub} is built. */
export interface HubOptions {
  /** Where documents are loaded from and every update is appended to before anyone sees it. */
  store: DocumentStore;
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
}

/** Default of {@link HubOptions.unloadDelayMs}. */
export const DEFAULT_UNLOAD_DELAY_MS = 30_000;

/** Reason sent with the 1001 close when the hub stops. */
export const SHUTDOWN_REASON = 'server shutting down';

/** Reason sent with the 1013 close while the store fails writes. */
export const STORE_UNAVAILABLE_REASON = 'storage unavailable, try again later';

// One per document id in memory or loading. `connections` is kept synchronously, including
// connections still waiting for the load, so an unload never races a connection that just arrived.
interface DocumentEntry {
  readonly id: string;
  readonly connections: Set<Connection>;
  /** Settles (never rejects) once the load succeeded and waiting connections are attached, or failed. */
  readonly ready: Promise<void>;
  document?: LoadedDocument;
  unloadTimer?: ReturnType<typeof setTimeout>;
  /** Identifies the current unload attempt; anything else invalidates it. */
  unloadToken?: object;
}

/**
 * Serves Yjs documents to y-websocket connections: loads a document on its first connection,
 * applies what clients send, stores every update before relaying it, and unloads idle documents.
 */
export class DocumentHub {
  private readonly context: HubContext;
  private readonly logger: HubLogger;
  private readonly unloadDelayMs: number;
  private readonly entries = new Map<string, DocumentEntry>();
  private readonly connections = new Set<Connection>();
  private closing: Promise<void> | undefined;

  constructor(options: HubOptions) {
    this.context = createHubContext(options.store, {
      logger: options.logger,
      metrics: options.metrics,
      limits: options.limits,
      compaction: options.compaction,
      health: new StoreHealth(options.maxBacklogBytes),
    });
    this.logger = this.context.logger;
    this.unloadDelayMs = options.unloadDelayMs ?? DEFAULT_UNLOAD_DELAY_MS;
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
  handleConnection(socket: WebSocketLike, context: ConnectionContext): void {
    if (this.closing || !this.context.health.available) {
      // Wrapped all the same, so the socket has listeners (an unheard 'error' would crash the process).
      const refused = new Connection(socket, context, this.context, () => undefined);
      if (this.closing) refused.close(CloseCode.GoingAway, SHUTDOWN_REASON);
      else refused.close(CloseCode.TryAgainLater, STORE_UNAVAILABLE_REASON);
      return;
    }
    const entry = this.entries.get(context.documentId) ?? this.startLoad(context.documentId);
    const connection = new Connection(socket, context, this.context, (ended) => this.connectionEnded(entry, ended));
    this.connections.add(connection);
    entry.connections.add(connection);
    this.cancelUnload(entry);
    this.logger.debug(connection.logFields, 'Connection opened');
    if (entry.document) entry.document.attach(connection);
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
    this.logger.info({ connections: this.connections.size, documents: this.entries.size }, 'Document hub stopping');
    await this.flush();
    for (const connection of [...this.connections]) connection.close(CloseCode.GoingAway, SHUTDOWN_REASON);
    // Updates that arrived between the flush and the close still get stored before unloading.
    await Promise.all(
      [...this.entries.values()].map(async (entry) => {
        this.cancelUnload(entry);
        await entry.document?.flush();
        this.forget(entry);
      }),
    );
    this.logger.info({}, 'Document hub stopped');
  }

  private startLoad(id: string): DocumentEntry {
    const connections = new Set<Connection>();
    const ready = LoadedDocument.load(id, this.context).then(
      (document) => this.loaded(entry, document),
      (error: unknown) => this.loadFailed(entry, error),
    );
    const entry: DocumentEntry = { id, connections, ready };
    this.entries.set(id, entry);
    return entry;
  }

  private loaded(entry: DocumentEntry, document: LoadedDocument): void {
    entry.document = document;
    this.logger.debug({ documentId: entry.id }, 'Document loaded');
    for (const connection of [...entry.connections]) {
      try {
        document.attach(connection);
      } catch (error) {
        this.logger.error({ ...connection.logFields, err: error }, 'Unexpected error attaching a connection');
        connection.close(CloseCode.InternalError, 'internal error');
      }
    }
    if (entry.connections.size === 0) this.scheduleUnload(entry);
  }

  private loadFailed(entry: DocumentEntry, error: unknown): void {
    // Nothing stays in memory: the next connection starts a fresh load.
    if (this.entries.get(entry.id) === entry) this.entries.delete(entry.id);
    this.logger.error(
      { documentId: entry.id, connections: entry.connections.size, err: error },
      'Loading the document failed; closing its connections',
    );
    for (const connection of [...entry.connections]) connection.close(CloseCode.InternalError, 'document failed to load');
  }

  private connectionEnded(entry: DocumentEntry, connection: Connection): void {
    this.connections.delete(connection);
    entry.connections.delete(connection);
    entry.document?.detach(connection);
    this.logger.debug(connection.logFields, 'Connection closed');
    if (entry.connections.size === 0 && entry.document && !this.closing) this.scheduleUnload(entry);
  }

  private scheduleUnload(entry: DocumentEntry): void {
    this.cancelUnload(entry);
    const token = {};
    entry.unloadToken = token;
    entry.unloadTimer = setTimeout(() => {
      entry.unloadTimer = undefined;
      // Stays fully usable while its writes finish; a connection arriving meanwhile cancels the unload.
      entry.document?.afterCommitted(() => {
        if (entry.unloadToken !== token || entry.connections.size > 0) return;
        this.forget(entry);
        this.logger.debug({ documentId: entry.id }, 'Document unloaded');
      });
    }, this.unloadDelayMs);
    entry.unloadTimer.unref?.();
  }

  private cancelUnload(entry: DocumentEntry): void {
    if (entry.unloadTimer !== undefined) clearTimeout(entry.unloadTimer);
    entry.unloadTimer = undefined;
    entry.unloadToken = undefined;
  }

  private forget(entry: DocumentEntry): void {
    if (this.entries.get(entry.id) === entry) this.entries.delete(entry.id);
    entry.document?.destroy();
    entry.document = undefined;
  }
}
