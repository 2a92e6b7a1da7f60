import {
  decodeMessage,
  encodeAwareness,
  encodeQueryAwareness,
  encodeSyncStep1,
  encodeSyncStep2,
  encodeUpdate,
  type ProtocolMessage,
} from '@quire/protocol';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as Y from 'yjs';
import type { ConnectionAccess } from '../access';
import type { DocumentHub } from '../document-hub';
import { FakeSocket } from './fake-socket';

let nextConnection = 1;

/** What a signed-in editor's connection may do, as the server hands it over: write, and publish its own user. */
export function writerAccess(userId: string, name = `User ${userId}`): ConnectionAccess {
  return { user: { id: userId, name }, readOnly: false };
}

/**
 * A client-side Y.Doc speaking the y-websocket protocol to a hub through a {@link FakeSocket},
 * the way the stock `WebsocketProvider` does: step 1 and its awareness on open, a step 2 for the
 * server's step 1, every local change as an update. Frames travel in microtasks, in order.
 */
export class TestClient {
  readonly doc = new Y.Doc();
  readonly awareness = new awarenessProtocol.Awareness(this.doc);
  readonly socket = new FakeSocket();
  readonly connectionId: string;
  /** Every message the server sent, decoded, oldest first. */
  readonly received: ProtocolMessage[] = [];
  /** The sync step 2 and update frames sent so far: what a stored acknowledgement counts. */
  updateFramesSent = 0;

  constructor(connectionId?: string) {
    this.connectionId = connectionId ?? `c${nextConnection++}`;
    this.awareness._checkInterval?.unref?.();
    this.awareness.setLocalState(null);
    this.socket.onSend = (frame) => queueMicrotask(() => this.receive(frame));
    this.doc.on('update', (update: Uint8Array, origin: unknown) => {
      if (origin !== this) this.send(encodeUpdate(update));
    });
    this.awareness.on('update', (change: { added: number[]; updated: number[]; removed: number[] }, origin: unknown) => {
      if (origin !== 'local') return;
      const changed = [...change.added, ...change.updated, ...change.removed];
      this.send(encodeAwareness(awarenessProtocol.encodeAwarenessUpdate(this.awareness, changed)));
    });
  }

  /**
   * Opens the connection to `documentId` on `hub` and starts syncing, as an editor ({@link writerAccess})
   * unless `access` says otherwise (`null`: no access object at all, which may only read);
   * `acknowledge` asks for stored acknowledgements, as `?ack=1` does.
   */
  connect(
    hub: DocumentHub,
    documentId: string,
    access: ConnectionAccess | null = writerAccess(this.connectionId),
    options: { readonly acknowledge?: boolean } = {},
  ): this {
    const acknowledge = options.acknowledge === true ? { acknowledge: true } : {};
    hub.handleConnection(
      this.socket,
      access ? { documentId, connectionId: this.connectionId, access, ...acknowledge } : { documentId, connectionId: this.connectionId, ...acknowledge },
    );
    this.send(encodeSyncStep1(Y.encodeStateVector(this.doc)));
    if (this.awareness.getLocalState() !== null) {
      this.send(encodeAwareness(awarenessProtocol.encodeAwarenessUpdate(this.awareness, [this.doc.clientID])));
    }
    return this;
  }

  /** The shared text most tests edit. */
  get text(): Y.Text {
    return this.doc.getText('text');
  }

  /** Sends a raw frame to the server in a microtask, after anything sent before it. */
  send(frame: Uint8Array, isBinary = true): void {
    // Numbered as the server numbers them for acknowledgements: sync step 2 and update.
    if (isBinary && frame[0] === 0 && (frame[1] === 1 || frame[1] === 2)) this.updateFramesSent++;
    queueMicrotask(() => {
      if (!this.socket.isClosed) this.socket.deliver(frame, isBinary);
    });
  }

  /** Asks the server for every awareness state. */
  queryAwareness(): void {
    this.send(encodeQueryAwareness());
  }

  /** Messages of one type received so far. */
  receivedOf<T extends ProtocolMessage['type']>(type: T): Extract<ProtocolMessage, { type: T }>[] {
    return this.received.filter((message): message is Extract<ProtocolMessage, { type: T }> => message.type === type);
  }

  /** The highest frame count the server acknowledged as stored (0 before any acknowledgement). */
  get storedThrough(): number {
    return Math.max(0, ...this.receivedOf('stored').map((ack) => ack.through));
  }

  /** Goes away as a browser tab closing would. */
  disconnect(): void {
    this.socket.remoteClose(1000);
  }

  /** Stops the Awareness timer; call when the test is done with the client. */
  destroy(): void {
    this.awareness.destroy();
    this.doc.destroy();
  }

  private receive(frame: Uint8Array): void {
    const message = decodeMessage(frame);
    this.received.push(message);
    switch (message.type) {
      case 'sync-step-1':
        this.send(encodeSyncStep2(Y.encodeStateAsUpdate(this.doc, message.stateVector)));
        return;
      case 'sync-step-2':
      case 'update':
        Y.applyUpdate(this.doc, message.update, this);
        return;
      case 'awareness':
        awarenessProtocol.applyAwarenessUpdate(this.awareness, message.update, this);
        return;
      default:
        return;
    }
  }
}

/** Lets every pending microtask and one macrotask turn run: frames, loads and appends in flight settle. */
export async function settle(turns = 3): Promise<void> {
  for (let i = 0; i < turns; i++) await new Promise<void>((resolve) => setImmediate(resolve));
}
