import * as encoding from 'lib0/encoding';
import {
  authPermissionDenied,
  messageAuth,
  messageAwareness,
  messageQueryAwareness,
  messageSync,
  syncStep1,
  syncStep2,
  syncUpdate,
} from './message-types';

function syncMessage(subType: number, payload: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, messageSync);
  encoding.writeVarUint(encoder, subType);
  encoding.writeVarUint8Array(encoder, payload);
  return encoding.toUint8Array(encoder);
}

/** `varUint(0) • varUint(0) • varByteArray(stateVector)` */
export function encodeSyncStep1(stateVector: Uint8Array): Uint8Array {
  return syncMessage(syncStep1, stateVector);
}

/** `varUint(0) • varUint(1) • varByteArray(update)` */
export function encodeSyncStep2(update: Uint8Array): Uint8Array {
  return syncMessage(syncStep2, update);
}

/** `varUint(0) • varUint(2) • varByteArray(update)` */
export function encodeUpdate(update: Uint8Array): Uint8Array {
  return syncMessage(syncUpdate, update);
}

/** `varUint(1) • varByteArray(awarenessUpdate)`, the payload as y-protocols' `encodeAwarenessUpdate` makes it. */
export function encodeAwareness(awarenessUpdate: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, messageAwareness);
  encoding.writeVarUint8Array(encoder, awarenessUpdate);
  return encoding.toUint8Array(encoder);
}

/** `varUint(3)` */
export function encodeQueryAwareness(): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, messageQueryAwareness);
  return encoding.toUint8Array(encoder);
}

/** `varUint(2) • varUint(0) • varString(reason)` */
export function encodeAuthDenied(reason: string): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, messageAuth);
  encoding.writeVarUint(encoder, authPermissionDenied);
  encoding.writeVarString(encoder, reason);
  return encoding.toUint8Array(encoder);
}
