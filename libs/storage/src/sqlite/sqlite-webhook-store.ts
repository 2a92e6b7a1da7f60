import type Database from 'better-sqlite3';
import { noSuchUser } from '../directory-checks';
import { eventsColumn, subscribedTo, toClaimed, toDelivery, toWebhook, type ClaimedRow, type DeliveryRow, type WebhookRow } from '../webhook-rows';
import type { ClaimedDelivery, ClaimOptions, DeliveryOutcome, NewDelivery, NewWebhook, StoredDelivery, StoredWebhook, WebhookEventName, WebhookStore } from '../webhook-store';

const WEBHOOK_COLUMNS = 'id, owner_id, url, events, document_id, secret, created_at, disabled_at, disabled_reason';
const DELIVERY_COLUMNS = 'd.id, d.webhook_id, d.event, d.body, d.status, d.attempts, d.created_at, d.next_attempt_at, d.last_attempt_at, d.response_status, d.error';

/** The webhook store's statements and transactions, prepared once per connection. */
export interface WebhookConnection {
  readonly create: (webhook: NewWebhook, now: number) => void;
  readonly get: Database.Statement<[id: string], WebhookRow>;
  readonly list: Database.Statement<[ownerId: string], WebhookRow>;
  readonly remove: Database.Statement<[id: string, ownerId: string]>;
  readonly candidates: Database.Statement<{ documentId: string; ownerId: string | null }, WebhookRow>;
  readonly enqueue: (deliveries: readonly NewDelivery[], now: number) => void;
  readonly claim: (options: ClaimOptions) => ClaimedRow[];
  readonly finish: (id: string, claim: string, outcome: DeliveryOutcome, now: number) => boolean;
  readonly deliveries: Database.Statement<[webhookId: string, limit: number], DeliveryRow>;
  readonly purge: Database.Statement<[before: number]>;
}

export function prepareWebhookConnection(db: Database.Database): WebhookConnection {
  const userExists = db.prepare<[id: string], number>('SELECT 1 FROM users WHERE id = ?').pluck();
  const insertWebhook = db.prepare<[string, string, string, string, string | null, string, number]>(
    `INSERT INTO webhooks (id, owner_id, url, events, document_id, secret, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)`,
  );
  const insertDelivery = db.prepare<{ id: string; webhookId: string; event: string; body: string; now: number }>(
    `INSERT INTO webhook_deliveries (id, webhook_id, event, body, status, created_at, next_attempt_at)
     SELECT @id, @webhookId, @event, @body, 'pending', @now, @now WHERE EXISTS (SELECT 1 FROM webhooks WHERE id = @webhookId)`,
  );
  const due = db.prepare<{ now: number; limit: number }, { id: string }>(
    `SELECT d.id FROM webhook_deliveries d JOIN webhooks w ON w.id = d.webhook_id
     WHERE d.status = 'pending' AND d.next_attempt_at <= @now AND (d.lease_until IS NULL OR d.lease_until <= @now) AND w.disabled_at IS NULL
     ORDER BY d.next_attempt_at, d.rowid LIMIT @limit`,
  );
  const take = db.prepare<{ id: string; claim: string; now: number; leaseUntil: number }>(
    `UPDATE webhook_deliveries SET claim = @claim, lease_until = @leaseUntil, attempts = attempts + 1, last_attempt_at = @now WHERE id = @id`,
  );
  const claimed = db.prepare<[id: string], ClaimedRow>(
    `SELECT ${DELIVERY_COLUMNS}, w.url, w.secret, d.claim, d.lease_until FROM webhook_deliveries d JOIN webhooks w ON w.id = d.webhook_id WHERE d.id = ?`,
  );
  const finishDelivery = db.prepare<{ id: string; claim: string; status: string; responseStatus: number | null; error: string | null; next: number | null }>(
    `UPDATE webhook_deliveries SET status = @status, response_status = @responseStatus, error = @error,
       next_attempt_at = coalesce(@next, next_attempt_at), claim = NULL, lease_until = NULL
     WHERE id = @id AND claim = @claim AND status = 'pending'`,
  );
  const disable = db.prepare<{ webhookId: string; now: number; reason: string }>(
    'UPDATE webhooks SET disabled_at = @now, disabled_reason = @reason WHERE id = @webhookId AND disabled_at IS NULL',
  );
  const webhookOf = db.prepare<[id: string], string>('SELECT webhook_id FROM webhook_deliveries WHERE id = ?').pluck();

  return {
    create: db.transaction((webhook: NewWebhook, now: number) => {
      if (!userExists.get(webhook.ownerId)) throw noSuchUser('create a webhook');
      insertWebhook.run(webhook.id, webhook.ownerId, webhook.url, eventsColumn(webhook.events), webhook.documentId, webhook.secret, now);
    }).immediate,
    get: db.prepare(`SELECT ${WEBHOOK_COLUMNS} FROM webhooks WHERE id = ?`),
    list: db.prepare(`SELECT ${WEBHOOK_COLUMNS} FROM webhooks WHERE owner_id = ? ORDER BY created_at DESC, rowid DESC`),
    remove: db.prepare('DELETE FROM webhooks WHERE id = ? AND owner_id = ?'),
    candidates: db.prepare(
      `SELECT ${WEBHOOK_COLUMNS} FROM webhooks
       WHERE disabled_at IS NULL AND (document_id = @documentId OR (document_id IS NULL AND owner_id = @ownerId)) ORDER BY created_at, rowid`,
    ),
    enqueue: db.transaction((deliveries: readonly NewDelivery[], now: number) => {
      for (const delivery of deliveries) insertDelivery.run({ id: delivery.id, webhookId: delivery.webhookId, event: delivery.event, body: delivery.body, now });
    }).immediate,
    // One write transaction: SQLite's lock makes the select-then-update atomic, across processes too.
    claim: db.transaction((options: ClaimOptions): ClaimedRow[] => {
      const now = options.now.getTime();
      const ids = due.all({ now, limit: options.limit }).map((row) => row.id);
      for (const id of ids) take.run({ id, claim: options.claim, now, leaseUntil: now + options.leaseMs });
      return ids.map((id) => claimed.get(id) as ClaimedRow);
    }).immediate,
    finish: db.transaction((id: string, claim: string, outcome: DeliveryOutcome, now: number): boolean => {
      const next = outcome.kind === 'retry' ? outcome.nextAttemptAt.getTime() : null;
      const status = outcome.kind === 'delivered' ? 'delivered' : outcome.kind === 'retry' ? 'pending' : 'failed';
      const error = outcome.kind === 'delivered' ? null : outcome.error;
      if (finishDelivery.run({ id, claim, status, responseStatus: outcome.responseStatus, error, next }).changes === 0) return false;
      if (outcome.kind === 'failed' && outcome.disableWebhook) disable.run({ webhookId: webhookOf.get(id) as string, now, reason: outcome.disableWebhook });
      return true;
    }).immediate,
    deliveries: db.prepare(`SELECT ${DELIVERY_COLUMNS} FROM webhook_deliveries d WHERE d.webhook_id = ? ORDER BY d.created_at DESC, d.rowid DESC LIMIT ?`),
    purge: db.prepare("DELETE FROM webhook_deliveries WHERE status <> 'pending' AND created_at < ?"),
  };
}

