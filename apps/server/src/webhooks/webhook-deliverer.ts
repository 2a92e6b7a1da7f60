import { randomUUID } from 'node:crypto';
import { WEBHOOK_SIGNATURE_HEADER } from '@quire/api-contract';
import type { ClaimedDelivery, DeliveryOutcome, WebhookStore } from '@quire/storage';
import type { Logger } from 'pino';
import type { AddressPolicy } from '../net/address-policy';
import { OutboundError, outboundRequest, readBody } from '../net/outbound-request';
import { afterFailure, RETRY_WINDOW_MS } from './retry-schedule';
import { signatureHeader } from './webhook-signature';

/** A receiver's answer is not read past this. */
export const WEBHOOK_RESPONSE_CAP_BYTES = 64 * 1024;
/** Delivered and failed deliveries are kept this long (the list shows the last 100), then purged hourly. */
export const DELIVERIES_KEPT_MS = 30 * 24 * 60 * 60 * 1000;
const PURGE_INTERVAL_MS = 60 * 60 * 1000;

export interface WebhookDelivererOptions {
  readonly store: WebhookStore;
  readonly policy: AddressPolicy;
  readonly logger: Logger;
  /** How often the database is asked for due deliveries besides when this instance stores some. */
  readonly pollMs?: number;
  /** How long a claim holds a delivery: longer than an attempt (10 s) can take. */
  readonly leaseMs?: number;
  /** Deliveries claimed and sent at once. */
  readonly batch?: number;
}

/**
 * The delivery worker, one per instance: claims due deliveries from the database (so instances
 * share the work and none sends a delivery another holds), signs and POSTs each through the
 * outbound-request guard, and records the outcome where its claim still holds: delivered on a 2xx,
 * else retried with backoff for 24 hours, after which the delivery fails and its webhook is
 * disabled with the reason.
 */
export class WebhookDeliverer {
  private timer: NodeJS.Timeout | undefined;
  private pass: Promise<void> | undefined;
  private again = false;
  private stopped = false;
  private purgedAt = 0;

  constructor(private readonly options: WebhookDelivererOptions) {}

  start(): void {
    this.timer = setInterval(() => this.wake(), this.options.pollMs ?? 1000);
    this.timer.unref();
    this.wake();
  }

  /** Looks for due deliveries now (another pass follows if one is running). */
  wake(): void {
    if (this.stopped) return;
    if (this.pass) {
      this.again = true;
      return;
    }
    this.pass = this.run().finally(() => {
      this.pass = undefined;
      if (this.again) {
        this.again = false;
        this.wake();
      }
    });
  }

  /** Stops claiming, and waits for the attempts under way to be recorded. */
  async stop(): Promise<void> {
    this.stopped = true;
    clearInterval(this.timer);
    await this.pass;
  }

  private async run(): Promise<void> {
    const { store, logger } = this.options;
    const batch = this.options.batch ?? 10;
    await this.purgeNowAndThen();
    try {
      for (;;) {
        if (this.stopped) return;
        const claimed = await store.claimDueDeliveries({ now: new Date(), leaseMs: this.options.leaseMs ?? 30_000, limit: batch, claim: randomUUID() });
        await Promise.all(claimed.map((delivery) => this.deliver(delivery)));
        if (claimed.length < batch) return;
      }
    } catch (error) {
      logger.warn({ err: error }, 'Could not claim webhook deliveries; the next pass will retry');
    }
  }

  private async purgeNowAndThen(): Promise<void> {
    const now = Date.now();
    if (now - this.purgedAt < PURGE_INTERVAL_MS) return;
    this.purgedAt = now;
    try {
      const purged = await this.options.store.purgeDeliveries(new Date(now - DELIVERIES_KEPT_MS));
      if (purged > 0) this.options.logger.info({ purged }, `Purged ${purged} webhook deliveries older than 30 days`);
    } catch (error) {
      this.options.logger.warn({ err: error }, 'Could not purge old webhook deliveries; the next hour will retry');
    }
  }

  private async deliver(delivery: ClaimedDelivery): Promise<void> {
    const { store, logger } = this.options;
    const outcome = await this.attempt(delivery);
    try {
      const recorded = await store.finishDelivery(delivery.id, delivery.claim, outcome, new Date());
      if (!recorded) logger.warn({ deliveryId: delivery.id }, 'A webhook delivery’s claim ran out before its attempt was recorded; another worker has it');
    } catch (error) {
      logger.warn({ err: error, deliveryId: delivery.id }, 'Could not record a webhook delivery’s attempt; it will be tried again when its claim runs out');
    }
    const level = outcome.kind === 'delivered' ? 'info' : 'warn';
    logger[level]({ deliveryId: delivery.id, webhookId: delivery.webhookId, event: delivery.event, attempt: delivery.attempts, outcome: outcome.kind, responseStatus: outcome.responseStatus }, `Webhook delivery ${outcome.kind}`);
  }

  private async attempt(delivery: ClaimedDelivery): Promise<DeliveryOutcome> {
    let responseStatus: number | null = null;
    let error: string;
    try {
      const response = await outboundRequest(delivery.url, {
        policy: this.options.policy,
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          [WEBHOOK_SIGNATURE_HEADER]: signatureHeader(delivery.secret, delivery.body, Math.floor(Date.now() / 1000)),
          'x-quire-event': delivery.event,
          'x-quire-delivery': delivery.id,
        },
        body: delivery.body,
        maxResponseBytes: WEBHOOK_RESPONSE_CAP_BYTES,
      });
      responseStatus = response.status;
      // The status is the answer; the body is read (at most 64 KiB) only to end the exchange.
      await readBody(response.body).catch(() => undefined);
      if (response.status >= 200 && response.status < 300) return { kind: 'delivered', responseStatus };
      error = `The receiver answered ${response.status}${response.status >= 300 && response.status < 400 ? ' (redirects are not followed)' : ''}`;
    } catch (reason) {
      error = reason instanceof OutboundError ? reason.message : `The request failed: ${(reason as Error).message}`;
    }
    const next = afterFailure(delivery.createdAt, delivery.attempts, new Date());
    if (next.retry) return { kind: 'retry', responseStatus, error, nextAttemptAt: next.at };
    return { kind: 'failed', responseStatus, error, disableWebhook: `Deliveries failed for ${RETRY_WINDOW_MS / 3_600_000} hours; the last: ${error}` };
  }
}
