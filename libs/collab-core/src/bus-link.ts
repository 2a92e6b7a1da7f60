import type { BusDelivery, BusMessage } from '@quire/bus';
import { decodeAwarenessUpdate } from '@quire/protocol';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as Y from 'yjs';
import type { HubContext } from './hub-context';
import { clearPending, hasPending } from './pending';
import { busOrigin, settledBusOrigin } from './transaction-origin';

/** First wait after a failed catch-up; doubles on each failure. */
export const CATCH_UP_RETRY_INITIAL_MS = 100;
/** Longest wait between two catch-up attempts. */
export const CATCH_UP_RETRY_MAX_MS = 5_000;
/**
 * Longest an update from the bus waits, relayed but not yet applied, when nothing here needs the
 * doc: long, because every wake-up of an instance that only relays costs more than the apply.
 */
export const SETTLE_DELAY_MS = 1_000;
/** Updates from the bus kept unapplied at most; past this they are applied at once. */
export const MAX_UNSETTLED = 1_000;

/** What a {@link BusLink} needs from its document. */
export interface BusLinkOptions {
  readonly hub: HubContext;
  readonly documentId: string;
  readonly doc: Y.Doc;
  readonly awareness: awarenessProtocol.Awareness;
  /** Awareness client ids whose states came from this instance's own connections. */
  readonly localAwarenessClients: () => Iterable<number>;
  /** Sends an update from the bus to this instance's connections as it is, before the doc has it. */
  readonly relay: (update: Uint8Array) => void;
}

/**
 * One loaded document's side of the `DocumentBus`: publishes what this instance stored and its
 * clients' awareness; applies what other instances publish with the bus origin (relayed, never
 * stored again); and catches up from the store whenever messages may have been lost (a gap, an
 * update that depends on one it never got, another instance's `hello` after its own gap).
 * Catching up applies every stored row: idempotent, and complete, because every update is stored
 * before it is published.
 *
 * An update from the bus is relayed at once, as received (it is stored already), and applied to
 * the doc later, with the others that came meanwhile, in one transaction: applying one keystroke
 * costs about as much as sending it to a dozen clients, and an instance with readers only would
 * pay it for every keystroke of every writer elsewhere. Whoever reads or changes the doc calls
 * {@link settle} first, so nothing here ever sees the doc without what its clients were sent.
 */
export class BusLink {
  /** The instance each awareness state from the bus came from, to drop them when it dies. */
  private readonly remoteAwareness = new Map<number, string>();
  /** Updates from the bus relayed but not applied yet, in the order received. */
  private unsettled: Uint8Array[] = [];
  private settleTimer: ReturnType<typeof setTimeout> | undefined;
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
        this.unsettled.push(message.update);
        this.options.relay(message.update);
        if (this.unsettled.length >= MAX_UNSETTLED) {
          this.settle();
          return;
        }
        // Unref'd: the updates are stored elsewhere; applying them here must not hold a stopping process.
        this.settleTimer ??= setTimeout(() => this.settle(), SETTLE_DELAY_MS).unref?.();
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
    const local = new Set(this.options.localAwarenessClients());
    const stale: number[] = [];
    for (const [clientId, owner] of this.remoteAwareness) {
      if (owner !== instanceId) continue;
      this.remoteAwareness.delete(clientId);
      if (!local.has(clientId)) stale.push(clientId);
    }
    if (stale.length > 0) awarenessProtocol.removeAwarenessStates(this.options.awareness, stale, busOrigin);
  }

  /**
   * Applies stored rows to the doc with the bus origin: what is new is relayed to this
   * instance's clients, nothing is stored again. False (and nothing left pending) when the rows
   * depend on updates that are not stored, which a consistent store never gives.
   */
  applyStored(updates: readonly Uint8Array[]): boolean {
    // What was relayed already must not look new (and be relayed again) when the stored rows bring it.
    this.settle();
    const { doc } = this.options;
    doc.transact(() => {
      for (const update of updates) Y.applyUpdate(doc, update, busOrigin);
    }, busOrigin);
    if (!hasPending(doc)) return true;
    clearPending(doc);
    this.options.hub.logger.error({ documentId: this.options.documentId }, 'Stored updates depend on updates that are not stored');
    return false;
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

  /** Applies the updates from the bus relayed so far; before anything reads or changes the doc. */
  settle(): void {
    if (this.settleTimer) clearTimeout(this.settleTimer);
    this.settleTimer = undefined;
    if (this.unsettled.length === 0 || this.stopped) return;
    const updates = this.unsettled;
    this.unsettled = [];
    const { doc, hub, documentId } = this.options;
    try {
      doc.transact(() => {
        for (const update of updates) Y.applyUpdate(doc, update, settledBusOrigin);
      }, settledBusOrigin);
    } catch (error) {
      clearPending(doc);
      hub.logger.error({ documentId, err: error }, 'An update from the bus could not be applied; catching up from the store');
      this.catchUp();
      return;
    }
    if (hasPending(doc)) {
      // It depends on an update this instance missed. Both are stored: read them from there
      // rather than keep a remainder that a client's next update would be blamed for.
      clearPending(doc);
      hub.logger.debug({ documentId }, 'An update from the bus depends on one not received; catching up from the store');
      this.catchUp();
    }
  }

  /** The document is unloading: nothing more is applied or published. */
  stop(): void {
    this.stopped = true;
    if (this.settleTimer) clearTimeout(this.settleTimer);
    this.settleTimer = undefined;
    this.unsettled = [];
  }

  private publish(message: BusMessage): void {
    if (!this.stopped) this.options.hub.bus.publish(this.options.documentId, message);
  }

  private publishLocalAwareness(): void {
    const { awareness } = this.options;
    const clients = [...this.options.localAwarenessClients()].filter((clientId) => awareness.getStates().has(clientId));
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
    const { hub, documentId } = this.options;
    let delay = CATCH_UP_RETRY_INITIAL_MS;
    do {
      this.catchUpAgain = false;
      try {
        const stored = await hub.store.load(documentId);
        if (this.stopped) return;
        this.applyStored(stored.updates);
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
