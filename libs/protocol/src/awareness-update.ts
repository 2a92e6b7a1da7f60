import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { ProtocolError } from './protocol-error';
import { expectEnd, readVarString, readVarUint } from './safe-decoder';

/** One client's entry in an awareness update; `state` is `null` when the client left. */
export interface AwarenessEntry {
  readonly clientId: number;
  readonly clock: number;
  readonly state: unknown;
}

/**
 * Parses the payload of an awareness message:
 * `varUint(n) • (varUint(clientID) • varUint(clock) • varString(JSON state))^n`.
 * Invalid JSON throws, so a caller can refuse the frame instead of relaying it.
 */
export function decodeAwarenessUpdate(update: Uint8Array): AwarenessEntry[] {
  const decoder = decoding.createDecoder(update);
  const count = readVarUint(decoder);
  // Each entry takes at least 3 bytes: a claimed count beyond that is a lie, not a big update.
  if (count * 3 > update.length) {
    throw new ProtocolError('length-exceeds-frame', `Awareness update claims ${count} entries`);
  }
  const entries: AwarenessEntry[] = [];
  for (let i = 0; i < count; i++) {
    const clientId = readVarUint(decoder);
    const clock = readVarUint(decoder);
    const json = readVarString(decoder);
    let state: unknown;
    try {
      state = JSON.parse(json);
    } catch {
      throw new ProtocolError('bad-string', `Awareness state of client ${clientId} is not JSON`);
    }
    entries.push({ clientId, clock, state });
  }
  expectEnd(decoder);
  return entries;
}

/** Encodes entries as an awareness update payload, the inverse of {@link decodeAwarenessUpdate}. */
export function encodeAwarenessUpdate(entries: readonly AwarenessEntry[]): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, entries.length);
  for (const entry of entries) {
    encoding.writeVarUint(encoder, entry.clientId);
    encoding.writeVarUint(encoder, entry.clock);
    encoding.writeVarString(encoder, JSON.stringify(entry.state));
  }
  return encoding.toUint8Array(encoder);
}
