import { ACCESS_CHANNEL, type AccessChange, type BusSubscription, type DocumentBus } from '@quire/bus';
import type { Logger } from 'pino';
import type { AccessWatcher } from './access-watcher';

/**
 * Pushes access changes to the sockets they affect, at this instance and, through the bus, at every
 * other one: the HTTP route that changed who may do what calls {@link changed} after the change is
 * committed, and answers once this instance's sockets are dealt with.
 */
export class AccessEvents {
  private subscription: BusSubscription | undefined;
  private removeGapListener: (() => void) | undefined;
  private readonly deletedListeners: Array<(documentId: string) => void> = [];

  constructor(
    private readonly bus: DocumentBus,
    private readonly watcher: AccessWatcher,
    private readonly logger: Logger,
  ) {}

  /** Called with the id of every deleted document (here or at another instance), to drop it from memory. */
  onDocumentDeleted(listener: (documentId: string) => void): void {
    this.deletedListeners.push(listener);
  }

  /** Starts hearing the other instances' changes. */
  start(): void {
    this.subscription ??= this.bus.subscribe(ACCESS_CHANNEL, (delivery) => {
      if (delivery.message.type !== 'access') return;
      this.apply(delivery.message.change).catch((error: unknown) => {
        this.logger.error({ err: error }, 'Acting on an access change from another instance failed');
      });
    });
    // A message may have been lost: re-check every socket rather than wait for the safety net.
    this.removeGapListener ??= this.bus.onGap((documentId) => {
      if (documentId === undefined || documentId === ACCESS_CHANNEL) void this.watcher.checkAll();
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
    if (change.documentDeleted && change.documentId !== undefined) {
      for (const listener of this.deletedListeners) listener(change.documentId);
      return;
    }
    await this.watcher.recheckAffected(change);
  }
}
