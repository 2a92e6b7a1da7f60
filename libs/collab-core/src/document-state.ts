import { encodeSyncStep2 } from '@quire/protocol';
import * as Y from 'yjs';
import type { HubLogger } from './logger';
import { ownBytes } from './own-bytes';
import { clearPending, hasPending } from './pending';
import { busOrigin, settledBusOrigin, storeOrigin } from './transaction-origin';

/**
 * Longest an update from the bus waits, relayed but not yet applied, when nothing here needs the
 * doc: long, because every wake-up of an instance that only relays costs more than the apply.
 */
export const SETTLE_DELAY_MS = 1_000;
/** Updates from the bus kept unapplied at most; past this they are applied at once. */
export const MAX_UNSETTLED = 1_000;

/** Where a {@link DocumentState} reports what happens to its doc. */
export interface DocumentStateEvents {
  /** Every update the doc emits, with its origin, whatever made it: the one way to the store and the connections. */
  readonly onUpdate: (update: Uint8Array, origin: unknown) => void;
  /** Updates from the bus could not be applied (unreadable, or built on one never received): read the store. */
  readonly onMissingUpdates: () => void;
}

/**
 * One document's Y.Doc, private, and the updates from the bus relayed to connections but not yet
 * applied to it. Every change to the doc is made here, and every update it emits goes to
 * `onUpdate`. {@link doc} applies the waiting updates first, so nothing ever reads or changes a
 * doc that lacks what its clients were sent.
 *
 * Why updates from the bus wait: applying one keystroke costs about as much as sending it to a
 * dozen clients, and an instance with readers only would pay it for every keystroke of every
 * writer elsewhere. So they are applied in one transaction (`bus-settled` origin: neither stored
 * nor relayed again) once a second, past 1,000 waiting, or at once when the doc is needed.
 */
export class DocumentState {
  /** Updates from the bus relayed but not applied yet, in the order received. */
  private unsettled: Uint8Array[] = [];
  private settleTimer: ReturnType<typeof setTimeout> | undefined;
  /** The whole doc as a sync step 2, for joiners that have nothing; dropped on every change. */
  private fullState: Uint8Array | undefined;
  private destroyed = false;

  /**
   * A doc from the stored updates, applied with the store origin (neither stored again nor
   * relayed). Throws, keeping nothing, if they do not form a complete document.
   */
  static read(documentId: string, updates: readonly Uint8Array[]): Y.Doc {
    // A guid given: without one Y.Doc draws a random UUID (31 crypto calls, ~75 µs).
    const doc = new Y.Doc({ guid: documentId });
    try {
      doc.transact(() => {
        for (const update of updates) Y.applyUpdate(doc, update, storeOrigin);
      }, storeOrigin);
      if (hasPending(doc)) {
        // Serving it would blame the next client for the gap and could store over a repairable log.
        throw new Error(`Stored updates of document ${documentId} depend on updates that are not stored`);
      }
    } catch (error) {
      doc.destroy();
      throw error;
    }
    return doc;
  }

  constructor(
    private readonly documentId: string,
    private readonly ydoc: Y.Doc,
    private readonly logger: HubLogger,
    private readonly events: DocumentStateEvents,
  ) {
    ydoc.on('update', this.emitted);
  }

  /** The doc, with every update from the bus applied: the only way to read it. */
  get doc(): Y.Doc {
    this.settle();
    return this.ydoc;
  }

  /**
   * Applies a client's update with its origin. False when it depends on updates the doc never
   * received; throws when Yjs cannot read it. Either way nothing of it stays pending.
   */
  applyClientUpdate(update: Uint8Array, origin: unknown): boolean {
    // The client may have built on updates from the bus that it was sent but the doc lacks.
    this.settle();
    try {
      Y.applyUpdate(this.ydoc, ownBytes(update), origin);
    } catch (error) {
      clearPending(this.ydoc);
      throw error;
    }
    if (!hasPending(this.ydoc)) return true;
    // A gap. Keeping the remainder pending would let a later update complete it without that
    // ever being stored or relayed by itself.
    clearPending(this.ydoc);
    return false;
  }

