/** Bounds that protect the server from one client, chosen so that normal editing never meets them. */
export interface HubLimits {
  /** Bytes one connection may send while its document loads; past it, 1008. */
  readonly maxLoadBufferBytes: number;
  /** Largest awareness payload; one user's name and cursor take a few hundred bytes. Past it, 1008. */
  readonly maxAwarenessBytes: number;
  /** Sustained messages per second per connection (a fast typist with cursor updates sends ~40). */
  readonly messagesPerSecond: number;
  /** Messages a connection may send at once above the sustained rate (a paste, a reconnect). */
  readonly messageBurst: number;
  /** Connections one document accepts; the next is closed with 1008. */
  readonly maxConnectionsPerDocument: number;
  /**
   * Of those, how many may be guests (no account); the next guest is closed with 1008 while
   * members still get in up to {@link maxConnectionsPerDocument}.
   */
  readonly maxGuestConnectionsPerDocument: number;
  /** Bytes queued on a socket the client does not read; past it the slow consumer is closed (1008). */
  readonly maxSendBufferBytes: number;
  /** Stored size a document may grow to; an update past it is refused (1009). */
  readonly maxDocumentBytes: number;
  /**
   * Structs and delete ranges one update may hold. Yjs takes seconds for a million; typing sends
   * one, and even a whole book's history fits in tens of thousands. Past it, 1009.
   */
  readonly maxUpdateStructs: number;
  /** A connection that has been sent nothing for this long gets a no-op frame, see `KEEPALIVE_FRAME`. */
  readonly keepAliveMs: number;
}

/** Defaults of {@link HubLimits}. */
export const DEFAULT_HUB_LIMITS: HubLimits = {
  maxLoadBufferBytes: 16 * 1024 * 1024,
  maxAwarenessBytes: 64 * 1024,
  messagesPerSecond: 200,
  messageBurst: 2_000,
  maxConnectionsPerDocument: 500,
  maxGuestConnectionsPerDocument: 100,
  maxSendBufferBytes: 32 * 1024 * 1024,
  maxDocumentBytes: 256 * 1024 * 1024,
  maxUpdateStructs: 100_000,
  keepAliveMs: 10_000,
};
