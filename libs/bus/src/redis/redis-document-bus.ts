import { randomUUID } from 'node:crypto';
import Redis, { type RedisOptions } from 'ioredis';
import { BusMessageError, decodeBusMessage, decodeInstanceSignal, encodeBusMessage, encodeInstanceSignal, encodeSenderPrefix } from '../bus-codec';
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
import { InstanceTracker } from '../instance-tracker';

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

/** Channels subscribed per SUBSCRIBE command when many documents subscribe again at once. */
const SUBSCRIBE_CHUNK = 1_000;

/**
 * The `DocumentBus` over Redis pub/sub: one channel per document (`<prefix>:doc:<id>`) and one
 * for heartbeats (`<prefix>:instances`), on two connections (a subscribing connection can do
 * nothing else). Nothing is queued while Redis is away: a publish that cannot be sent is dropped
 * and counted, and every (re)connection of either connection is reported as a gap once its
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
  private readonly prefix: string;
  private readonly instancesChannel: string;
  /** How this instance's own messages begin, to drop Redis's echo of them unread. */
  private readonly ownPrefix: Buffer;
  private readonly instancesChannelBytes: Buffer;
  private readonly instances: InstanceTracker;
  private readonly heartbeat: ReturnType<typeof setInterval>;
  private readonly instanceTimeoutMs: number;
  /** When this instance last heard its own heartbeat: proof that its subscription works. */
  private ownHeartbeatAt = Date.now();
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
    this.prefix = options.channelPrefix ?? 'quire';
    this.instancesChannel = `${this.prefix}:instances`;
    this.ownPrefix = encodeSenderPrefix(this.instanceId);
    this.instancesChannelBytes = Buffer.from(this.instancesChannel);
    this.instanceTimeoutMs = options.instanceTimeoutMs ?? DEFAULT_INSTANCE_TIMEOUT_MS;
    this.instances = new InstanceTracker(this.instanceTimeoutMs, (instanceId) => this.listeners.instanceGone(instanceId));
    const reconnectMaxDelayMs = options.reconnectMaxDelayMs ?? DEFAULT_RECONNECT_MAX_DELAY_MS;
    const common: RedisOptions = {
      // Nothing waits for Redis: a message that cannot go now is replaced by a catch-up later.
      enableOfflineQueue: false,
      autoResendUnfulfilledCommands: false,
      // This class subscribes again itself, so that it knows when the subscriptions are active.
      autoResubscribe: false,
      maxRetriesPerRequest: 0,
      retryStrategy: (attempt: number) => Math.min(attempt * 100, reconnectMaxDelayMs),
      connectTimeout: 5_000,
      commandTimeout: 5_000,
      keepAlive: 10_000,
    };
    // Not auto-pipelined: that defers each write to setImmediate, after the local relays of the
    // same turn, and costs a pipeline per turn; measured, it saved no CPU at editing rates.
    this.publisher = new Redis(options.url, { ...common, connectionName: `quire-${this.instanceId}-publish` });
    this.subscriber = new Redis(options.url, { ...common, connectionName: `quire-${this.instanceId}-subscribe` });
    for (const [name, connection] of [
      ['publisher', this.publisher],
      ['subscriber', this.subscriber],
    ] as const) {
      connection.on('error', (error: Error) => this.connectionError(name, error));
      connection.on('close', () => this.connectionClosed(name));
    }
    this.publisher.on('ready', () => this.publisherReady());
    this.subscriber.on('ready', () => void this.subscriberReady());
    this.subscriber.on('messageBuffer', (channel: Buffer, message: Buffer) => this.receive(channel, message));
    this.heartbeat = setInterval(() => this.beat(), options.heartbeatIntervalMs ?? DEFAULT_HEARTBEAT_INTERVAL_MS);
    this.heartbeat.unref?.();
  }

  get status(): BusStatus {
    return !this.closed && this.publisher.status === 'ready' && this.subscriber.status === 'ready' ? 'ok' : 'down';
  }

  get stats(): BusStats {
    return this.listeners.stats;
  }

  /** Other instances heard from within the instance timeout. */
  get liveInstances(): string[] {
    return this.instances.alive;
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
    const first = this.listeners.add(documentId, listener);
    // Down, the subscription is made when Redis is back, and that reconnection is reported as a gap.
    const ready = first && this.subscriber.status === 'ready' ? this.subscribeChannels([this.channel(documentId)]) : Promise.resolve();
    let subscribed = true;
    return {
      ready,
      unsubscribe: () => {
        if (!subscribed) return;
        subscribed = false;
        if (this.listeners.remove(documentId, listener) && this.subscriber.status === 'ready' && !this.closed) {
          this.subscriber.unsubscribe(this.channel(documentId)).catch((error: unknown) => {
            this.logger.debug({ documentId, err: error }, 'Unsubscribing failed; the reconnection will not subscribe it again');
          });
        }
      },
    };
  }

  publish(documentId: string, message: BusMessage): void {
    if (this.closed) return;
    if (this.publisher.status !== 'ready') {
      this.dropped(documentId);
      return;
    }
    this.publisher.publish(this.channel(documentId), asBuffer(encodeBusMessage(this.instanceId, message))).then(
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
    clearInterval(this.heartbeat);
    if (this.publisher.status === 'ready') {
      await this.publisher.publish(this.instancesChannel, asBuffer(encodeInstanceSignal(this.instanceId, 'goodbye'))).catch(() => undefined);
    }
    await Promise.all([quit(this.publisher), quit(this.subscriber)]);
  }

  /**
   * Stops without a goodbye, as a killed process would: the others notice from the missing
   * heartbeats. For tests.
   */
  abandon(): void {
    this.closed = true;
    clearInterval(this.heartbeat);
    this.publisher.disconnect();
    this.subscriber.disconnect();
  }

  private channel(documentId: string): string {
    return `${this.prefix}:doc:${documentId}`;
  }

  private async subscribeChannels(channels: string[]): Promise<void> {
    try {
      for (let start = 0; start < channels.length; start += SUBSCRIBE_CHUNK) {
        await this.subscriber.subscribe(...channels.slice(start, start + SUBSCRIBE_CHUNK));
      }
    } catch (error) {
      // Usually the connection dropped meanwhile: its reconnection subscribes everything and
      // reports a gap. If it is still up (a timeout), start that reconnection now.
      this.logger.warn({ channels: channels.length, err: error }, 'Subscribing on the bus failed; reconnecting to subscribe again');
      if (!this.closed && this.subscriber.status === 'ready') this.subscriber.disconnect(true);
    }
  }

  private async subscriberReady(): Promise<void> {
    if (this.closed) return;
    const again = this.subscriberReadyOnce;
    this.subscriberReadyOnce = true;
    const documentIds = this.listeners.documentIds;
    await this.subscribeChannels([this.instancesChannel, ...documentIds.map((id) => this.channel(id))]);
    if (this.closed || this.subscriber.status !== 'ready') return;
    this.ownHeartbeatAt = Date.now();
    this.instances.resume();
    this.connectedAgain('subscriber');
    // Documents subscribed while Redis was away, or a subscription that dropped: either may have missed messages.
    if (again || documentIds.length > 0) this.listeners.gap(undefined);
  }

  private publisherReady(): void {
    if (this.closed) return;
    const again = this.publisherReadyOnce || this.publishFailedWhileDown;
    this.publisherReadyOnce = true;
    this.publishFailedWhileDown = false;
    // Its heartbeats could not be sent meanwhile: the subscription's silence proves nothing yet.
    this.ownHeartbeatAt = Date.now();
    this.connectedAgain('publisher');
    this.beat();
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

  private receive(channelBytes: Buffer, data: Buffer): void {
    if (this.closed) return;
    const onInstancesChannel = channelBytes.equals(this.instancesChannelBytes);
    // Its own heartbeats are wanted (they prove the subscription hears); its own document messages are not.
    if (!onInstancesChannel && startsWith(data, this.ownPrefix)) return;
    const channel = channelBytes.toString();
    try {
      if (onInstancesChannel) {
        const { from, signal } = decodeInstanceSignal(data);
        if (from === this.instanceId) this.ownHeartbeatAt = Date.now();
        else if (signal === 'alive') this.instances.seen(from);
        else this.instances.goodbye(from);
        return;
      }
      const documentId = channel.slice(this.prefix.length + ':doc:'.length);
      if (!this.listeners.has(documentId)) return;
      const { from, message } = decodeBusMessage(data);
      if (from === this.instanceId) return;
      this.instances.seen(from);
      this.listeners.deliver({ documentId, from, message });
    } catch (error) {
      if (!(error instanceof BusMessageError)) throw error;
      this.logger.warn({ channel, bytes: data.byteLength, err: error }, 'Dropping a bus message that cannot be read');
    }
  }

  private beat(): void {
    if (this.closed) return;
    if (this.publisher.status === 'ready') {
      this.publisher.publish(this.instancesChannel, asBuffer(encodeInstanceSignal(this.instanceId, 'alive'))).catch(() => undefined);
    }
    if (this.subscriber.status !== 'ready') return;
    this.instances.check();
    if (Date.now() - this.ownHeartbeatAt > this.instanceTimeoutMs && this.publisher.status === 'ready') {
      // Connected on paper, deaf in fact (a half-open TCP connection): start over.
      this.logger.warn({ silentForMs: Date.now() - this.ownHeartbeatAt }, 'Bus subscription hears nothing, not even itself; reconnecting');
      this.ownHeartbeatAt = Date.now();
      this.subscriber.disconnect(true);
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
    if (name === 'subscriber') this.instances.pause();
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

function startsWith(data: Buffer, prefix: Buffer): boolean {
  return data.length >= prefix.length && prefix.equals(data.subarray(0, prefix.length));
}

/** The same bytes as a Buffer (what ioredis sends as is), without copying them. */
function asBuffer(bytes: Uint8Array): Buffer {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

async function quit(connection: Redis): Promise<void> {
  if (connection.status === 'end') return;
  try {
    if (connection.status !== 'ready') throw new Error('not connected');
    await connection.quit();
  } catch {
    connection.disconnect();
  }
}
