import type { BusDelivery, BusMessage } from '@quire/bus';
import { decodeAwarenessUpdate } from '@quire/protocol';
import * as awarenessProtocol from 'y-protocols/awareness';
import type { DocumentAwareness } from './document-awareness';
import type { DocumentState } from './document-state';
import type { HubContext } from './hub-context';
import type { Outbox } from './outbox';
import { busOrigin } from './transaction-origin';

/** First wait after a failed catch-up; doubles on each failure. */
export const CATCH_UP_RETRY_INITIAL_MS = 100;
/** Longest wait between two catch-up attempts. */
export const CATCH_UP_RETRY_MAX_MS = 5_000;

/** The parts of its document a {@link BusLink} works with. */
export interface BusLinkOptions {
  readonly hub: HubContext;
  readonly documentId: string;
  /** Where updates from the bus wait to be applied, and stored rows are applied on a catch-up. */
  readonly state: DocumentState;
  readonly awareness: DocumentAwareness;
  /** Sends updates from the bus to this instance's connections as they are, before the doc has them. */
  readonly outbox: Outbox;
  /** Another instance stored an edit (for the document's automatic versions). */
  readonly onRemoteEdit?: () => void;
}

/**
 * One loaded document's side of the `DocumentBus`: publishes what this instance stored and its
 * clients' awareness; relays what other instances publish at once (it is stored already) and
 * leaves it to the {@link DocumentState} to apply later; and catches up from the store whenever
 * messages may have been lost (a gap, an update that depends on one it never got, another
 * instance's `hello` after its own gap). Catching up applies every stored row: idempotent, and
 * complete, because every update is stored before it is published.
 */
export class BusLink {
  /** The instance each awareness state from the bus came from, to drop them when it dies. */
  private readonly remoteAwareness = new Map<number, string>();
  private catchingUp: Promise<void> | undefined;
  private catchUpAgain = false;
  private stopped = false;

  constructor(private readonly options: BusLinkOptions) {}

  /**
   * Publishes updates this instance has just stored, one message each: another instance relays
   * the very frames this one relays.
   */
  publishStored(updates: readonly Uint8Array[]): void {
    for (const update of updates) this.publish({ type: 'update', update });
  }

  /** Publishes an awareness change made by this instance's own connections. */
  publishAwareness(update: Uint8Array, setClients: readonly number[]): void {
    for (const clientId of setClients) this.remoteAwareness.delete(clientId);
    this.publish({ type: 'awareness', update });
  }

  /** Tells the others this document is now loaded here, so that they send their clients' awareness. */
  announce(): void {
    this.publish({ type: 'hello', catchUp: false });
  }

  /**
   * Messages may have been lost both ways: catch up from the store, ask the others to do the same
   * (they may have missed what this instance stored meanwhile), and send this instance's awareness
   * again (the others may have expired it).
   */
  gap(): void {
    this.catchUp();
    this.publish({ type: 'hello', catchUp: true });
    this.publishLocalAwareness();
  }

  /** Handles one message from another instance. */
  receive(delivery: BusDelivery): void {
    if (this.stopped) return;
    const { message, from } = delivery;
    switch (message.type) {
      case 'update':
        this.options.outbox.addUpdate(message.update, undefined);
        this.options.state.deferBusUpdate(message.update);
        this.options.onRemoteEdit?.();
        return;
      case 'awareness':
        this.applyAwareness(message.update, from);
        return;
      case 'hello':
        this.publishLocalAwareness();
        if (message.catchUp) this.catchUp();
        return;
      case 'access':
        // Published on the access channel, never a document's; the transport acts on it.
        return;
    }
  }

  /** Another instance stopped: the awareness states of its clients go, here and at this instance's clients. */
  instanceGone(instanceId: string): void {
    const local = new Set(this.options.awareness.localClients());
    const stale: number[] = [];
    for (const [clientId, owner] of this.remoteAwareness) {
      if (owner !== instanceId) continue;
      this.remoteAwareness.delete(clientId);
      if (!local.has(clientId)) stale.push(clientId);
    }
    if (stale.length > 0) awarenessProtocol.removeAwarenessStates(this.options.awareness, stale, busOrigin);
  }

  /** Reads the document from the store and applies it; calls made meanwhile add one more read. */
  catchUp(): void {
    if (this.stopped) return;
    if (this.catchingUp) {
      this.catchUpAgain = true;
      return;
    }
    this.catchingUp = this.runCatchUp().finally(() => {
      this.catchingUp = undefined;
    });
  }

  /** Resolves once no catch-up is running or due. */
  async whenCaughtUp(): Promise<void> {
    while (this.catchingUp) await this.catchingUp;
  }

  /** The document is unloading: nothing more is applied or published. */
  stop(): void {
    this.stopped = true;
  }

  private publish(message: BusMessage): void {
    if (!this.stopped) this.options.hub.bus.publish(this.options.documentId, message);
  }

  private publishLocalAwareness(): void {
    const { awareness } = this.options;
    const clients = [...awareness.localClients()].filter((clientId) => awareness.getStates().has(clientId));
    if (clients.length > 0) this.publish({ type: 'awareness', update: awarenessProtocol.encodeAwarenessUpdate(awareness, clients) });
  }

  private applyAwareness(update: Uint8Array, from: string): void {
    const { awareness, hub, documentId } = this.options;
    let entries: ReturnType<typeof decodeAwarenessUpdate>;
    try {
      entries = decodeAwarenessUpdate(update);
    } catch (error) {
      hub.logger.warn({ documentId, from, err: error }, 'Dropping an awareness update from the bus that cannot be read');
      return;
    }
    awarenessProtocol.applyAwarenessUpdate(awareness, update, busOrigin);
    for (const { clientId, state } of entries) {
      if (state === null || !awareness.getStates().has(clientId)) this.remoteAwareness.delete(clientId);
      else this.remoteAwareness.set(clientId, from);
    }
  }

  private async runCatchUp(): Promise<void> {
    const { hub, documentId, state } = this.options;
    let delay = CATCH_UP_RETRY_INITIAL_MS;
    do {
      this.catchUpAgain = false;
      try {
        const stored = await hub.store.load(documentId);
        if (this.stopped) return;
        state.applyStored(stored.updates);
        delay = CATCH_UP_RETRY_INITIAL_MS;
      } catch (error) {
        if (this.stopped) return;
        hub.logger.warn({ documentId, retryInMs: delay, err: error }, 'Catching up from the store failed; retrying');
        await sleep(delay);
        delay = Math.min(delay * 2, CATCH_UP_RETRY_MAX_MS);
        this.catchUpAgain = true;
      }
    } while (this.catchUpAgain && !this.stopped);
  }
}

// Unref'd: a catch-up only brings what is already stored; it must not hold a stopping process.
function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms).unref?.());
}
