import { encodeAwareness, encodeUpdate } from '@quire/protocol';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as Y from 'yjs';
import type { Connection } from './connection';
import type { HubMetrics } from './metrics';
import { PreparedFrames } from './prepared-frames';
import type { OriginConnection } from './transaction-origin';

/** What an {@link Outbox} sends through. */
export interface OutboxOptions {
  /** The document's connections, as they are when a turn ends. */
  readonly connections: Iterable<Connection>;
  readonly awareness: awarenessProtocol.Awareness;
  readonly metrics: HubMetrics;
  /** Called with this turn's awareness changes made by local connections, encoded once, for the bus. */
  readonly publishLocalAwareness: (update: Uint8Array, setClients: readonly number[]) => void;
}

interface PendingUpdate {
  readonly update: Uint8Array;
  readonly from: OriginConnection | undefined;
}

/**
 * What one document sends its connections in one event-loop turn, merged. Fan-out costs a socket
 * write per recipient per frame, and the stock client reads one message per frame, so everything a
 * turn relays leaves as at most one update frame and one awareness frame per connection, each
 * encoded once and shared, written together. A connection is never sent back what only it sent.
 */
export class Outbox {
  private updates: PendingUpdate[] = [];
  private readonly awarenessClients = new Set<number>();
  private readonly awarenessFrom = new Set<OriginConnection | undefined>();
  private readonly localAwarenessClients = new Set<number>();
  private scheduled: NodeJS.Immediate | undefined;

  constructor(private readonly options: OutboxOptions) {}

  /** Queues an update (already stored) to relay to everyone but `from`. */
  addUpdate(update: Uint8Array, from: OriginConnection | undefined): void {
    this.updates.push({ update, from });
    this.schedule();
  }

  /** Queues awareness changes of these clients, made by `from` (undefined: the bus or a timeout). */
  addAwareness(clientIds: readonly number[], from: OriginConnection | undefined): void {
    for (const clientId of clientIds) {
      this.awarenessClients.add(clientId);
      if (from) this.localAwarenessClients.add(clientId);
    }
    this.awarenessFrom.add(from);
    this.schedule();
  }

  /** Sends what is queued now (the turn's end does it otherwise). */
  flush(): void {
    if (this.scheduled) clearImmediate(this.scheduled);
    this.scheduled = undefined;
    const updateFrames = this.takeUpdateFrames();
    const awarenessFrame = this.takeAwarenessFrame();
    if (!updateFrames && !awarenessFrame) return;
    let updatesSent = 0;
    let updateBytes = 0;
    let awarenessSent = 0;
    // Each frame is framed for the wire once, whatever the number of recipients.
    const shared = new PreparedFrames();
    for (const connection of this.options.connections) {
      const update = updateFrames?.(connection);
      const awareness = awarenessFrame?.skip === connection ? undefined : awarenessFrame?.frame;
      if (!update && !awareness) continue;
      connection.sendAll(update, awareness, shared);
      if (update) {
        updatesSent++;
        updateBytes += update.byteLength;
      }
      if (awareness) awarenessSent++;
    }
    if (updatesSent > 0) this.options.metrics.messagesSent('update', updateBytes / updatesSent, updatesSent);
    if (awarenessSent > 0 && awarenessFrame) this.options.metrics.messagesSent('awareness', awarenessFrame.frame.byteLength, awarenessSent);
  }

  /** Drops what is queued; the document is going away. */
  discard(): void {
    if (this.scheduled) clearImmediate(this.scheduled);
    this.scheduled = undefined;
    this.updates = [];
    this.awarenessClients.clear();
    this.awarenessFrom.clear();
    this.localAwarenessClients.clear();
  }

  private schedule(): void {
    this.scheduled ??= setImmediate(() => this.flush());
  }

  /** Which update frame each connection gets: all of the turn's updates but its own, merged. */
  private takeUpdateFrames(): ((connection: Connection) => Uint8Array | undefined) | undefined {
    const updates = this.updates;
    if (updates.length === 0) return undefined;
    this.updates = [];
    if (updates.length === 1) {
      const [{ update, from }] = updates;
      const frame = encodeUpdate(update);
      return (connection) => (connection === from ? undefined : frame);
    }
    const all = encodeUpdate(Y.mergeUpdates(updates.map((entry) => entry.update)));
    const senders = new Set(updates.map((entry) => entry.from).filter((from) => from !== undefined));
    const forSender = new Map<OriginConnection, Uint8Array | undefined>();
    for (const sender of senders) {
      const others = updates.filter((entry) => entry.from !== sender).map((entry) => entry.update);
      forSender.set(sender, others.length === 0 ? undefined : encodeUpdate(others.length === 1 ? others[0] : Y.mergeUpdates(others)));
    }
    return (connection) => (forSender.has(connection) ? forSender.get(connection) : all);
  }

  /** The turn's awareness changes in one message, and the one connection that made all of them, if so. */
  private takeAwarenessFrame(): { frame: Uint8Array; skip: OriginConnection | undefined } | undefined {
    if (this.awarenessClients.size === 0) return undefined;
    const { awareness } = this.options;
    const update = awarenessProtocol.encodeAwarenessUpdate(awareness, [...this.awarenessClients]);
    if (this.localAwarenessClients.size > 0) {
      const local = [...this.localAwarenessClients];
      const localUpdate = local.length === this.awarenessClients.size ? update : awarenessProtocol.encodeAwarenessUpdate(awareness, local);
      this.options.publishLocalAwareness(localUpdate, local.filter((clientId) => awareness.getStates().has(clientId)));
    }
    // Its own state echoed to a client with the same clock is ignored, but bytes are bytes.
    const skip = this.awarenessFrom.size === 1 ? [...this.awarenessFrom][0] : undefined;
    this.awarenessClients.clear();
    this.awarenessFrom.clear();
    this.localAwarenessClients.clear();
    return { frame: encodeAwareness(update), skip };
  }
}
