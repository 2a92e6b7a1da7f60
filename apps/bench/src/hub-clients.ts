import type { DocumentHub } from '@quire/collab-core';
import { FakeSocket } from '@quire/collab-core/testing';
import { decodeMessage, encodeUpdate, messageSync, syncUpdate } from '@quire/protocol';
import * as Y from 'yjs';

/**
 * A client that only sends: every update its Y.Doc emits goes to the hub at once, as one frame,
 * the way the stock provider sends a local change. `onSend` runs just before the frame is
 * delivered, so a benchmark can timestamp it.
 */
export class SendingClient {
  readonly doc = new Y.Doc();
  readonly socket = new FakeSocket();
  /** Bytes of the updates sent (the payload, without the protocol framing). */
  payloadBytes = 0;
  sent = 0;
  /** The writer's clock after each update sent: what a reader must hold to have received it. */
  readonly clocks: number[] = [];
  onSend: (() => void) | undefined;

  constructor(
    hub: DocumentHub,
    documentId: string,
    private readonly connectionId: string,
  ) {
    hub.handleConnection(this.socket, { documentId, connectionId });
    this.doc.on('update', (update: Uint8Array) => {
      // A hub that closed the connection (a limit, a bad frame) would drop the rest silently and
      // leave the benchmark waiting for updates that never come.
      if (this.socket.isClosed) {
        throw new Error(
          `The hub closed the ${this.connectionId} connection: ${this.socket.closeCode ?? '?'} ${this.socket.closeReason ?? ''}`,
        );
      }
      const frame = encodeUpdate(update);
      this.payloadBytes += update.byteLength;
      this.sent += 1;
      this.clocks.push(Y.getState(this.doc.store, this.doc.clientID));
      this.onSend?.();
      this.socket.deliver(frame);
    });
  }

  destroy(): void {
    this.doc.destroy();
  }
}

/**
 * A client that only receives: it timestamps every relayed update frame the moment the hub hands
 * it to the socket (the hub sends synchronously), and decodes nothing then, so that one reader's
 * work never delays the next reader's timestamp. The hub merges what one turn relays into one
 * frame, so a frame may carry several of the writer's updates: {@link receiptTimes} tells, after
 * the fact, when each one arrived. `rebuild()` applies everything, to check.
 */
export class ReceivingClient {
  readonly socket = new FakeSocket();
  /** When each update frame arrived, with the frame. */
  private readonly updateFrames: Array<{ readonly at: number; readonly frame: Uint8Array }> = [];
  /** How far {@link clockOf} has read, and the writer's clock it found. */
  private scanned = 0;
  private clock = 0;

  constructor(hub: DocumentHub, documentId: string, connectionId: string) {
    this.socket.onSend = (frame) => {
      // Both type bytes are varuints below 128: the first two bytes say "sync, update".
      if (frame[0] === messageSync && frame[1] === syncUpdate) this.updateFrames.push({ at: performance.now(), frame });
    };
    hub.handleConnection(this.socket, { documentId, connectionId });
  }

  /** The writer's (`clientId`'s) clock this reader has received up to, reading only new frames. */
  clockOf(clientId: number): number {
    for (; this.scanned < this.updateFrames.length; this.scanned++) this.clock = Math.max(this.clock, frameClock(this.updateFrames[this.scanned].frame, clientId));
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
    for (const { at, frame } of this.updateFrames) {
      clock = Math.max(clock, frameClock(frame, clientId));
      for (; next < clocks.length && clocks[next] <= clock; next++) times[next] = at;
    }
    return times;
  }

  /** A Y.Doc built from every update and sync step 2 this client received. */
  rebuild(): Y.Doc {
    const doc = new Y.Doc();
    for (const frame of this.socket.sent) {
      const message = decodeMessage(frame);
      if (message.type === 'update' || message.type === 'sync-step-2') Y.applyUpdate(doc, message.update);
    }
    return doc;
  }
}

/** The clock of `clientId` an update frame brings a document to (0 if it has nothing of theirs). */
function frameClock(frame: Uint8Array, clientId: number): number {
  const message = decodeMessage(frame);
  if (message.type !== 'update') return 0;
  // `to`: the clock after the update's last struct of each client (a relayed update rarely starts at 0).
  return Y.parseUpdateMeta(message.update).to.get(clientId) ?? 0;
}
