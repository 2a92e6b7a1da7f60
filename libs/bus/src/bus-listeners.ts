import type { BusDelivery, BusListener, BusLogger, BusStats } from './document-bus';

/**
 * The bookkeeping every `DocumentBus` implementation shares: listeners per document (a document
 * is subscribed at the broker while it has at least one), gap and instance-gone listeners, and
 * the counters behind `stats`. A throwing listener is logged and never stops the others.
 */
export class BusListeners {
  private readonly documents = new Map<string, Set<BusListener>>();
  private readonly gapListeners = new Set<(documentId: string | undefined) => void>();
  private readonly goneListeners = new Set<(instanceId: string) => void>();
  private readonly counts = { published: 0, received: 0, publishFailures: 0, gaps: 0 };

  constructor(private readonly logger: BusLogger) {}

  get stats(): BusStats {
    return { ...this.counts };
  }

  /** Documents with at least one listener. */
  get documentIds(): string[] {
    return [...this.documents.keys()];
  }

  /** Adds a listener; true when it is the document's first (subscribe at the broker now). */
  add(documentId: string, listener: BusListener): boolean {
    const listeners = this.documents.get(documentId);
    if (listeners) {
      listeners.add(listener);
      return false;
    }
    this.documents.set(documentId, new Set([listener]));
    return true;
  }

  /** Removes a listener; true when it was the document's last (unsubscribe at the broker now). */
  remove(documentId: string, listener: BusListener): boolean {
    const listeners = this.documents.get(documentId);
    if (!listeners?.delete(listener)) return false;
    if (listeners.size > 0) return false;
    this.documents.delete(documentId);
    return true;
  }

  has(documentId: string): boolean {
    return this.documents.has(documentId);
  }

  deliver(delivery: BusDelivery): void {
    const listeners = this.documents.get(delivery.documentId);
    if (!listeners) return;
    this.counts.received++;
    for (const listener of [...listeners]) {
      this.guarded(() => listener(delivery), { documentId: delivery.documentId, from: delivery.from });
    }
  }

  onGap(listener: (documentId: string | undefined) => void): () => void {
    this.gapListeners.add(listener);
    return () => this.gapListeners.delete(listener);
  }

  onInstanceGone(listener: (instanceId: string) => void): () => void {
    this.goneListeners.add(listener);
    return () => this.goneListeners.delete(listener);
  }

  gap(documentId: string | undefined): void {
    this.counts.gaps++;
    for (const listener of [...this.gapListeners]) this.guarded(() => listener(documentId), { documentId });
  }

  instanceGone(instanceId: string): void {
    for (const listener of [...this.goneListeners]) this.guarded(() => listener(instanceId), { instanceId });
  }

  published(): void {
    this.counts.published++;
  }

  publishFailed(): void {
    this.counts.publishFailures++;
  }

  private guarded(call: () => void, fields: object): void {
    try {
      call();
    } catch (error) {
      this.logger.error({ ...fields, err: error }, 'A bus listener threw; the others still run');
    }
  }
}
