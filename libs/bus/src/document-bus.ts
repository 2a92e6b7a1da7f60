/** What one instance tells the others about a document. */
export type BusMessage =
  /** A Yjs update the sender has already stored: apply it and relay it, never store it again. */
  | { readonly type: 'update'; readonly update: Uint8Array }
  /** An awareness update (the y-protocols payload) from the sender's own clients. */
  | { readonly type: 'awareness'; readonly update: Uint8Array }
  /**
   * The sender has just subscribed (or subscribed again after a gap): answer with the awareness
   * states of your own clients. With `catchUp`, the sender may also have stored updates that it
   * could not publish, so read the document from the store.
   */
  | { readonly type: 'hello'; readonly catchUp: boolean }
  /**
   * Who may do what changed (committed to the database before it is published): re-check the
   * affected connections now. Published on {@link ACCESS_CHANNEL} only.
   */
  | { readonly type: 'access'; readonly change: AccessChange };

/**
 * Which connections an access change affects: those on `documentId` (all documents when absent)
 * of `userId` (everyone when absent). `documentDeleted`: the document is gone; drop it.
 */
export interface AccessChange {
  readonly documentId?: string;
  readonly userId?: string;
  readonly documentDeleted?: boolean;
}

/**
 * The pseudo-document id on which access changes are published, so that every instance hears
 * them whatever documents it has open (subscribe to it at start). No document can have it: ids
 * are letters, digits, `_` and `-`.
 */
export const ACCESS_CHANNEL = '!access';

/** A message as a subscriber receives it. */
export interface BusDelivery {
  readonly documentId: string;
  /** The instance that published it (never the receiving instance: echoes are dropped). */
  readonly from: string;
  readonly message: BusMessage;
}

/** Receives the messages of one document; called in publish order per publisher, must not throw. */
export type BusListener = (delivery: BusDelivery) => void;

/** Whether the bus reaches the other instances right now. */
export type BusStatus = 'ok' | 'down';

/** One document's subscription. */
export interface BusSubscription {
  /**
   * Resolves once messages published from now on will be delivered, or at once when the bus is
   * down (its reconnect is then reported as a gap). Never rejects.
   */
  readonly ready: Promise<void>;
  /** Stops delivering to this listener; idempotent. */
  unsubscribe(): void;
}

/** Counts since the bus was made, for metrics. */
export interface BusStats {
  readonly published: number;
  readonly received: number;
  /** Publishes that did not reach the broker (each also leads to a gap). */
  readonly publishFailures: number;
  /** Gaps reported to `onGap` listeners. */
  readonly gaps: number;
}

/**
 * Publish and subscribe per document between the instances serving one set of documents. Each
 * message carries the instance id and an instance never receives its own. Delivery is best
 * effort: a message may be lost while the bus is down, and every such loss is followed by a gap
 * notification, after which a subscriber catches up from the store (where every update was put
 * before it was published).
 */
export interface DocumentBus {
  /** This instance's id, unique among the instances on the bus. */
  readonly instanceId: string;
  readonly status: BusStatus;
  readonly stats: BusStats;

  /** Starts delivering the messages other instances publish about `documentId` to `listener`. */
  subscribe(documentId: string, listener: BusListener): BusSubscription;

  /** Sends a message to every other instance subscribed to `documentId`; never throws nor waits. */
  publish(documentId: string, message: BusMessage): void;

  /**
   * Called when messages may have been lost in either direction: after the bus reconnects, or
   * after this instance's publishes were dropped (`documentId` undefined: every subscribed
   * document), or when only one document's messages were lost. Returns a function that removes
   * the listener.
   */
  onGap(listener: (documentId: string | undefined) => void): () => void;

  /**
   * Called when another instance stopped (it said goodbye, or missed its heartbeats for the
   * instance timeout): the awareness states of its clients are stale.
   */
  onInstanceGone(listener: (instanceId: string) => void): () => void;

  /** Says goodbye to the other instances and releases connections; idempotent. */
  close(): Promise<void>;
}

/** The logging a bus needs; pino's `Logger` satisfies it. Fields first, message second. */
export interface BusLogger {
  debug(fields: object, message: string): void;
  info(fields: object, message: string): void;
  warn(fields: object, message: string): void;
  error(fields: object, message: string): void;
}

/** A logger that drops everything. */
export const silentBusLogger: BusLogger = {
  debug: () => undefined,
  info: () => undefined,
  warn: () => undefined,
  error: () => undefined,
};
