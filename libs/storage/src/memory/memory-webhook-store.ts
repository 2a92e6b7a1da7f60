import { noSuchUser } from '../directory-checks';
import { eventsColumn, subscribedTo, toWebhook } from '../webhook-rows';
import type { ClaimedDelivery, ClaimOptions, DeliveryOutcome, NewDelivery, NewWebhook, StoredDelivery, StoredWebhook, WebhookEventName, WebhookStore } from '../webhook-store';

interface MemoryDelivery {
  delivery: StoredDelivery;
  claim: string | null;
  leaseUntil: number | null;
  order: number;
}

/** What a memory webhook store holds; shared with the storage a `reopen()` makes. */
export interface MemoryWebhookData {
  readonly accounts: Set<string>;
  readonly webhooks: Map<string, { webhook: StoredWebhook; order: number }>;
  readonly deliveries: Map<string, MemoryDelivery>;
  order: number;
}

export function emptyWebhookData(): MemoryWebhookData {
  return { accounts: new Set(), webhooks: new Map(), deliveries: new Map(), order: 0 };
}

/**
 * A {@link WebhookStore} in process memory with the SQL adapters' semantics. It has no accounts:
 * {@link addAccount} names the user ids a webhook may belong to.
 */
export class MemoryWebhookStore implements WebhookStore {
  constructor(private readonly data: () => MemoryWebhookData) {}

  addAccount(id: string): void {
    this.data().accounts.add(id);
  }

  /** Deletes an account with its webhooks, as the SQL foreign keys do. */
  removeAccount(id: string): void {
    const data = this.data();
    data.accounts.delete(id);
    for (const { webhook } of [...data.webhooks.values()]) if (webhook.ownerId === id) this.drop(webhook.id);
  }

  async createWebhook(webhook: NewWebhook): Promise<StoredWebhook> {
    const data = this.data();
    if (!data.accounts.has(webhook.ownerId)) throw noSuchUser('create a webhook');
    const stored = toWebhook({
      id: webhook.id,
      owner_id: webhook.ownerId,
      url: webhook.url,
      events: eventsColumn(webhook.events),
      document_id: webhook.documentId,
      secret: webhook.secret,
      created_at: Date.now(),
      disabled_at: null,
      disabled_reason: null,
    });
    data.webhooks.set(webhook.id, { webhook: stored, order: data.order++ });
    return stored;
  }

  async getWebhook(id: string): Promise<StoredWebhook | undefined> {
    return this.data().webhooks.get(id)?.webhook;
  }

  async listWebhooks(ownerId: string): Promise<StoredWebhook[]> {
    return [...this.data().webhooks.values()]
      .filter(({ webhook }) => webhook.ownerId === ownerId)
      .sort((a, b) => b.webhook.createdAt.getTime() - a.webhook.createdAt.getTime() || b.order - a.order)
      .map(({ webhook }) => webhook);
  }

  async deleteWebhook(id: string, ownerId: string): Promise<boolean> {
    const found = this.data().webhooks.get(id);
    if (!found || found.webhook.ownerId !== ownerId) return false;
    this.drop(id);
    return true;
  }

  async subscribers(event: WebhookEventName, documentId: string, ownerId: string | null): Promise<StoredWebhook[]> {
    const candidates = [...this.data().webhooks.values()]
      .filter(({ webhook }) => webhook.disabledAt === null && (webhook.documentId === documentId || (webhook.documentId === null && webhook.ownerId === ownerId)))
      .sort((a, b) => a.order - b.order)
      .map(({ webhook }) => webhook);
    return subscribedTo(event, candidates);
  }

  async enqueueDeliveries(deliveries: readonly NewDelivery[], now: Date): Promise<void> {
    const data = this.data();
    for (const delivery of deliveries) {
      if (!data.webhooks.has(delivery.webhookId)) continue;
      if (data.deliveries.has(delivery.id)) throw new Error(`A delivery with id ${delivery.id} exists`);
      data.deliveries.set(delivery.id, {
        delivery: { ...delivery, status: 'pending', attempts: 0, createdAt: now, nextAttemptAt: now, lastAttemptAt: null, responseStatus: null, error: null },
        claim: null,
        leaseUntil: null,
        order: data.order++,
      });
    }
  }

  async claimDueDeliveries(options: ClaimOptions): Promise<ClaimedDelivery[]> {
    const data = this.data();
    const now = options.now.getTime();
    const due = [...data.deliveries.values()]
      .filter((entry) => {
        const webhook = data.webhooks.get(entry.delivery.webhookId)?.webhook;
        return entry.delivery.status === 'pending' && entry.delivery.nextAttemptAt.getTime() <= now && (entry.leaseUntil === null || entry.leaseUntil <= now) && webhook?.disabledAt === null;
      })
      .sort((a, b) => a.delivery.nextAttemptAt.getTime() - b.delivery.nextAttemptAt.getTime() || a.order - b.order)
      .slice(0, options.limit);
    return due.map((entry) => {
      const webhook = data.webhooks.get(entry.delivery.webhookId)?.webhook as StoredWebhook;
      entry.claim = options.claim;
      entry.leaseUntil = now + options.leaseMs;
      entry.delivery = { ...entry.delivery, attempts: entry.delivery.attempts + 1, lastAttemptAt: options.now };
      return { ...entry.delivery, url: webhook.url, secret: webhook.secret, claim: options.claim, leaseUntil: new Date(entry.leaseUntil) };
    });
  }

  async finishDelivery(id: string, claim: string, outcome: DeliveryOutcome, now: Date): Promise<boolean> {
    const data = this.data();
    const entry = data.deliveries.get(id);
    if (!entry || entry.claim !== claim || entry.delivery.status !== 'pending') return false;
    entry.claim = null;
    entry.leaseUntil = null;
    entry.delivery = {
      ...entry.delivery,
      status: outcome.kind === 'delivered' ? 'delivered' : outcome.kind === 'retry' ? 'pending' : 'failed',
      responseStatus: outcome.responseStatus,
      error: outcome.kind === 'delivered' ? null : outcome.error,
      nextAttemptAt: outcome.kind === 'retry' ? outcome.nextAttemptAt : entry.delivery.nextAttemptAt,
    };
    const found = data.webhooks.get(entry.delivery.webhookId);
    if (outcome.kind === 'failed' && outcome.disableWebhook && found && found.webhook.disabledAt === null) {
      found.webhook = { ...found.webhook, disabledAt: now, disabledReason: outcome.disableWebhook };
    }
    return true;
  }

  async listDeliveries(webhookId: string, limit: number): Promise<StoredDelivery[]> {
    return [...this.data().deliveries.values()]
      .filter((entry) => entry.delivery.webhookId === webhookId)
      .sort((a, b) => b.delivery.createdAt.getTime() - a.delivery.createdAt.getTime() || b.order - a.order)
      .slice(0, limit)
      .map((entry) => entry.delivery);
  }

  async purgeDeliveries(before: Date): Promise<number> {
    const data = this.data();
    let removed = 0;
    for (const [id, entry] of data.deliveries) {
      if (entry.delivery.status !== 'pending' && entry.delivery.createdAt.getTime() < before.getTime()) {
        data.deliveries.delete(id);
        removed++;
      }
    }
    return removed;
  }

  private drop(webhookId: string): void {
    const data = this.data();
    data.webhooks.delete(webhookId);
    for (const [id, entry] of data.deliveries) if (entry.delivery.webhookId === webhookId) data.deliveries.delete(id);
  }
}
