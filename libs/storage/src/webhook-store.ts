/** The events a webhook may subscribe to (docs/api.md, "Webhooks"). */
export const WEBHOOK_EVENTS = ['document.created', 'document.updated', 'document.deleted', 'member.added', 'member.removed'] as const;
export type WebhookEventName = (typeof WEBHOOK_EVENTS)[number];

/** A webhook as it is created: for one document (`documentId`), or for every document its owner owns (null). */
export interface NewWebhook {
  readonly id: string;
  readonly ownerId: string;
  readonly url: string;
  readonly events: readonly WebhookEventName[];
  readonly documentId: string | null;
  /** Signs its deliveries (HMAC-SHA256); shown to its owner once, when it is made. */
  readonly secret: string;
}

export interface StoredWebhook extends NewWebhook {
  readonly events: WebhookEventName[];
  readonly createdAt: Date;
  /** Set once its deliveries failed for the whole retry window; it gets no deliveries after. */
  readonly disabledAt: Date | null;
  readonly disabledReason: string | null;
}

/** One POST to make: stored before it is sent, so a crash or restart does not lose it. */
export interface NewDelivery {
  readonly id: string;
  readonly webhookId: string;
  readonly event: WebhookEventName;
  /** The JSON body, exactly as it is signed and sent. */
  readonly body: string;
}

/** `pending` until it is delivered (a 2xx) or given up (`failed`). */
export type DeliveryStatus = 'pending' | 'delivered' | 'failed';

export interface StoredDelivery extends NewDelivery {
  readonly status: DeliveryStatus;
  /** Attempts begun, counted when claimed (an attempt cut short by a crash counts). */
  readonly attempts: number;
  readonly createdAt: Date;
  readonly nextAttemptAt: Date;
  readonly lastAttemptAt: Date | null;
  /** The status the receiver answered the last attempt with, if it answered. */
  readonly responseStatus: number | null;
  /** Why the last attempt failed, in words. */
  readonly error: string | null;
}

/** A delivery one worker holds until `leaseUntil`, with what sending it needs. */
export interface ClaimedDelivery extends StoredDelivery {
  readonly url: string;
  readonly secret: string;
  /** The claim's token: only a finish that names it is accepted (compare-and-set). */
  readonly claim: string;
  readonly leaseUntil: Date;
}

/** How an attempt ended. */
export type DeliveryOutcome =
  | { readonly kind: 'delivered'; readonly responseStatus: number }
  | { readonly kind: 'retry'; readonly responseStatus: number | null; readonly error: string; readonly nextAttemptAt: Date }
  /** Given up; `disableWebhook` disables the webhook with that reason in the same write. */
  | { readonly kind: 'failed'; readonly responseStatus: number | null; readonly error: string; readonly disableWebhook?: string };

export interface ClaimOptions {
  readonly now: Date;
  /** How long the claim holds: after it, another worker may claim the delivery again. */
  readonly leaseMs: number;
  readonly limit: number;
  readonly claim: string;
}

/**
 * Webhooks and their deliveries (libs/storage README, "Webhooks"). Deliveries are claimed from the
 * database with a lease, and finished with a compare-and-set on the claim, so that any number of
 * server instances share the work and no two send one delivery at once.
 */
export interface WebhookStore {
  /** Refuses an owner that is not an account (`invalid-argument`). */
  createWebhook(webhook: NewWebhook): Promise<StoredWebhook>;
  getWebhook(id: string): Promise<StoredWebhook | undefined>;
  /** An owner's webhooks, newest first. */
  listWebhooks(ownerId: string): Promise<StoredWebhook[]>;
  /** Deletes a webhook of this owner, with its deliveries; false if there is none. */
  deleteWebhook(id: string, ownerId: string): Promise<boolean>;
  /**
   * The enabled webhooks an event on a document goes to: those for that document, and those for
   * every document of its owner (`ownerId`), subscribed to the event.
   */
  subscribers(event: WebhookEventName, documentId: string, ownerId: string | null): Promise<StoredWebhook[]>;
  /** Stores deliveries to make now (those of a webhook deleted meanwhile are dropped). */
  enqueueDeliveries(deliveries: readonly NewDelivery[], now: Date): Promise<void>;
  /**
   * Claims up to `limit` pending deliveries that are due, of enabled webhooks, and not held by an
   * unexpired claim, oldest due first: each gets `claim`, a lease to `now + leaseMs` and one more
   * attempt. A delivery is claimed by one caller at a time, across processes.
   */
  claimDueDeliveries(options: ClaimOptions): Promise<ClaimedDelivery[]>;
  /** Records an attempt's outcome if the claim still holds the delivery; false (and nothing written) otherwise. */
  finishDelivery(id: string, claim: string, outcome: DeliveryOutcome, now: Date): Promise<boolean>;
  /** A webhook's latest deliveries, newest first. */
  listDeliveries(webhookId: string, limit: number): Promise<StoredDelivery[]>;
  /** Deletes delivered and failed deliveries stored before `before` (pending ones stay); resolves how many. */
  purgeDeliveries(before: Date): Promise<number>;
}
