import type Redis from 'ioredis';
import { BusMessageError, decodeBusMessage, encodeSenderPrefix } from '../bus-codec';
import type { BusListeners } from '../bus-listeners';
import type { BusListener, BusLogger, BusSubscription } from '../document-bus';
import type { RedisHeartbeat } from './redis-heartbeat';

/** Channels subscribed per SUBSCRIBE command when many documents subscribe again at once. */
const SUBSCRIBE_CHUNK = 1_000;

/** What {@link RedisSubscriptions} works with. */
export interface RedisSubscriptionsOptions {
  readonly instanceId: string;
  readonly prefix: string;
  readonly subscriber: Redis;
  readonly listeners: BusListeners;
  readonly heartbeat: RedisHeartbeat;
  readonly logger: BusLogger;
}

/**
 * The subscribing connection's side of the Redis bus: the channels it follows (the instances
 * channel, and one per document with a listener), subscribed again in full after every
 * reconnection, and the messages that arrive on them, handed to the heartbeat or the document's
 * listeners. Redis's echo of this instance's own document messages is dropped unread.
 */
export class RedisSubscriptions {
  /** How this instance's own messages begin, to drop Redis's echo of them unread. */
  private readonly ownPrefix: Buffer;
  private readonly instancesChannel: string;
  private readonly instancesChannelBytes: Buffer;
  private stopped = false;

  constructor(private readonly options: RedisSubscriptionsOptions) {
    this.ownPrefix = encodeSenderPrefix(options.instanceId);
    this.instancesChannel = `${options.prefix}:instances`;
    this.instancesChannelBytes = Buffer.from(this.instancesChannel);
    options.subscriber.on('messageBuffer', (channel: Buffer, message: Buffer) => this.receive(channel, message));
  }

  /** The channel of a document. */
  channel(documentId: string): string {
    return `${this.options.prefix}:doc:${documentId}`;
  }

  /** Follows a document; its channel is subscribed now if the connection is up, else on its return. */
  add(documentId: string, listener: BusListener): BusSubscription {
    const { listeners, subscriber, logger } = this.options;
    const first = listeners.add(documentId, listener);
    // Down, the subscription is made when Redis is back, and that reconnection is reported as a gap.
    const ready = first && subscriber.status === 'ready' ? this.subscribeChannels([this.channel(documentId)]) : Promise.resolve();
    let subscribed = true;
    return {
      ready,
      unsubscribe: () => {
        if (!subscribed) return;
        subscribed = false;
        if (listeners.remove(documentId, listener) && subscriber.status === 'ready' && !this.stopped) {
          subscriber.unsubscribe(this.channel(documentId)).catch((error: unknown) => {
            logger.debug({ documentId, err: error }, 'Unsubscribing failed; the reconnection will not subscribe it again');
          });
        }
      },
    };
  }

  /**
   * Subscribes every channel again (the connection is new). Resolves with the documents it
   * covered, or `undefined` when the connection dropped or the bus stopped meanwhile.
   */
  async subscribeAll(): Promise<string[] | undefined> {
    const documentIds = this.options.listeners.documentIds;
    await this.subscribeChannels([this.instancesChannel, ...documentIds.map((id) => this.channel(id))]);
    if (this.stopped || this.options.subscriber.status !== 'ready') return undefined;
    return documentIds;
  }

  /** Nothing more is received or unsubscribed. */
  stop(): void {
    this.stopped = true;
  }

  private async subscribeChannels(channels: string[]): Promise<void> {
    const { subscriber, logger } = this.options;
    try {
      for (let start = 0; start < channels.length; start += SUBSCRIBE_CHUNK) {
        await subscriber.subscribe(...channels.slice(start, start + SUBSCRIBE_CHUNK));
      }
    } catch (error) {
      // Usually the connection dropped meanwhile: its reconnection subscribes everything and
      // reports a gap. If it is still up (a timeout), start that reconnection now.
      logger.warn({ channels: channels.length, err: error }, 'Subscribing on the bus failed; reconnecting to subscribe again');
      if (!this.stopped && subscriber.status === 'ready') subscriber.disconnect(true);
    }
  }

  private receive(channelBytes: Buffer, data: Buffer): void {
    if (this.stopped) return;
    const { instanceId, prefix, listeners, heartbeat, logger } = this.options;
    const onInstancesChannel = channelBytes.equals(this.instancesChannelBytes);
    // Its own heartbeats are wanted (they prove the subscription hears); its own document messages are not.
    if (!onInstancesChannel && startsWith(data, this.ownPrefix)) return;
    const channel = channelBytes.toString();
    try {
      if (onInstancesChannel) {
        heartbeat.hear(data);
        return;
      }
      const documentId = channel.slice(prefix.length + ':doc:'.length);
      if (!listeners.has(documentId)) return;
      const { from, message } = decodeBusMessage(data);
      if (from === instanceId) return;
      heartbeat.seen(from);
      listeners.deliver({ documentId, from, message });
    } catch (error) {
      if (!(error instanceof BusMessageError)) throw error;
      logger.warn({ channel, bytes: data.byteLength, err: error }, 'Dropping a bus message that cannot be read');
    }
  }
}

function startsWith(data: Buffer, prefix: Buffer): boolean {
  return data.length >= prefix.length && prefix.equals(data.subarray(0, prefix.length));
}
