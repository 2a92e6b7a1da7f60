import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import type { Dialect } from '../server-kinds';

// y-websocket message types (libs/protocol/PROTOCOL.md) and the ones Hocuspocus adds.
const MESSAGE_SYNC = 0;
const MESSAGE_AWARENESS = 1;
const MESSAGE_AUTH = 2;
/** Hocuspocus: a sync message that must not be answered with another step 1. */
const MESSAGE_SYNC_REPLY = 4;
const SYNC_STEP_1 = 0;
const SYNC_STEP_2 = 1;
const SYNC_UPDATE = 2;
/** Hocuspocus auth sub-types (@hocuspocus/common `AuthMessageType`). */
const AUTH_TOKEN = 0;
const AUTH_PERMISSION_DENIED = 1;
const AUTH_AUTHENTICATED = 2;

/** What one received frame holds, as far as the load generator cares. */
export type FrameKind = 'update' | 'sync-step-1' | 'sync-step-2' | 'awareness' | 'authenticated' | 'denied' | 'other';

/** The kind of the last frame read and its payload (a view into the frame, not a copy). */
export interface ReadFrame {
  kind: FrameKind;
  payload: Uint8Array;
}

const EMPTY = new Uint8Array(0);

/**
 * Encodes and reads frames in one server's dialect. Hocuspocus prefixes every message with the
 * document name (`varString`) and wants an auth message (`varUint(2) • varUint(0) •
 * varString(token)`) before anything else, as @hocuspocus/provider sends on open; it answers
 * `Authenticated`, and acknowledges each update with a `SyncStatus` (type 8), read here as `other`.
 */
export class FrameCodec {
  private readonly prefix: Uint8Array;

  constructor(
    readonly dialect: Dialect,
    documentId: string,
  ) {
    if (dialect === 'hocuspocus') {
      const encoder = encoding.createEncoder();
      encoding.writeVarString(encoder, documentId);
      this.prefix = encoding.toUint8Array(encoder);
    } else {
      this.prefix = EMPTY;
    }
  }

  /** What the client sends as soon as the socket opens, before its sync step 1. */
  opening(): Uint8Array[] {
    if (this.dialect !== 'hocuspocus') return [];
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, MESSAGE_AUTH);
    encoding.writeVarUint(encoder, AUTH_TOKEN);
    encoding.writeVarString(encoder, ''); // the provider sends `token ?? ''`; the default server checks nothing
    return [this.wrap(encoding.toUint8Array(encoder))];
  }

  syncStep1(stateVector: Uint8Array): Uint8Array {
    return this.sync(SYNC_STEP_1, stateVector);
  }

  syncStep2(update: Uint8Array): Uint8Array {
    return this.sync(SYNC_STEP_2, update);
  }

  update(update: Uint8Array): Uint8Array {
    return this.sync(SYNC_UPDATE, update);
  }

  awareness(awarenessUpdate: Uint8Array): Uint8Array {
    const encoder = encoding.createEncoder();
    encoding.writeUint8Array(encoder, this.prefix);
    encoding.writeVarUint(encoder, MESSAGE_AWARENESS);
    encoding.writeVarUint8Array(encoder, awarenessUpdate);
    return encoding.toUint8Array(encoder);
  }

  /** Reads `frame` into `into` (reused, so that the hot path allocates nothing of its own). */
  read(frame: Uint8Array, into: ReadFrame): ReadFrame {
    const decoder = decoding.createDecoder(frame);
    if (this.dialect === 'hocuspocus') skipBytes(decoder); // the document name
    const type = decoding.readVarUint(decoder);
    into.payload = EMPTY;
    if (type === MESSAGE_SYNC || type === MESSAGE_SYNC_REPLY) {
      const sub = decoding.readVarUint(decoder);
      into.payload = decoding.readVarUint8Array(decoder);
      into.kind = sub === SYNC_UPDATE ? 'update' : sub === SYNC_STEP_2 ? 'sync-step-2' : sub === SYNC_STEP_1 ? 'sync-step-1' : 'other';
    } else if (type === MESSAGE_AWARENESS) {
      into.payload = decoding.readVarUint8Array(decoder);
      into.kind = 'awareness';
    } else if (type === MESSAGE_AUTH && this.dialect === 'hocuspocus') {
      const sub = decoding.readVarUint(decoder);
      into.kind = sub === AUTH_AUTHENTICATED ? 'authenticated' : sub === AUTH_PERMISSION_DENIED ? 'denied' : 'other';
    } else if (type === MESSAGE_AUTH) {
      into.kind = 'denied'; // y-websocket's only auth message is "permission denied"
    } else {
      into.kind = 'other';
    }
    return into;
  }

  private sync(sub: number, payload: Uint8Array): Uint8Array {
    const encoder = encoding.createEncoder();
    encoding.writeUint8Array(encoder, this.prefix);
    encoding.writeVarUint(encoder, MESSAGE_SYNC);
    encoding.writeVarUint(encoder, sub);
    encoding.writeVarUint8Array(encoder, payload);
    return encoding.toUint8Array(encoder);
  }

  private wrap(message: Uint8Array): Uint8Array {
    if (this.prefix.length === 0) return message;
    const frame = new Uint8Array(this.prefix.length + message.length);
    frame.set(this.prefix);
    frame.set(message, this.prefix.length);
    return frame;
  }
}

/**
 * The clients and clocks in an awareness payload (`varUint(n) • (varUint(clientID) •
 * varUint(clock) • varString(state))^n`), without parsing the JSON states.
 */
export function forEachAwarenessClock(payload: Uint8Array, visit: (clientId: number, clock: number) => void): void {
  const decoder = decoding.createDecoder(payload);
  const count = decoding.readVarUint(decoder);
  for (let index = 0; index < count; index++) {
    const clientId = decoding.readVarUint(decoder);
    const clock = decoding.readVarUint(decoder);
    skipBytes(decoder); // the state's JSON, unread
    visit(clientId, clock);
  }
}

/** Skips a `varUint(length) • bytes` field. (Not `pos += readVarUint()`: that reads `pos` first.) */
function skipBytes(decoder: decoding.Decoder): void {
  const length = decoding.readVarUint(decoder);
  decoder.pos += length;
}
