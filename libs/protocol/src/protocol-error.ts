/** Why a frame could not be decoded; stable strings, safe to use as metric labels. */
export type ProtocolErrorReason =
  | 'empty'
  | 'truncated'
  | 'bad-varint'
  | 'length-exceeds-frame'
  | 'unknown-message-type'
  | 'unknown-sync-type'
  | 'unknown-auth-type'
  | 'trailing-bytes'
  | 'bad-string';

/** Thrown by the decoders when a frame is not a well-formed y-websocket message. */
export class ProtocolError extends Error {
  override readonly name = 'ProtocolError';

  constructor(
    readonly reason: ProtocolErrorReason,
    message: string,
  ) {
    super(message);
  }
}
