import type Redis from 'ioredis';
import { decodeInstanceSignal, encodeInstanceSignal } from '../bus-codec';
import type { BusLogger } from '../document-bus';
import { InstanceTracker } from '../instance-tracker';
import { asBuffer } from './redis-connection';

/** How a {@link RedisHeartbeat} is built. */
export interface RedisHeartbeatOptions {
  readonly instanceId: string;
  /** `<prefix>:instances`. */
  readonly channel: string;
  readonly publisher: Redis;
  readonly subscriber: Redis;
  readonly intervalMs: number;
  /** Silence after which another instance counts as gone, and this one's own subscription as deaf. */
  readonly timeoutMs: number;
  readonly logger: BusLogger;
  /** Another instance said goodbye or fell silent: its clients' awareness states are stale. */
  readonly onGone: (instanceId: string) => void;
}

/**
 * The instances channel: says every interval that this instance is alive, hears the others (an
 * instance silent for the timeout, or that said goodbye, is gone), and listens for its own
 * heartbeats, which prove that its subscription hears. A subscription that is connected on paper
 * and hears nothing, not even itself (a half-open TCP connection), is restarted.
 */
export class RedisHeartbeat {
  private readonly instances: InstanceTracker;
  private readonly timer: ReturnType<typeof setInterval>;
  /** When this instance last heard its own heartbeat: proof that its subscription works. */
  private ownHeartbeatAt = Date.now();
  private stopped = false;

  constructor(private readonly options: RedisHeartbeatOptions) {
    this.instances = new InstanceTracker(options.timeoutMs, options.onGone);
    this.timer = setInterval(() => this.beat(), options.intervalMs);
    this.timer.unref?.();
  }

  /** Other instances heard from within the timeout. */
  get alive(): string[] {
    return this.instances.alive;
  }

  /** A message from `instanceId` on a document's channel: it is alive. */
  seen(instanceId: string): void {
    this.instances.seen(instanceId);
  }

  /** A message on the instances channel; throws a `BusMessageError` when it cannot be read. */
  hear(data: Uint8Array): void {
    const { from, signal } = decodeInstanceSignal(data);
    if (from === this.options.instanceId) this.ownHeartbeatAt = Date.now();
    else if (signal === 'alive') this.instances.seen(from);
    else this.instances.goodbye(from);
  }

  /** The subscription dropped: nobody's silence means anything until it hears again. */
  deaf(): void {
    this.instances.pause();
  }

  /** The subscription is active again: silence so far proves nothing. */
  hearing(): void {
    this.ownHeartbeatAt = Date.now();
    this.instances.resume();
  }

  /** The publisher is ready (again): its heartbeats could not be sent meanwhile, so beat now and wait for the echo. */
  publisherReady(): void {
    this.ownHeartbeatAt = Date.now();
    this.beat();
  }

  /** Stops beating and says goodbye, if the publisher can, so that the others drop this instance at once. */
  async goodbye(): Promise<void> {
    this.stop();
    const { publisher, channel, instanceId } = this.options;
    if (publisher.status === 'ready') {
      await publisher.publish(channel, asBuffer(encodeInstanceSignal(instanceId, 'goodbye'))).catch(() => undefined);
    }
  }

  /** Stops beating without a word, as a killed process would. */
  stop(): void {
    this.stopped = true;
    clearInterval(this.timer);
  }

  private beat(): void {
    if (this.stopped) return;
    const { publisher, subscriber, channel, instanceId, timeoutMs, logger } = this.options;
    if (publisher.status === 'ready') {
      publisher.publish(channel, asBuffer(encodeInstanceSignal(instanceId, 'alive'))).catch(() => undefined);
    }
    if (subscriber.status !== 'ready') return;
    this.instances.check();
    if (Date.now() - this.ownHeartbeatAt > timeoutMs && publisher.status === 'ready') {
      // Connected on paper, deaf in fact (a half-open TCP connection): start over.
      logger.warn({ silentForMs: Date.now() - this.ownHeartbeatAt }, 'Bus subscription hears nothing, not even itself; reconnecting');
      this.ownHeartbeatAt = Date.now();
      subscriber.disconnect(true);
    }
  }
}
