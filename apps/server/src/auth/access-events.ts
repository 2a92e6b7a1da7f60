import { ACCESS_CHANNEL, type AccessChange, type BusSubscription, type DocumentBus } from '@quire/bus';
import type { Logger } from 'pino';

/** Acts on an access change at this instance; may take time (a database re-check). */
export type AccessListener = (change: AccessChange) => Promise<void> | void;

/** Everything may have changed (a message was lost): every socket is re-checked. */
const EVERYTHING: AccessChange = {};

/**
 * Pushes access changes to the sockets they affect, at this instance and, through the bus, at every
 * other one: the HTTP route that changed who may do what calls {@link changed} after the change is
 * committed, and answers once this instance's listeners (the access watcher, the hub) have acted.
 */
export class AccessEvents {
  private subscription: BusSubscription | undefined;
  private removeGapListener: (() => void) | undefined;
  private readonly listeners: AccessListener[] = [];

  constructor(
    private readonly bus: DocumentBus,
    private readonly logger: Logger,
  ) {}

  /** Called with every change, made here or at another instance. */
  onChange(listener: AccessListener): void {
    this.listeners.push(listener);
  }

  /** Starts hearing the other instances' changes. */
  start(): void {
    this.subscription ??= this.bus.subscribe(ACCESS_CHANNEL, (delivery) => {
      if (delivery.message.type === 'access') void this.apply(delivery.message.change);
    });
    // A message may have been lost: re-check every socket rather than wait for the safety net.
    this.removeGapListener ??= this.bus.onGap((documentId) => {
      if (documentId === undefined || documentId === ACCESS_CHANNEL) void this.apply(EVERYTHING);
    });
  }

  stop(): void {
    this.subscription?.unsubscribe();
    this.removeGapListener?.();
    this.subscription = undefined;
    this.removeGapListener = undefined;
  }

  /** A committed change: tells the other instances, and resolves once this instance has acted on it. */
  async changed(change: AccessChange): Promise<void> {
    this.bus.publish(ACCESS_CHANNEL, { type: 'access', change });
    await this.apply(change);
  }

  private async apply(change: AccessChange): Promise<void> {
    await Promise.all(
      this.listeners.map(async (listener) => {
        try {
          await listener(change);
        } catch (error) {
          this.logger.error({ err: error, change }, 'Acting on an access change failed; the periodic re-check will retry');
        }
      }),
    );
  }
}
