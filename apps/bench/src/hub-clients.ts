import type { DocumentHub } from '@quire/collab-core';
import { FakeSocket } from '@quire/collab-core/testing';
import { decodeMessage, encodeUpdate } from '@quire/protocol';
import * as Y from 'yjs';
import { UpdateReceipts } from './update-receipts';

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
    // As the server hands an editor's socket over: a connection without access may only read.
    hub.handleConnection(this.socket, { documentId, connectionId, access: { user: { id: connectionId, name: connectionId }, readOnly: false } });
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
 * A client that only receives: it records every relayed update frame the moment the hub hands it
 * to the socket (the hub sends synchronously) in {@link receipts}. `rebuild()` applies
 * everything, to check.
 */
export class ReceivingClient {
  readonly socket = new FakeSocket();
  readonly receipts = new UpdateReceipts();

  constructor(hub: DocumentHub, documentId: string, connectionId: string) {
    this.socket.onSend = (frame) => this.receipts.record(frame);
    hub.handleConnection(this.socket, { documentId, connectionId });
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
