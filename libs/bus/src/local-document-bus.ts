import { randomUUID } from 'node:crypto';
import { decodeBusMessage, encodeBusMessage } from './bus-codec';
import { BusListeners } from './bus-listeners';
import {
  silentBusLogger,
  type BusListener,
  type BusLogger,
  type BusMessage,
  type BusStats,
  type BusStatus,
  type BusSubscription,
  type DocumentBus,
} from './document-bus';

/** Default of {@link LocalDocumentBusOptions.instanceTimeoutMs}. */
export const DEFAULT_LOCAL_INSTANCE_TIMEOUT_MS = 10_000;

/** How a {@link LocalDocumentBus} is built. */
export interface LocalDocumentBusOptions {
  /** The buses it exchanges messages with; default a network of its own (a single instance). */
  readonly network?: LocalBusNetwork;
  readonly instanceId?: string;
  readonly logger?: BusLogger;
  /** How long after a {@link LocalBusNetwork.crash} the others report the instance gone. */
  readonly instanceTimeoutMs?: number;
}

/**
 * The buses of one process, as if they shared a broker: what one publishes reaches every other
 * one subscribed to the document, in a later microtask, encoded and decoded as on the wire.
 * Tests use it to run several hubs in one process and to cut a bus off as a broker outage would.
 */
export class LocalBusNetwork {
  private readonly members = new Set<LocalDocumentBus>();

  /** A new bus on this network. */
  connect(options: Omit<LocalDocumentBusOptions, 'network'> = {}): LocalDocumentBus {
    return new LocalDocumentBus({ ...options, network: this });
  }

  /** Buses on the network, including interrupted ones. */
  get buses(): LocalDocumentBus[] {
    return [...this.members];
  }

  /** Cuts buses off (all when none is named), as a dropped connection would: messages to and from them are lost. */
  interrupt(...buses: LocalDocumentBus[]): void {
    for (const bus of buses.length > 0 ? buses : this.members) bus.setConnected(false);
  }

  /** Connects interrupted buses again (all when none is named); each reports a gap. */
  restore(...buses: LocalDocumentBus[]): void {
    for (const bus of buses.length > 0 ? buses : this.members) bus.setConnected(true);
  }

  /**
   * `bus` stops without a goodbye, as a killed process would: it is cut off at once, and the
   * others report it gone after its instance timeout.
   */
  crash(bus: LocalDocumentBus): void {
    bus.setConnected(false);
    this.members.delete(bus);
    const timer = setTimeout(() => this.announceGone(bus.instanceId), bus.instanceTimeoutMs);
    timer.unref?.();
  }

  /** @internal */
  join(bus: LocalDocumentBus): void {
    for (const member of this.members) {
      if (member.instanceId === bus.instanceId) throw new Error(`Instance id ${bus.instanceId} is already on this network`);
    }
    this.members.add(bus);
  }

  /** @internal */
  leave(bus: LocalDocumentBus): void {
    if (this.members.delete(bus)) this.announceGone(bus.instanceId);
  }

  /** @internal Sends the bytes of one message to every other connected member. */
  send(from: LocalDocumentBus, documentId: string, data: Uint8Array): void {
    for (const member of this.members) {
      if (member === from) continue;
      queueMicrotask(() => member.receive(documentId, data));
    }
  }

  private announceGone(instanceId: string): void {
    for (const member of this.members) queueMicrotask(() => member.receiveGone(instanceId));
  }
}

/**
 * The in-process `DocumentBus`: the default, for a single instance (where nothing leaves the
 * process and a publish reaches nobody), and, on a shared {@link LocalBusNetwork}, several hubs
 * in one process for tests.
 */
export class LocalDocumentBus implements DocumentBus {
  readonly instanceId: string;
  readonly instanceTimeoutMs: number;
  private readonly network: LocalBusNetwork;
  private readonly listeners: BusListeners;
  private readonly logger: BusLogger;
  private connected = true;
  private closed = false;

  constructor(options: LocalDocumentBusOptions = {}) {
    this.instanceId = options.instanceId ?? randomUUID();
    this.instanceTimeoutMs = options.instanceTimeoutMs ?? DEFAULT_LOCAL_INSTANCE_TIMEOUT_MS;
    this.logger = options.logger ?? silentBusLogger;
    this.listeners = new BusListeners(this.logger);
    this.network = options.network ?? new LocalBusNetwork();
    this.network.join(this);
  }

  get status(): BusStatus {
    return this.connected && !this.closed ? 'ok' : 'down';
  }

  get stats(): BusStats {
    return this.listeners.stats;
  }

  subscribe(documentId: string, listener: BusListener): BusSubscription {
    if (this.closed) return { ready: Promise.resolve(), unsubscribe: () => undefined };
    this.listeners.add(documentId, listener);
    return { ready: Promise.resolve(), unsubscribe: () => void this.listeners.remove(documentId, listener) };
  }

  publish(documentId: string, message: BusMessage): void {
    if (this.closed) return;
    if (!this.connected) {
      this.listeners.publishFailed();
      return;
    }
    this.network.send(this, documentId, encodeBusMessage(this.instanceId, message));
    this.listeners.published();
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
    this.network.leave(this);
  }

  /** @internal */
  setConnected(connected: boolean): void {
    if (this.closed || this.connected === connected) return;
    this.connected = connected;
    if (connected) queueMicrotask(() => this.listeners.gap(undefined));
  }

  /** @internal */
  receive(documentId: string, data: Uint8Array): void {
    if (this.closed || !this.connected || !this.listeners.has(documentId)) return;
    const { from, message } = decodeBusMessage(data);
    if (from === this.instanceId) return;
    this.listeners.deliver({ documentId, from, message });
  }

  /** @internal */
  receiveGone(instanceId: string): void {
    if (!this.closed && instanceId !== this.instanceId) this.listeners.instanceGone(instanceId);
  }
}
