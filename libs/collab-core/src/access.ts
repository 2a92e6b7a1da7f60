/** Who a connection speaks for, as the transport authorized it. */
export interface ConnectionUser {
  readonly id: string;
  readonly name: string;
}

/**
 * What a connection may do. Without one (tests, benchmarks, a server with no accounts) a
 * connection may read and write and publish any awareness state.
 */
export interface ConnectionAccess {
  readonly user: ConnectionUser;
  /** Viewers receive everything; their document updates are dropped. Can change while open. */
  readOnly: boolean;
}

/** Largest awareness state (its JSON) one client may publish; a cursor and a name take ~150 bytes. */
export const MAX_AWARENESS_STATE_CHARS = 4096;

/** Told once to a read-only connection that tried to change the document. */
export const READ_ONLY_REASON = 'read-only: you can view this document but not change it';
