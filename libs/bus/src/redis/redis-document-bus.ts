import { randomUUID } from 'node:crypto';
import type Redis from 'ioredis';
import { encodeBusMessage } from '../bus-codec';
import { BusListeners } from '../bus-listeners';
import {
  silentBusLogger,
  type BusListener,
  type BusLogger,
  type BusMessage,
  type BusStats,
  type BusStatus,
  type BusSubscription,
  type DocumentBus,
} from '../document-bus';
import { asBuffer, connectRedis, quit } from './redis-connection';
import { RedisHeartbeat } from './redis-heartbeat';
import { RedisSubscriptions } from './redis-subscriptions';

/** How a {@link RedisDocumentBus} is built. */
export interface RedisDocumentBusOptions {
  /** `redis://[user:password@]host:port[/db]` or `rediss://…`. */
  readonly url: string;
  /** Default a random UUID: a restarted process is a new instance. */
  readonly instanceId?: string;
  /** Prefix of every channel, so that several deployments may share one Redis; default `quire`. */
  readonly channelPrefix?: string;
  readonly logger?: BusLogger;
  /** How often this instance says it is alive; default 2 s. */
  readonly heartbeatIntervalMs?: number;
  /** Silence after which another instance counts as gone (and this one's own subscription as dead); default 10 s. */
  readonly instanceTimeoutMs?: number;
  /** Longest wait between two reconnection attempts; default 1 s. */
  readonly reconnectMaxDelayMs?: number;
}

export const DEFAULT_HEARTBEAT_INTERVAL_MS = 2_000;
export const DEFAULT_INSTANCE_TIMEOUT_MS = 10_000;
export const DEFAULT_RECONNECT_MAX_DELAY_MS = 1_000;

/**
 * The `DocumentBus` over Redis pub/sub: one channel per document (`<prefix>:doc:<id>`) and one
 * for heartbeats (`<prefix>:instances`, see {@link RedisHeartbeat}), on two connections: this
 * class publishes, and {@link RedisSubscriptions} follows the channels on the other (a
 * subscribing connection can do nothing else). Nothing is queued while Redis is away: a publish
 * that cannot be sent is dropped and counted, and every (re)connection of either connection is reported as a gap once its
 * subscriptions are active again, for the hub to catch up from the store. Redis itself never
 * drops single pub/sub messages: a subscriber that falls too far behind is disconnected
 * (`client-output-buffer-limit pubsub`), which is a reconnection like any other.
 */
export class RedisDocumentBus implements DocumentBus {
  readonly instanceId: string;
  private readonly publisher: Redis;
  private readonly subscriber: Redis;
  private readonly listeners: BusListeners;
  private readonly logger: BusLogger;
  private readonly heartbeat: RedisHeartbeat;
  private readonly subscriptions: RedisSubscriptions;
  private subscriberReadyOnce = false;
  private publisherReadyOnce = false;
  /** A publish was dropped since the publisher was last ready: the others may have missed it. */
  private publishFailedWhileDown = false;
  private reportedDown = false;
  private closed = false;

  constructor(options: RedisDocumentBusOptions) {
    this.instanceId = options.instanceId ?? randomUUID();
    this.logger = options.logger ?? silentBusLogger;
    this.listeners = new BusListeners(this.logger);
    const prefix = options.channelPrefix ?? 'quire';
    const reconnectMaxDelayMs = options.reconnectMaxDelayMs ?? DEFAULT_RECONNECT_MAX_DELAY_MS;
    this.publisher = connectRedis(options.url, `quire-${this.instanceId}-publish`, reconnectMaxDelayMs);
    this.subscriber = connectRedis(options.url, `quire-${this.instanceId}-subscribe`, reconnectMaxDelayMs);
    this.heartbeat = new RedisHeartbeat({
      instanceId: this.instanceId,
      channel: `${prefix}:instances`,
      publisher: this.publisher,
      subscriber: this.subscriber,
      intervalMs: options.heartbeatIntervalMs ?? DEFAULT_HEARTBEAT_INTERVAL_MS,
      timeoutMs: options.instanceTimeoutMs ?? DEFAULT_INSTANCE_TIMEOUT_MS,
      logger: this.logger,
      onGone: (instanceId) => this.listeners.instanceGone(instanceId),
    });
    const { instanceId, subscriber, listeners, heartbeat, logger } = this;
    this.subscriptions = new RedisSubscriptions({ instanceId, prefix, subscriber, listeners, heartbeat, logger });
    for (const [name, connection] of [
      ['publisher', this.publisher],
      ['subscriber', this.subscriber],
    ] as const) {
      connection.on('error', (error: Error) => this.connectionError(name, error));
      connection.on('close', () => this.connectionClosed(name));
    }
    this.publisher.on('ready', () => this.publisherReady());
    this.subscriber.on('ready', () => void this.subscriberReady());
  }