  /**
   * How far the doc holds `clientId`'s items (its state-vector entry), read without applying what
   * waits from the bus: called from inside an update event, where no new transaction may start.
   */
  clockOf(clientId: number): number {
    return Y.getState(this.ydoc.store, clientId);
  }

  /** An update from the bus, relayed already as received: applied later, with the others. */
  deferBusUpdate(update: Uint8Array): void {
    if (this.destroyed) return;
    this.unsettled.push(update);
    this.fullState = undefined;
    if (this.unsettled.length >= MAX_UNSETTLED) {
      this.settle();
      return;
    }
    // Unref'd: the updates are stored elsewhere; applying them here must not hold a stopping process.
    this.settleTimer ??= setTimeout(() => this.settle(), SETTLE_DELAY_MS).unref?.();
  }

  /**
   * Applies stored rows with the bus origin: what is new is relayed to this instance's clients,
   * nothing is stored again. False (and nothing left pending) when the rows depend on updates
   * that are not stored, which a consistent store never gives.
   */
  applyStored(updates: readonly Uint8Array[]): boolean {
    // What was relayed already must not look new (and be relayed again) when the stored rows bring it.
    const doc = this.doc;
    doc.transact(() => {
      for (const update of updates) Y.applyUpdate(doc, update, busOrigin);
    }, busOrigin);
    if (!hasPending(doc)) return true;
    clearPending(doc);
    this.logger.error({ documentId: this.documentId }, 'Stored updates depend on updates that are not stored');
    return false;
  }

  /** Applies stored rows ({@link applyStored}), then the whole doc as one update; undefined if they could not be applied. */
  snapshotWith(updates: readonly Uint8Array[]): Uint8Array | undefined {
    return this.applyStored(updates) ? Y.encodeStateAsUpdate(this.ydoc) : undefined;
  }

  /**
   * The sync step 2 answering `stateVector`: what the doc has that it lacks. The whole doc, for
   * joiners that have nothing, is encoded once per version of the doc, not once per joiner (a
   * hundred joiners of a large document would otherwise each cost a full encode). Throws when the
   * state vector cannot be read.
   */
  syncStep2(stateVector: Uint8Array): Uint8Array {
    const doc = this.doc;
    if (!isEmptyStateVector(stateVector)) return encodeSyncStep2(Y.encodeStateAsUpdate(doc, ownBytes(stateVector)));
    this.fullState ??= encodeSyncStep2(Y.encodeStateAsUpdate(doc));
    return this.fullState;
  }

  /** Frees the doc; updates from the bus still waiting are dropped (they are stored). */
  destroy(): void {
    if (this.destroyed) return;
    this.destroyed = true;
    if (this.settleTimer) clearTimeout(this.settleTimer);
    this.settleTimer = undefined;
    this.unsettled = [];
    this.ydoc.off('update', this.emitted);
    this.ydoc.destroy();
  }

  private settle(): void {
    if (this.settleTimer) clearTimeout(this.settleTimer);
    this.settleTimer = undefined;
    if (this.unsettled.length === 0 || this.destroyed) return;
    const updates = this.unsettled;
    this.unsettled = [];
    const doc = this.ydoc;
    try {
      doc.transact(() => {
        for (const update of updates) Y.applyUpdate(doc, update, settledBusOrigin);
      }, settledBusOrigin);
    } catch (error) {
      clearPending(doc);
      this.logger.error({ documentId: this.documentId, err: error }, 'An update from the bus could not be applied; catching up from the store');
      this.events.onMissingUpdates();
      return;
    }
    if (hasPending(doc)) {
      // It depends on an update this instance missed. Both are stored: read them from there
      // rather than keep a remainder that a client's next update would be blamed for.
      clearPending(doc);
      this.logger.debug({ documentId: this.documentId }, 'An update from the bus depends on one not received; catching up from the store');
      this.events.onMissingUpdates();
    }
  }

  private readonly emitted = (update: Uint8Array, origin: unknown): void => {
    this.fullState = undefined;
    this.events.onUpdate(update, origin);
  };
}

/** A state vector with no clients: what a client that has nothing sends. */
function isEmptyStateVector(stateVector: Uint8Array): boolean {
  return stateVector.length === 1 && stateVector[0] === 0;
}
