import type { BusDelivery, BusSubscription } from '@quire/bus';
import { CloseCode } from '@quire/constants';
import type { Connection } from './connection';
import type { HubContext } from './hub-context';
import { LoadedDocument } from './loaded-document';

/** Bytes of bus messages kept for a loading document; past it they are dropped and the document catches up from the store. */
export const MAX_BUS_BACKLOG_BYTES = 16 * 1024 * 1024;

/** What a {@link DocumentEntry} needs from its hub. */
export interface DocumentEntryOptions {
  readonly context: HubContext;
  readonly unloadDelayMs: number;
  /** The store says the document no longer exists. */
  readonly onGone: () => void;
  /** The entry is done (failed to load, unloaded or dropped): the hub forgets it. */
  readonly onForgotten: (entry: DocumentEntry) => void;
}

/**
 * One document id in the hub's memory, from its first connection to its unload: subscribes to
 * the bus, then loads (keeping what the bus delivers meanwhile), attaches the connections that
 * waited, and unloads the document once it has been idle for the unload delay and its writes
 * have committed. Its connections are kept synchronously, including those still waiting for the
 * load, so an unload never races a connection that just arrived.
 */
export class DocumentEntry {
  readonly connections = new Set<Connection>();
  /** Settles (never rejects) once the load succeeded and waiting connections are attached, or failed. */
  readonly ready: Promise<void>;
  /** Set once loaded, until forgotten. */
  document: LoadedDocument | undefined;
  /** Made before the load, so that nothing published after the load's read is missed. */
  private readonly subscription: BusSubscription;
  /** Bus messages received while loading, applied once loaded. */
  private busBacklog: BusDelivery[] = [];
  private busBacklogBytes = 0;
  /** Messages may have been lost while loading: catch up once loaded. */
  private gapWhileLoading = false;
  private unloadTimer: ReturnType<typeof setTimeout> | undefined;
  /** Identifies the current unload attempt; anything else invalidates it. */
  private unloadToken: object | undefined;
  /** Work that needs the document loaded without a connection (a server change): no unload meanwhile. */
  private pins = 0;
  private forgotten = false;

  constructor(
    readonly id: string,
    private readonly options: DocumentEntryOptions,
  ) {
    const { context } = options;
    // Subscribed first, loaded second: whatever another instance publishes after the read
    // arrives over the bus, and whatever it published before is in what the read returns.
    this.subscription = context.bus.subscribe(id, (delivery) => this.busDelivery(delivery));
    this.ready = this.subscription.ready
      .then(() => LoadedDocument.load(id, context, options.onGone))
      .then(
        (document) => this.loaded(document),
        (error: unknown) => this.loadFailed(error),
      );
  }

  /** Serves `connection` once loaded (at once if it is); an unload due is called off. */
  add(connection: Connection): void {
    this.connections.add(connection);
    this.cancelUnload();
    this.document?.attach(connection);
  }

  /** `connection` ended; with no connection left the document unloads after the delay, unless `stopping`. */
  remove(connection: Connection, stopping: boolean): void {
    this.connections.delete(connection);
    this.document?.detach(connection);
    if (this.idle && this.document && !stopping) this.scheduleUnload();
  }

  /** Keeps the document loaded until the returned function is called, connections or not. */
  pin(): () => void {
    this.pins++;
    this.cancelUnload();
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.pins--;
      if (this.idle && this.document) this.scheduleUnload();
    };
  }

  private get idle(): boolean {
    return this.connections.size === 0 && this.pins === 0;
  }

  /** The bus lost messages about this document, or all documents. */
  busGap(): void {
    if (this.document) this.document.bus.gap();
    else this.gapWhileLoading = true;
  }

  /** Drops this instance's connections to it with 4404 and the document with them, at once (it was deleted). */
  drop(reason: string): void {
    for (const connection of [...this.connections]) connection.close(CloseCode.NotFound, reason);
    this.forget(true);
  }

  /** Waits for what is pending to be stored, then unloads (the hub is stopping). */
  async unloadNow(): Promise<void> {
    this.cancelUnload();
    await this.document?.flush();
    this.forget();
  }

  private busDelivery(delivery: BusDelivery): void {
    if (this.document) {
      this.document.bus.receive(delivery);
      return;
    }
    if (this.gapWhileLoading) return;
    const message = delivery.message;
    this.busBacklogBytes += message.type === 'update' || message.type === 'awareness' ? message.update.byteLength : 0;
    if (this.busBacklogBytes <= MAX_BUS_BACKLOG_BYTES) {
      this.busBacklog.push(delivery);
      return;
    }
    // Everything in it is stored: catching up from the store once loaded brings the same.
    this.busBacklog = [];
    this.busBacklogBytes = 0;
    this.gapWhileLoading = true;
  }

  private loaded(document: LoadedDocument): void {
    if (this.forgotten) {
      // Dropped (deleted) while it loaded: its connections are closed already.
      document.destroy(true);
      return;
    }
    this.document = document;
    const { logger } = this.options.context;
    logger.debug({ documentId: this.id }, 'Document loaded');
    const backlog = this.busBacklog;
    this.busBacklog = [];
    this.busBacklogBytes = 0;
    for (const delivery of backlog) document.bus.receive(delivery);
    if (this.gapWhileLoading) document.bus.gap();
    else document.bus.announce();
    for (const connection of [...this.connections]) {
      try {
        document.attach(connection);
      } catch (error) {
        logger.error({ ...connection.logFields, err: error }, 'Unexpected error attaching a connection');
        connection.close(CloseCode.InternalError, 'internal error');
      }
    }
    if (this.idle) this.scheduleUnload();
  }

  private loadFailed(error: unknown): void {
    // Nothing stays in memory: the next connection starts a fresh load.
    this.forget();
    this.options.context.logger.error(
      { documentId: this.id, connections: this.connections.size, err: error },
      'Loading the document failed; closing its connections',
    );
    for (const connection of [...this.connections]) connection.close(CloseCode.InternalError, 'document failed to load');
  }

  private scheduleUnload(): void {
    this.cancelUnload();
    const token = {};
    this.unloadToken = token;
    this.unloadTimer = setTimeout(() => {
      this.unloadTimer = undefined;
      // Stays fully usable while its writes finish; a connection arriving meanwhile cancels the unload.
      this.document?.afterCommitted(() => {
        if (this.unloadToken !== token || !this.idle) return;
        this.forget();
        this.options.context.logger.debug({ documentId: this.id }, 'Document unloaded');
      });
    }, this.options.unloadDelayMs);
    this.unloadTimer.unref?.();
  }

  private cancelUnload(): void {
    if (this.unloadTimer !== undefined) clearTimeout(this.unloadTimer);
    this.unloadTimer = undefined;
    this.unloadToken = undefined;
  }

  private forget(deleted = false): void {
    this.cancelUnload();
    this.forgotten = true;
    this.options.onForgotten(this);
    this.subscription.unsubscribe();
    this.document?.destroy(deleted);
    this.document = undefined;
  }
}
