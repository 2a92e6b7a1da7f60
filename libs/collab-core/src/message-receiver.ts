import { CloseCode } from '@quire/constants';
import { decodeMessage, ProtocolError } from '@quire/protocol';
import type { Connection, FrameHandler } from './connection';
import type { HubContext } from './hub-context';

/** What a {@link MessageReceiver} hands each decoded message to: the document, which holds the state and the rules. */
export interface MessageTarget {
  /** A client's sync step 1: answer with what it lacks. */
  answerSyncStep1(connection: Connection, stateVector: Uint8Array): void;
  /** A client's update; `live` is false for a sync step 2 (the answer to the server's step 1). */
  applyClientUpdate(connection: Connection, update: Uint8Array, live: boolean): void;
  /** A client's awareness update (y-protocols payload). */
  applyAwareness(connection: Connection, update: Uint8Array): void;
  /** A client's `query-awareness`: send it every state. */
  sendAwarenessStates(connection: Connection): void;
}

/**
 * Turns one document's incoming frames into calls on the document: decodes each frame, counts it,
 * dispatches it by type, and closes the connection with the documented code when a frame is bad
 * (1003 for text, 1002 for a malformed message, 1011 for an unexpected error). One per document,
 * made once: nothing is allocated per frame beyond the decoded message.
 */
export class MessageReceiver {
  constructor(
    private readonly target: MessageTarget,
    private readonly hub: HubContext,
  ) {}

  /** Handles one frame of an active connection; never throws. */
  readonly receive: FrameHandler = (connection, data, isBinary) => {
    try {
      if (!isBinary) {
        connection.reject('text-frame', 'Text frame received; closing the connection', {}, CloseCode.UnsupportedData);
        return;
      }
      const message = decodeMessage(data);
      this.hub.metrics.messageReceived(message.type, data.byteLength);
      switch (message.type) {
        case 'sync-step-1':
          this.target.answerSyncStep1(connection, message.stateVector);
          return;
        case 'sync-step-2':
          this.target.applyClientUpdate(connection, message.update, false);
          return;
        case 'update':
          this.target.applyClientUpdate(connection, message.update, true);
          return;
        case 'awareness':
          this.target.applyAwareness(connection, message.update);
          return;
        case 'query-awareness':
          this.target.sendAwarenessStates(connection);
          return;
        case 'auth-denied':
        case 'stored':
          // Only servers deny or acknowledge; a client sending it is odd but harmless, as in y-websocket.
          this.hub.logger.debug(connection.logFields, `Ignoring a server-only message (${message.type}) from a client`);
          return;
      }
    } catch (error) {
      if (error instanceof ProtocolError) {
        connection.reject(error.reason, `Malformed frame: ${error.message}`, {}, CloseCode.ProtocolError);
      } else {
        this.hub.logger.error({ ...connection.logFields, err: error }, 'Unexpected error handling a message');
        connection.close(CloseCode.InternalError, 'internal error');
      }
    }
  };
}
