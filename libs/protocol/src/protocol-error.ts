/** Why a frame or the update in it was refused; stable strings, safe to use as metric labels. */
export type ProtocolErrorReason =
  | 'empty'
  | 'truncated'
  | 'bad-varint'
  | 'length-exceeds-frame'
  | 'unknown-message-type'
  | 'unknown-sync-type'
  | 'unknown-auth-type'
  | 'trailing-bytes'
  | 'bad-string'
  | 'bad-update'
  | 'update-too-complex'
  | 'refused-content';

/**
 * Thrown by the decoders when a frame is not a well-formed y-websocket message, and by
 * `checkUpdate` when the Yjs update it carries is malformed or too complex.
 */
export class ProtocolError extends Error {
  override readonly name = 'ProtocolError';

  constructor(
    readonly reason: ProtocolErrorReason,
    message: string,
  ) {
    super(message);
  }
}
