import type { ClaimedDelivery, DeliveryStatus, StoredDelivery, StoredWebhook, WebhookEventName } from './webhook-store';

// Rows of the webhook tables as both SQL adapters read them: times are integers of milliseconds in
// SQLite and Dates from pg; `new Date(...)` accepts either.
type Time = number | Date;

export interface WebhookRow {
  id: string;
  owner_id: string;
  url: string;
  events: string;
  document_id: string | null;
  secret: string;
  created_at: Time;
  disabled_at: Time | null;
  disabled_reason: string | null;
}

export interface DeliveryRow {
  id: string;
  webhook_id: string;
  event: string;
  body: string;
  status: string;
  attempts: number;
  created_at: Time;
  next_attempt_at: Time;
  last_attempt_at: Time | null;
  response_status: number | null;
  error: string | null;
}

export interface ClaimedRow extends DeliveryRow {
  url: string;
  secret: string;
  claim: string;
  lease_until: Time;
}

const time = (value: Time | null): Date | null => (value === null ? null : new Date(value));

/** Events are stored as one comma-separated column: few, fixed names. */
export const eventsColumn = (events: readonly WebhookEventName[]): string => [...new Set(events)].join(',');

export function toWebhook(row: WebhookRow): StoredWebhook {
  return {
    id: row.id,
    ownerId: row.owner_id,
    url: row.url,
    events: row.events.split(',').filter(Boolean) as WebhookEventName[],
    documentId: row.document_id,
    secret: row.secret,
    createdAt: new Date(row.created_at),
    disabledAt: time(row.disabled_at),
    disabledReason: row.disabled_reason,
  };
}

export function toDelivery(row: DeliveryRow): StoredDelivery {
  return {
    id: row.id,
    webhookId: row.webhook_id,
    event: row.event as WebhookEventName,
    body: row.body,
    status: row.status as DeliveryStatus,
    attempts: Number(row.attempts),
    createdAt: new Date(row.created_at),
    nextAttemptAt: new Date(row.next_attempt_at),
    lastAttemptAt: time(row.last_attempt_at),
    responseStatus: row.response_status === null ? null : Number(row.response_status),
    error: row.error,
  };
}

export function toClaimed(row: ClaimedRow): ClaimedDelivery {
  return { ...toDelivery(row), url: row.url, secret: row.secret, claim: row.claim, leaseUntil: new Date(row.lease_until) };
}

/** Keeps the webhooks an event goes to: subscribed to it. */
export function subscribedTo(event: WebhookEventName, webhooks: StoredWebhook[]): StoredWebhook[] {
  return webhooks.filter((webhook) => webhook.events.includes(event));
}
