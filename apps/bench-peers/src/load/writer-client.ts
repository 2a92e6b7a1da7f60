import { Typist } from '@quire/bench-support';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as Y from 'yjs';
import type { ServerTarget } from '../server-kinds';
import type { DeliveryLedger } from './delivery-ledger';
import { forEachAwarenessClock } from './frames';
import { ProtocolSocket } from './protocol-socket';

const REMOTE = 'remote';

/**
 * A typing client as a browser is one: a real Y.Doc edited the way y-prosemirror edits it (a
 * `Typist`: paragraphs in the `prosemirror` fragment, one character per transaction, Enter every
 * 72 characters) and a y-protocols Awareness whose cursor (relative positions, as y-prosemirror
 * publishes them) moves with every key. It applies the updates it receives, and times them and
 * others' cursors like a lean client does (its own echo excluded).
 */
export class WriterClient {
  readonly doc = new Y.Doc();
  readonly awareness = new awarenessProtocol.Awareness(this.doc);
  readonly socket: ProtocolSocket;
  private readonly receiver: number;
  /** The first clock of the keystroke being typed, recorded when its update is sent. */
  private clockStart = 0;
  private readonly typist = new Typist(this.doc);

  constructor(
    target: ServerTarget,
    documentId: string,
    private readonly ledger: DeliveryLedger,
    name: string,
    /** The user the server knows the connection as, when it checks presence (Quire). */
    user?: { readonly id: string; readonly name: string },
  ) {
    this.receiver = ledger.addReceiver();
    const own = this.doc.clientID;
    this.socket = new ProtocolSocket(target, documentId, {
      stateVector: () => Y.encodeStateVector(this.doc),
      answerStep1: (stateVector) => Y.encodeStateAsUpdate(this.doc, stateVector),
      onSyncStep2: (update) => Y.applyUpdate(this.doc, update, REMOTE),
      onUpdate: (update, at) => {
        for (const [clientId, toClock] of Y.parseUpdateMeta(update).to) {
          if (clientId !== own) ledger.receivedUpdates(this.receiver, clientId, toClock, at);
        }
        Y.applyUpdate(this.doc, update, REMOTE);
      },
      // Others' cursors are timed but not applied: drawing them is the page's work, not the
      // document's, and applying each (JSON, deep comparison) was a tenth of the generator's CPU.
      onAwareness: (payload, at) => {
        forEachAwarenessClock(payload, (clientId, clock) => {
          if (clientId !== own) ledger.receivedAwareness(this.receiver, clientId, clock, at);
        });
      },
    });
    this.awareness.setLocalState({ user: { id: user?.id ?? `bench-${own}`, name: user?.name ?? name, color: '#30bced' } });
    this.doc.on('update', (update: Uint8Array, origin: unknown) => {
      if (origin === REMOTE) return;
      this.ledger.sentUpdate(own, this.clockStart, performance.now());
      this.socket.send(this.socket.codec.update(update));
    });
  }

  /** Opens the socket, syncs, and announces its presence as the stock providers do on open. */
  async connect(): Promise<number> {
    const synced = await this.socket.connect();
    this.socket.send(this.socket.codec.awareness(awarenessProtocol.encodeAwarenessUpdate(this.awareness, [this.doc.clientID])));
    return synced;
  }

  /** One keystroke (a character, or Enter when the line is full), then the cursor after it. */
  press(): void {
    const clientId = this.doc.clientID;
    this.clockStart = Y.getState(this.doc.store, clientId);
    this.doc.transact(() => this.typist.press());
    const caret = this.typist.caret;
    if (caret === undefined) return;
    const position = Y.relativePositionToJSON(Y.createRelativePositionFromTypeIndex(caret.text, caret.index));
    this.awareness.setLocalStateField('cursor', { anchor: position, head: position });
    const clock = this.awareness.meta.get(clientId)?.clock ?? 0;
    this.ledger.sentAwareness(clientId, clock, performance.now());
    this.socket.send(this.socket.codec.awareness(awarenessProtocol.encodeAwarenessUpdate(this.awareness, [clientId])));
  }

  close(): Promise<void> {
    this.awareness.destroy();
    this.doc.destroy();
    return this.socket.close();
  }
}