  get status(): BusStatus {
    return !this.closed && this.publisher.status === 'ready' && this.subscriber.status === 'ready' ? 'ok' : 'down';
  }

  get stats(): BusStats {
    return this.listeners.stats;
  }

  /** Other instances heard from within the instance timeout. */
  get liveInstances(): string[] {
    return this.heartbeat.alive;
  }

  /**
   * Resolves true once both connections are ready, or false after `timeoutMs`. The server waits
   * for this briefly at start, so that its first documents do not begin with a gap.
   */
  async whenUp(timeoutMs: number): Promise<boolean> {
    const deadline = Date.now() + timeoutMs;
    while (this.status !== 'ok') {
      if (this.closed || Date.now() >= deadline) return false;
      await new Promise((resolve) => setTimeout(resolve, Math.min(20, Math.max(1, deadline - Date.now()))));
    }
    return true;
  }

  subscribe(documentId: string, listener: BusListener): BusSubscription {
    if (this.closed) return { ready: Promise.resolve(), unsubscribe: () => undefined };
    return this.subscriptions.add(documentId, listener);
  }

  publish(documentId: string, message: BusMessage): void {
    if (this.closed) return;
    if (this.publisher.status !== 'ready') {
      this.dropped(documentId);
      return;
    }
    this.publisher.publish(this.subscriptions.channel(documentId), asBuffer(encodeBusMessage(this.instanceId, message))).then(
      () => this.listeners.published(),
      (error: unknown) => {
        this.logger.warn({ documentId, err: error }, 'Publishing on the bus failed; other instances will catch up from the store');
        this.dropped(documentId);
      },
    );
  }

  onGap(listener: (documentId: string | undefined) => void): () => void {
    return this.listeners.onGap(listener);
  }

  onInstanceGone(listener: (instanceId: string) => void): () => void {
    return this.listeners.onInstanceGone(listener);
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.subscriptions.stop();
    await this.heartbeat.goodbye();
    await Promise.all([quit(this.publisher), quit(this.subscriber)]);
  }

  /**
   * Stops without a goodbye, as a killed process would: the others notice from the missing
   * heartbeats. For tests.
   */
  abandon(): void {
    this.closed = true;
    this.subscriptions.stop();
    this.heartbeat.stop();
    this.publisher.disconnect();
    this.subscriber.disconnect();
  }

  private async subscriberReady(): Promise<void> {
    if (this.closed) return;
    const again = this.subscriberReadyOnce;
    this.subscriberReadyOnce = true;
    const documentIds = await this.subscriptions.subscribeAll();
    if (documentIds === undefined) return;
    this.heartbeat.hearing();
    this.connectedAgain('subscriber');
    // Documents subscribed while Redis was away, or a subscription that dropped: either may have missed messages.
    if (again || documentIds.length > 0) this.listeners.gap(undefined);
  }

  private publisherReady(): void {
    if (this.closed) return;
    const again = this.publisherReadyOnce || this.publishFailedWhileDown;
    this.publisherReadyOnce = true;
    this.publishFailedWhileDown = false;
    this.connectedAgain('publisher');
    this.heartbeat.publisherReady();
    // What this instance stored meanwhile was not published: the others must catch up from the store.
    if (again) this.listeners.gap(undefined);
  }

  private dropped(documentId: string): void {
    this.listeners.publishFailed();
    this.publishFailedWhileDown = true;
    if (this.publisher.status === 'ready' && !this.closed) {
      // Failed on a connection that looks up (a timeout): start over; once it is ready again the
      // gap is reported, and the others catch up on this document and every other.
      this.logger.warn({ documentId }, 'A publish failed on a live connection; reconnecting the publisher');
      this.publisher.disconnect(true);
    }
  }

  private connectionError(name: string, error: Error): void {
    if (this.closed) return;
    // ioredis reports each failed reconnection attempt: one line per outage is enough.
    if (!this.reportedDown) this.logger.warn({ connection: name, err: error }, 'Redis connection failed; retrying (local editing goes on)');
    this.reportedDown = true;
  }

  private connectionClosed(name: string): void {
    if (this.closed) return;
    if (name === 'subscriber') this.heartbeat.deaf();
    if (!this.reportedDown) this.logger.warn({ connection: name }, 'Redis connection lost; retrying (local editing goes on)');
    this.reportedDown = true;
  }

  private connectedAgain(name: string): void {
    if (this.reportedDown && this.status === 'ok') {
      this.reportedDown = false;
      this.logger.info({ connection: name }, 'Redis connection back; catching up from the store');
    }
  }
}