/** The {@link WebhookStore} of a {@link SqliteStorage}, on its connection. */
export class SqliteWebhookStore implements WebhookStore {
  /** `connection` refuses calls while the storage is not open. */
  constructor(private readonly connection: () => WebhookConnection) {}

  async createWebhook(webhook: NewWebhook): Promise<StoredWebhook> {
    const connection = this.connection();
    connection.create(webhook, Date.now());
    return toWebhook(connection.get.get(webhook.id) as WebhookRow);
  }

  async getWebhook(id: string): Promise<StoredWebhook | undefined> {
    const row = this.connection().get.get(id);
    return row && toWebhook(row);
  }

  async listWebhooks(ownerId: string): Promise<StoredWebhook[]> {
    return this.connection().list.all(ownerId).map(toWebhook);
  }

  async deleteWebhook(id: string, ownerId: string): Promise<boolean> {
    return this.connection().remove.run(id, ownerId).changes > 0;
  }

  async subscribers(event: WebhookEventName, documentId: string, ownerId: string | null): Promise<StoredWebhook[]> {
    return subscribedTo(event, this.connection().candidates.all({ documentId, ownerId }).map(toWebhook));
  }

  async enqueueDeliveries(deliveries: readonly NewDelivery[], now: Date): Promise<void> {
    if (deliveries.length > 0) this.connection().enqueue(deliveries, now.getTime());
  }

  async claimDueDeliveries(options: ClaimOptions): Promise<ClaimedDelivery[]> {
    return this.connection().claim(options).map(toClaimed);
  }

  async finishDelivery(id: string, claim: string, outcome: DeliveryOutcome, now: Date): Promise<boolean> {
    return this.connection().finish(id, claim, outcome, now.getTime());
  }

  async listDeliveries(webhookId: string, limit: number): Promise<StoredDelivery[]> {
    return this.connection().deliveries.all(webhookId, limit).map(toDelivery);
  }

  async purgeDeliveries(before: Date): Promise<number> {
    return this.connection().purge.run(before.getTime()).changes;
  }
}
