import { Samples } from '../stats/samples';

/** What one writer sent: the first clock of each update, and when each awareness clock went out. */
interface WriterRecord {
  readonly clockStarts: number[];
  readonly updateSentAt: number[];
  /** Indexed by awareness clock. */
  readonly awarenessSentAt: number[];
  /** Per receiver: how many of this writer's updates / the highest awareness clock it has seen. */
  readonly updatesSeen: Map<number, number>;
  readonly awarenessSeen: Map<number, number>;
}

/**
 * Matches what writers sent with what receivers got, by `(clientID, clock)`: a delivery is one
 * update or one awareness state received by one client (the writer's own echo is not one).
 *
 * A received update covers every update of a writer whose first clock is below the `to` clock
 * `Y.parseUpdateMeta` gives for it, so a server that merges several updates into one delivers
 * each of them at once. An awareness state with clock `c` delivers every state of that client
 * up to `c`: a server may merge cursor moves within a tick, and the newest state supersedes the
 * ones before it. Sends made while not recording (warm-up) are matched but not counted.
 */
export class DeliveryLedger {
  private readonly writers = new Map<number, WriterRecord>();
  private nextReceiver = 0;
  readonly latencies = new Samples();
  delivered = 0;
  sent = 0;
  recording = false;

  /** A number that identifies a receiving client in the ledger. */
  addReceiver(): number {
    return this.nextReceiver++;
  }

  sentUpdate(clientId: number, clockStart: number, at: number): void {
    const writer = this.writer(clientId);
    writer.clockStarts.push(clockStart);
    writer.updateSentAt.push(this.recording ? at : Number.NaN);
    if (this.recording) this.sent += 1;
  }

  sentAwareness(clientId: number, clock: number, at: number): void {
    this.writer(clientId).awarenessSentAt[clock] = this.recording ? at : Number.NaN;
    if (this.recording) this.sent += 1;
  }

  /** `receiver` got, at `at`, updates of `clientId` up to (not including) clock `toClock`. */
  receivedUpdates(receiver: number, clientId: number, toClock: number, at: number): void {
    const writer = this.writers.get(clientId);
    if (writer === undefined) return;
    let next = writer.updatesSeen.get(receiver) ?? 0;
    const { clockStarts, updateSentAt } = writer;
    while (next < clockStarts.length && clockStarts[next] < toClock) {
      this.count(updateSentAt[next], at);
      next += 1;
    }
    writer.updatesSeen.set(receiver, next);
  }

  /** `receiver` got, at `at`, the awareness state of `clientId` with clock `clock`. */
  receivedAwareness(receiver: number, clientId: number, clock: number, at: number): void {
    const writer = this.writers.get(clientId);
    if (writer === undefined) return;
    const seen = writer.awarenessSeen.get(receiver) ?? -1;
    if (clock <= seen) return;
    const last = Math.min(clock, writer.awarenessSentAt.length - 1);
    for (let c = seen + 1; c <= last; c++) {
      const sentAt = writer.awarenessSentAt[c];
      if (sentAt !== undefined) this.count(sentAt, at);
    }
    writer.awarenessSeen.set(receiver, clock);
  }

  private count(sentAt: number, at: number): void {
    if (Number.isNaN(sentAt)) return;
    this.delivered += 1;
    this.latencies.push(at - sentAt);
  }

  private writer(clientId: number): WriterRecord {
    let writer = this.writers.get(clientId);
    if (writer === undefined) {
      writer = { clockStarts: [], updateSentAt: [], awarenessSentAt: [], updatesSeen: new Map(), awarenessSeen: new Map() };
      this.writers.set(clientId, writer);
    }
    return writer;
  }
}
