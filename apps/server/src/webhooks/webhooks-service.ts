import { randomBytes, randomUUID } from 'node:crypto';
import { CreateWebhookBody, type CreatedWebhook, type WebhookDeliveryView, type WebhookView } from '@quire/api-contract';
import type { StoredDelivery, StoredWebhook, WebhookStore } from '@quire/storage';
import { AuthError } from '../auth/auth-error';
import type { DocumentsService } from '../auth/documents-service';
import { parseBody } from '../auth/parse-body';
import type { Principal } from '../auth/principal';
import type { AddressPolicy } from '../net/address-policy';
import { checkDestination } from '../net/check-destination';
import { OutboundError } from '../net/outbound-request';

/** `GET /api/webhooks/:id/deliveries` lists this many. */
export const DELIVERIES_LISTED = 100;

export interface WebhooksServiceOptions {
  readonly store: WebhookStore;
  readonly documents: DocumentsService;
  readonly policy: AddressPolicy;
}

/** The webhook routes' work (docs/api.md, "Webhooks"): a webhook is its owner's alone. */
export class WebhooksService {
  constructor(private readonly options: WebhooksServiceOptions) {}

  async create(principal: Principal, body: unknown): Promise<CreatedWebhook> {
    const { store, documents, policy } = this.options;
    const input = parseBody(CreateWebhookBody, body);
    // For one document: its owner only (a member gets 403, anyone else 404).
    if (input.documentId) await documents.get(principal, input.documentId, 'owner');
    try {
      await checkDestination(input.url, policy);
    } catch (error) {
      if (error instanceof OutboundError) throw new AuthError(422, `This webhook address cannot be used: ${error.message}`);
      throw error;
    }
    const secret = `whsec_${randomBytes(24).toString('base64url')}`;
    const webhook = await store.createWebhook({ id: randomUUID(), ownerId: principal.user.id, url: input.url, events: input.events, documentId: input.documentId ?? null, secret });
    return { id: webhook.id, secret };
  }

  async list(principal: Principal): Promise<WebhookView[]> {
    return (await this.options.store.listWebhooks(principal.user.id)).map(webhookView);
  }

  async delete(principal: Principal, id: string): Promise<void> {
    if (!(await this.options.store.deleteWebhook(id, principal.user.id))) throw notFound();
  }

  async deliveries(principal: Principal, id: string): Promise<WebhookDeliveryView[]> {
    const webhook = await this.options.store.getWebhook(id);
    if (!webhook || webhook.ownerId !== principal.user.id) throw notFound();
    return (await this.options.store.listDeliveries(id, DELIVERIES_LISTED)).map(deliveryView);
  }
}

const notFound = () => new AuthError(404, 'No such webhook, or it is not yours');

function webhookView(webhook: StoredWebhook): WebhookView {
  return {
    id: webhook.id,
    url: webhook.url,
    events: webhook.events,
    documentId: webhook.documentId,
    createdAt: webhook.createdAt.toISOString(),
    disabledAt: webhook.disabledAt?.toISOString() ?? null,
    disabledReason: webhook.disabledReason,
  };
}

function deliveryView(delivery: StoredDelivery): WebhookDeliveryView {
  return {
    id: delivery.id,
    event: delivery.event,
    status: delivery.status,
    attempts: delivery.attempts,
    responseStatus: delivery.responseStatus,
    error: delivery.error,
    createdAt: delivery.createdAt.toISOString(),
    lastAttemptAt: delivery.lastAttemptAt?.toISOString() ?? null,
    nextAttemptAt: delivery.status === 'pending' ? delivery.nextAttemptAt.toISOString() : null,
  };
}
