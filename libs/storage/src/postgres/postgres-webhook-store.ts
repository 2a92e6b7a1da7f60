import { escapeIdentifier, type Pool } from 'pg';
import { noSuchUser } from '../directory-checks';
import { eventsColumn, subscribedTo, toClaimed, toDelivery, toWebhook, type ClaimedRow, type DeliveryRow, type WebhookRow } from '../webhook-rows';
import type { ClaimedDelivery, ClaimOptions, DeliveryOutcome, NewDelivery, NewWebhook, StoredDelivery, StoredWebhook, WebhookEventName, WebhookStore } from '../webhook-store';
import { inTransaction } from './pool';

/** The webhook store's statements for the tables in `schema` (any name: it is quoted). */
function statementsFor(schema: string) {
  const q = escapeIdentifier(schema);
  const webhook = 'id, owner_id, url, events, document_id, secret, created_at, disabled_at, disabled_reason';
  const delivery = 'd.id, d.webhook_id, d.event, d.body, d.status, d.attempts, d.created_at, d.next_attempt_at, d.last_attempt_at, d.response_status, d.error';
  return {
    insertWebhook: `INSERT INTO ${q}.webhooks (id, owner_id, url, events, document_id, secret, created_at)
      SELECT $1, $2, $3, $4, $5, $6, $7 WHERE EXISTS (SELECT 1 FROM ${q}.users WHERE id = $2)`,
    get: `SELECT ${webhook} FROM ${q}.webhooks WHERE id = $1`,
    list: `SELECT ${webhook} FROM ${q}.webhooks WHERE owner_id = $1 ORDER BY created_at DESC, seq DESC`,
    remove: `DELETE FROM ${q}.webhooks WHERE id = $1 AND owner_id = $2`,
    candidates: `SELECT ${webhook} FROM ${q}.webhooks
      WHERE disabled_at IS NULL AND (document_id = $1 OR (document_id IS NULL AND owner_id = $2)) ORDER BY created_at, seq`,
    enqueue: `INSERT INTO ${q}.webhook_deliveries (id, webhook_id, event, body, status, created_at, next_attempt_at)
      SELECT d.id, d.webhook_id, d.event, d.body, 'pending', $5, $5
      FROM unnest($1::text[], $2::text[], $3::text[], $4::text[]) WITH ORDINALITY AS d (id, webhook_id, event, body, n)
      WHERE EXISTS (SELECT 1 FROM ${q}.webhooks w WHERE w.id = d.webhook_id)
      -- In the order given, so that seq orders them as SQLite's rowid does.
      ORDER BY d.n`,
    // One statement: the rows are locked as they are picked (SKIP LOCKED lets two workers pick
    // different ones), and a row claimed meanwhile fails the re-checked WHERE, so no delivery is
    // claimed twice across instances.
    claim: `WITH picked AS (
        SELECT d.id FROM ${q}.webhook_deliveries d JOIN ${q}.webhooks w ON w.id = d.webhook_id
        WHERE d.status = 'pending' AND d.next_attempt_at <= $1 AND (d.lease_until IS NULL OR d.lease_until <= $1) AND w.disabled_at IS NULL
        ORDER BY d.next_attempt_at, d.seq LIMIT $2 FOR UPDATE OF d SKIP LOCKED
      )
      UPDATE ${q}.webhook_deliveries d SET claim = $3, lease_until = $4, attempts = d.attempts + 1, last_attempt_at = $1
      FROM picked WHERE d.id = picked.id
      RETURNING d.id`,
    claimed: `SELECT ${delivery}, w.url, w.secret, d.claim, d.lease_until FROM ${q}.webhook_deliveries d JOIN ${q}.webhooks w ON w.id = d.webhook_id
      WHERE d.id = ANY($1::text[]) ORDER BY d.next_attempt_at, d.seq`,
    finish: `UPDATE ${q}.webhook_deliveries SET status = $3, response_status = $4, error = $5,
        next_attempt_at = coalesce($6, next_attempt_at), claim = NULL, lease_until = NULL
      WHERE id = $1 AND claim = $2 AND status = 'pending' RETURNING webhook_id`,
    disable: `UPDATE ${q}.webhooks SET disabled_at = $2, disabled_reason = $3 WHERE id = $1 AND disabled_at IS NULL`,
    deliveries: `SELECT ${delivery} FROM ${q}.webhook_deliveries d WHERE d.webhook_id = $1 ORDER BY d.created_at DESC, d.seq DESC LIMIT $2`,
    purge: `DELETE FROM ${q}.webhook_deliveries WHERE status <> 'pending' AND created_at < $1`,
  };
}

