import * as decoding from 'lib0/decoding';
import type { ProtocolMessage } from './messages';
import {
  authPermissionDenied,
  messageAuth,
  messageAwareness,
  messageQueryAwareness,
  messageStored,
  messageSync,
  syncStep1,
  syncStep2,
  syncUpdate,
} from './message-types';
import { ProtocolError } from './protocol-error';
import { readStoredAck } from './stored-ack';
import { expectEnd, readVarString, readVarUint, readVarUint8Array } from './safe-decoder';

/**
 * Decodes one y-websocket frame. The frame must hold exactly one message; anything malformed,
 * unknown or left over throws a {@link ProtocolError}. Payloads are not parsed here: a sync update
 * is checked by Yjs, an awareness update by `decodeAwarenessUpdate`.
 */
export function decodeMessage(frame: Uint8Array): ProtocolMessage {
  if (frame.length === 0) throw new ProtocolError('empty', 'Empty frame');
  const decoder = decoding.createDecoder(frame);
  const message = decodeOne(decoder);
  expectEnd(decoder);
  return message;
}

function decodeOne(decoder: decoding.Decoder): ProtocolMessage {
  const messageType = readVarUint(decoder);
  switch (messageType) {
    case messageSync:
      return decodeSync(decoder);
    case messageAwareness:
      return { type: 'awareness', update: readVarUint8Array(decoder) };
    case messageQueryAwareness:
      return { type: 'query-awareness' };
    case messageAuth: {
      const authType = readVarUint(decoder);
      if (authType !== authPermissionDenied) {
        throw new ProtocolError('unknown-auth-type', `Unknown auth message type ${authType}`);
      }
      return { type: 'auth-denied', reason: readVarString(decoder) };
    }
    case messageStored:
      return { type: 'stored', ...readStoredAck(decoder) };
    default:
      throw new ProtocolError('unknown-message-type', `Unknown message type ${messageType}`);
  }
}

function decodeSync(decoder: decoding.Decoder): ProtocolMessage {
  const syncType = readVarUint(decoder);
  switch (syncType) {
    case syncStep1:
      return { type: 'sync-step-1', stateVector: readVarUint8Array(decoder) };
    case syncStep2:
      return { type: 'sync-step-2', update: readVarUint8Array(decoder) };
    case syncUpdate:
      return { type: 'update', update: readVarUint8Array(decoder) };
    default:
      throw new ProtocolError('unknown-sync-type', `Unknown sync message type ${syncType}`);
  }
}
