import * as Y from 'yjs';
import type { ServerTarget } from '../server-kinds';
import type { DeliveryLedger } from './delivery-ledger';
import { forEachAwarenessClock } from './frames';
import { EMPTY_STATE_VECTOR, EMPTY_UPDATE, ProtocolSocket } from './protocol-socket';

/**
 * A passive receiver without a Y.Doc: it applies nothing, and times each update it receives by
 * the `(clientID, clock)` range `Y.parseUpdateMeta` reads from it, and each awareness state by
 * its `(clientID, clock)`. Holding no document, it keeps the generator's cost per delivery low.
 */
export class LeanClient {
  readonly socket: ProtocolSocket;
  readonly receiver: number;

  /** `ownClientId`: the awareness client this one publishes as, whose echo is no delivery. */
  constructor(target: ServerTarget, documentId: string, ledger: DeliveryLedger, ownClientId = -1) {
    const receiver = ledger.addReceiver();
    this.receiver = receiver;
    this.socket = new ProtocolSocket(target, documentId, {
      stateVector: () => EMPTY_STATE_VECTOR,
      answerStep1: () => EMPTY_UPDATE,
      onUpdate: (update, at) => {
        for (const [clientId, toClock] of Y.parseUpdateMeta(update).to) ledger.receivedUpdates(receiver, clientId, toClock, at);
      },
      onAwareness: (payload, at) => {
        forEachAwarenessClock(payload, (clientId, clock) => {
          if (clientId !== ownClientId) ledger.receivedAwareness(receiver, clientId, clock, at);
        });
      },
    });
  }
}