/** The {@link WebhookStore} of a {@link PostgresStorage}, on its pool. */
export class PostgresWebhookStore implements WebhookStore {
  private readonly s: ReturnType<typeof statementsFor>;

  /** `pool` refuses calls while the storage is not open. */
  constructor(
    schema: string,
    private readonly pool: () => Pool,
  ) {
    this.s = statementsFor(schema);
  }

  async createWebhook(webhook: NewWebhook): Promise<StoredWebhook> {
    const { rowCount } = await this.pool().query(this.s.insertWebhook, [webhook.id, webhook.ownerId, webhook.url, eventsColumn(webhook.events), webhook.documentId, webhook.secret, new Date()]);
    if (rowCount === 0) throw noSuchUser('create a webhook');
    return (await this.getWebhook(webhook.id)) as StoredWebhook;
  }

  async getWebhook(id: string): Promise<StoredWebhook | undefined> {
    const { rows } = await this.pool().query<WebhookRow>(this.s.get, [id]);
    return rows[0] && toWebhook(rows[0]);
  }

  async listWebhooks(ownerId: string): Promise<StoredWebhook[]> {
    return (await this.pool().query<WebhookRow>(this.s.list, [ownerId])).rows.map(toWebhook);
  }

  async deleteWebhook(id: string, ownerId: string): Promise<boolean> {
    return ((await this.pool().query(this.s.remove, [id, ownerId])).rowCount ?? 0) > 0;
  }

  async subscribers(event: WebhookEventName, documentId: string, ownerId: string | null): Promise<StoredWebhook[]> {
    return subscribedTo(event, (await this.pool().query<WebhookRow>(this.s.candidates, [documentId, ownerId])).rows.map(toWebhook));
  }

  async enqueueDeliveries(deliveries: readonly NewDelivery[], now: Date): Promise<void> {
    if (deliveries.length === 0) return;
    const column = (pick: (delivery: NewDelivery) => string) => deliveries.map(pick);
    await this.pool().query(this.s.enqueue, [column((d) => d.id), column((d) => d.webhookId), column((d) => d.event), column((d) => d.body), now]);
  }

  async claimDueDeliveries(options: ClaimOptions): Promise<ClaimedDelivery[]> {
    const pool = this.pool();
    const leaseUntil = new Date(options.now.getTime() + options.leaseMs);
    const taken = await pool.query<{ id: string }>(this.s.claim, [options.now, options.limit, options.claim, leaseUntil]);
    if (taken.rows.length === 0) return [];
    const { rows } = await pool.query<ClaimedRow>(this.s.claimed, [taken.rows.map((row) => row.id)]);
    // Only what this claim still holds (a lease far shorter than this gap never expires in it).
    return rows.filter((row) => row.claim === options.claim).map(toClaimed);
  }

  async finishDelivery(id: string, claim: string, outcome: DeliveryOutcome, now: Date): Promise<boolean> {
    const next = outcome.kind === 'retry' ? outcome.nextAttemptAt : null;
    const status = outcome.kind === 'delivered' ? 'delivered' : outcome.kind === 'retry' ? 'pending' : 'failed';
    const error = outcome.kind === 'delivered' ? null : outcome.error;
    return inTransaction(this.pool(), async (client) => {
      const finished = await client.query<{ webhook_id: string }>(this.s.finish, [id, claim, status, outcome.responseStatus, error, next]);
      const row = finished.rows[0];
      if (!row) return false;
      if (outcome.kind === 'failed' && outcome.disableWebhook) await client.query(this.s.disable, [row.webhook_id, now, outcome.disableWebhook]);
      return true;
    });
  }

  async listDeliveries(webhookId: string, limit: number): Promise<StoredDelivery[]> {
    return (await this.pool().query<DeliveryRow>(this.s.deliveries, [webhookId, limit])).rows.map(toDelivery);
  }

  async purgeDeliveries(before: Date): Promise<number> {
    return (await this.pool().query(this.s.purge, [before])).rowCount ?? 0;
  }
}
