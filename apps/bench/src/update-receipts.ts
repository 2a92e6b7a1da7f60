import { decodeMessage, messageSync, syncUpdate } from '@quire/protocol';
import * as Y from 'yjs';

/**
 * The relayed update frames one reader received, each with when it arrived. Recording decodes
 * nothing, so that one reader's work never delays the next one's timestamp. The server merges
 * what one turn relays into one frame, so a frame may carry several of a writer's updates:
 * {@link receiptTimes} tells, after the fact, when each one arrived.
 */
export class UpdateReceipts {
  private readonly received: Array<{ readonly at: number; readonly frame: Uint8Array }> = [];
  /** How far {@link clockOf} has read, and the clock it found. */
  private scanned = 0;
  private clock = 0;

  /** Keeps `frame` if it is an update (both type bytes are varuints below 128: "sync, update"). */
  record(frame: Uint8Array, at = performance.now()): void {
    if (frame[0] === messageSync && frame[1] === syncUpdate) this.received.push({ at, frame });
  }

  /** The update frames received, in order. */
  get frames(): Uint8Array[] {
    return this.received.map(({ frame }) => frame);
  }

  /**
   * The writer's (`clientId`'s) clock received up to, reading only frames new since the last
   * call (one writer per reader: the clock kept is that writer's).
   */
  clockOf(clientId: number): number {
    for (; this.scanned < this.received.length; this.scanned++) {
      this.clock = Math.max(this.clock, frameClock(this.received[this.scanned].frame, clientId));
    }
    return this.clock;
  }

  /**
   * When each of the writer's updates arrived, given the writer's clock after each (`clocks`):
   * the time of the first frame that brought the reader's copy of the writer up to that clock;
   * NaN for updates not received yet.
   */
  receiptTimes(clientId: number, clocks: readonly number[]): Float64Array {
    const times = new Float64Array(clocks.length).fill(Number.NaN);
    let next = 0;
    let clock = 0;
    for (const { at, frame } of this.received) {
      clock = Math.max(clock, frameClock(frame, clientId));
      for (; next < clocks.length && clocks[next] <= clock; next++) times[next] = at;
    }
    return times;
  }
}

/** The clock of `clientId` an update frame brings a document to (0 if it has nothing of theirs). */
function frameClock(frame: Uint8Array, clientId: number): number {
  const message = decodeMessage(frame);
  if (message.type !== 'update') return 0;
  // `to`: the clock after the update's last struct of each client (a relayed update rarely starts at 0).
  return Y.parseUpdateMeta(message.update).to.get(clientId) ?? 0;
}
