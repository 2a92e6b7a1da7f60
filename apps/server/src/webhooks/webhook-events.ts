import { randomUUID } from 'node:crypto';
import type { WebhookPayload } from '@quire/api-contract';
import type { Directory, NewDelivery, WebhookEventName, WebhookStore } from '@quire/storage';
import type { Logger } from 'pino';

export interface PersonRef {
  readonly id: string;
  readonly name: string;
}

/** Something that happened to a document, for its webhooks. */
export interface DocumentEvent {
  readonly event: WebhookEventName;
  readonly document: { readonly id: string; readonly title: string; readonly updatedAt?: Date };
  /** The document's owner: their webhooks for all their documents hear of it. */
  readonly ownerId: string | null;
  readonly authors: readonly PersonRef[];
  /** For member.added and member.removed. */
  readonly member?: PersonRef;
}

export interface WebhookEventsOptions {
  readonly store: WebhookStore;
  readonly directory: Directory;
  /** Told that deliveries are waiting, so they go out now rather than at the next poll. */
  readonly wake: () => void;
  readonly logger: Logger;
}

/**
 * Turns what happened into deliveries: one per subscribed webhook, its body made once and stored
 * before anything is sent (docs/api.md, "Webhooks"). The delivery's id is the body's `id`, so a
 * receiver that sees it twice (a retry after an answer that was lost) can tell.
 */
export class WebhookEvents {
  constructor(private readonly options: WebhookEventsOptions) {}

  async emit(event: DocumentEvent): Promise<number> {
    const { store, wake } = this.options;
    const webhooks = await store.subscribers(event.event, event.document.id, event.ownerId);
    if (webhooks.length === 0) return 0;
    const now = new Date();
    const deliveries: NewDelivery[] = webhooks.map((webhook) => {
      const id = randomUUID();
      return { id, webhookId: webhook.id, event: event.event, body: JSON.stringify(payload(id, event, now)) };
    });
    await store.enqueueDeliveries(deliveries, now);
    wake();
    return deliveries.length;
  }

  /** Emits without making the caller wait or fail: an event that cannot be stored is logged. */
  emitSoon(event: DocumentEvent): void {
    void this.emit(event).catch((error: unknown) =>
      this.options.logger.warn({ err: error, event: event.event, documentId: event.document.id }, 'Could not store a webhook event'),
    );
  }

  /**
   * document.updated for a document whose edits settled: its title and time now, its owner, and the
   * names of those who wrote (who have accounts). Nothing for a document deleted meanwhile.
   */
  async documentUpdated(documentId: string, authorIds: readonly string[]): Promise<void> {
    const { directory } = this.options;
    const document = await directory.getDocument(documentId);
    if (!document) return;
    const members = await directory.listMembers(documentId);
    const owner = members.find((member) => member.role === 'owner');
    const authors: PersonRef[] = [];
    for (const id of authorIds) {
      const user = members.find((member) => member.user.id === id)?.user ?? (await directory.getUser(id));
      if (user) authors.push({ id: user.id, name: user.name });
    }
    await this.emit({ event: 'document.updated', document: { id: document.id, title: document.title, updatedAt: document.updatedAt }, ownerId: owner?.user.id ?? null, authors });
  }
}

function payload(id: string, event: DocumentEvent, now: Date): WebhookPayload {
  return {
    id,
    event: event.event,
    occurredAt: now.toISOString(),
    document: { id: event.document.id, title: event.document.title, ...(event.document.updatedAt ? { updatedAt: event.document.updatedAt.toISOString() } : {}) },
    authors: event.authors.map((author) => ({ id: author.id, name: author.name })),
    ...(event.member ? { member: { id: event.member.id, name: event.member.name } } : {}),
  };
}
