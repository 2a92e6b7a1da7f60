/** A y-websocket message after decoding; byte arrays are views into the received frame. */
export type ProtocolMessage =
  | { readonly type: 'sync-step-1'; readonly stateVector: Uint8Array }
  | { readonly type: 'sync-step-2'; readonly update: Uint8Array }
  | { readonly type: 'update'; readonly update: Uint8Array }
  | { readonly type: 'awareness'; readonly update: Uint8Array }
  | { readonly type: 'query-awareness' }
  | { readonly type: 'auth-denied'; readonly reason: string }
  | { readonly type: 'stored'; readonly through: number; readonly clocks: ReadonlyMap<number, number> };

/** The kind of a {@link ProtocolMessage}, for metrics and logs. */
export type ProtocolMessageType = ProtocolMessage['type'];
