/** WebSocket ready states, as in the WHATWG WebSocket and the `ws` package. */
export const ReadyState = { Connecting: 0, Open: 1, Closing: 2, Closed: 3 } as const;

/**
 * The only view of a socket the collaboration core has; the transport adapts its socket to it.
 * Binary frames arrive as `Uint8Array`s; `isBinary` is false for text frames, which the protocol
 * does not use.
 */
export interface WebSocketLike {
  readonly readyState: number;
  /** Bytes queued but not yet handed to the network, to spot slow consumers. */
  readonly bufferedAmount: number;
  send(data: Uint8Array): void;
  /** Optional: holds writes until `uncork`, so that several frames leave in one packet. */
  cork?(): void;
  uncork?(): void;
  close(code?: number, reason?: string): void;
  on(event: 'message', listener: (data: Uint8Array, isBinary: boolean) => void): unknown;
  on(event: 'close', listener: (code: number) => void): unknown;
  on(event: 'error', listener: (error: Error) => void): unknown;
}
