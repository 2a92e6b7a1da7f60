/** WebSocket ready states, as in the WHATWG WebSocket and the `ws` package. */
export const ReadyState = { Connecting: 0, Open: 1, Closing: 2, Closed: 3 } as const;

/**
 * Binary messages as the transport writes them on the wire, framed once by
 * {@link WebSocketLike.prepareFrames} and written as the same bytes to any number of sockets of
 * that transport. `messages` are the messages themselves, for a socket that cannot take the
 * prepared bytes now and sends them one by one.
 */
export interface PreparedFrame {
  readonly messages: readonly Uint8Array[];
}

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
  /**
   * Optional, with {@link sendPrepared}: frames binary messages once, as one write, for every
   * socket of this transport (fan-out then costs one framing per message, not one per
   * recipient). The result must depend on `messages` only, never on this socket.
   */
  prepareFrames?(messages: readonly Uint8Array[]): PreparedFrame;
  /**
   * Optional: writes what {@link prepareFrames} made, as one write, and returns true; returns
   * false, having written nothing, when it cannot now (the caller then uses `send`).
   */
  sendPrepared?(frame: PreparedFrame): boolean;
  close(code?: number, reason?: string): void;
  on(event: 'message', listener: (data: Uint8Array, isBinary: boolean) => void): unknown;
  on(event: 'close', listener: (code: number) => void): unknown;
  on(event: 'error', listener: (error: Error) => void): unknown;
}
