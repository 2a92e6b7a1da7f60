import { z } from 'zod';
import { DocumentId, Timestamp } from './fields';

/** The events a webhook may subscribe to (docs/api.md, "Webhooks"). */
export const WebhookEvent = z.enum(['document.created', 'document.updated', 'document.deleted', 'member.added', 'member.removed']);
export type WebhookEvent = z.infer<typeof WebhookEvent>;

/** The header a delivery's signature travels in: `t=<unix seconds>,v1=<hex HMAC-SHA256 of "t.body">`. */
export const WEBHOOK_SIGNATURE_HEADER = 'x-quire-signature';

/** `POST /api/webhooks`: where to send which events, for one document of the caller's or all the documents they own. */
export const CreateWebhookBody = z.object({
  url: z
    .string({ required_error: 'Give the address to deliver to as "url"' })
    .trim()
    .max(2048, 'The address is longer than 2,048 characters')
    .refine((value) => /^https?:\/\/[^/]/i.test(value), 'The address must be an http or https URL'),
  events: z.array(WebhookEvent, { required_error: 'Say which events to deliver as "events"' }).min(1, 'Choose at least one event'),
  documentId: DocumentId.optional(),
});
export type CreateWebhookBody = z.infer<typeof CreateWebhookBody>;

/** `POST /api/webhooks`: the new webhook's id, and the secret its deliveries are signed with (shown this once). */
export const CreatedWebhook = z.object({ id: z.string(), secret: z.string() });
export type CreatedWebhook = z.infer<typeof CreatedWebhook>;

/** A webhook as its owner sees it (never its secret). */
export const WebhookView = z.object({
  id: z.string(),
  url: z.string(),
  events: z.array(WebhookEvent),
  documentId: z.string().nullable(),
  createdAt: Timestamp,
  /** Set when its deliveries failed for 24 hours; it gets none after. */
  disabledAt: Timestamp.nullable(),
  disabledReason: z.string().nullable(),
});
export type WebhookView = z.infer<typeof WebhookView>;

export const WebhookList = z.object({ webhooks: z.array(WebhookView) });
export type WebhookList = z.infer<typeof WebhookList>;

/** One delivery: `pending` (not yet sent, or waiting to be retried), `delivered` (a 2xx) or `failed` (given up). */
export const WebhookDeliveryView = z.object({
  id: z.string(),
  event: WebhookEvent,
  status: z.enum(['pending', 'delivered', 'failed']),
  attempts: z.number().int().nonnegative(),
  /** The status the receiver answered the last attempt with, or null if it did not answer. */
  responseStatus: z.number().int().nullable(),
  error: z.string().nullable(),
  createdAt: Timestamp,
  lastAttemptAt: Timestamp.nullable(),
  nextAttemptAt: Timestamp.nullable(),
});
export type WebhookDeliveryView = z.infer<typeof WebhookDeliveryView>;

/** `GET /api/webhooks/:id/deliveries`: the last 100, newest first. */
export const WebhookDeliveryList = z.object({ deliveries: z.array(WebhookDeliveryView) });
export type WebhookDeliveryList = z.infer<typeof WebhookDeliveryList>;

/** A delivery's JSON body: `id` is the delivery's, for idempotency. */
export const WebhookPayload = z.object({
  id: z.string(),
  event: WebhookEvent,
  occurredAt: Timestamp,
  document: z.object({ id: z.string(), title: z.string(), updatedAt: Timestamp.optional() }),
  authors: z.array(z.object({ id: z.string(), name: z.string() })),
  /** For member.added and member.removed: whom it was. */
  member: z.object({ id: z.string(), name: z.string() }).optional(),
});
export type WebhookPayload = z.infer<typeof WebhookPayload>;
