/**
 * WebSocket close codes the server uses, shared so the web app can say why a connection ended.
 * 1xxx are RFC 6455 codes; 44xx mirror HTTP statuses, and the stock y-websocket client does not
 * reconnect after them.
 */
export const CloseCode = {
  /** Server shutting down: reconnect (to another instance). */
  GoingAway: 1001,
  /** Malformed frame: not a well-formed y-websocket message. */
  ProtocolError: 1002,
  /** Unsupported data: a text frame, or an update Yjs cannot apply. */
  UnsupportedData: 1003,
  /** A rate or size limit was exceeded. */
  PolicyViolation: 1008,
  /** A frame larger than `MAX_MESSAGE_BYTES`. */
  MessageTooBig: 1009,
  /** The server failed (a bug, a document that would not load); the client may reconnect. */
  InternalError: 1011,
  /** The server cannot store edits right now (its database is unreachable); reconnect later. */
  TryAgainLater: 1013,
  /** No or invalid credentials. */
  Unauthenticated: 4401,
  /** Credentials that may not open this document. */
  Forbidden: 4403,
  /** No such document. */
  NotFound: 4404,
  /** The editor's schema is older than the server's: the page must reload before editing. */
  EditorOutdated: 4426,
} as const;

export type CloseCode = (typeof CloseCode)[keyof typeof CloseCode];

/** Close codes after which reconnecting cannot help until the person acts (reload, sign in). */
export const TERMINAL_CLOSE_CODES: ReadonlySet<number> = new Set([
  CloseCode.Unauthenticated,
  CloseCode.Forbidden,
  CloseCode.NotFound,
  CloseCode.EditorOutdated,
]);
