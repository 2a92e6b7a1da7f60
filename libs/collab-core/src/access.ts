/** Who a connection speaks for, as the transport authorized it. */
export interface ConnectionUser {
  readonly id: string;
  readonly name: string;
}

/**
 * What a connection may do. A connection without one may do nothing: it receives the document
 * but its updates and awareness states are dropped (access that is not known is no access).
 */
export interface ConnectionAccess {
  readonly user: ConnectionUser;
  /** Viewers receive everything; their document updates are dropped. Can change while open. */
  readOnly: boolean;
  /**
   * Someone without an account (a share link's guest): guests share a bounded part of a
   * document's connections (`HubLimits.maxGuestConnectionsPerDocument`), so they cannot lock members out.
   */
  readonly guest?: boolean;
}

/** Largest awareness state (its JSON) one client may publish; a cursor and a name take ~150 bytes. */
export const MAX_AWARENESS_STATE_CHARS = 4096;

/** Told once to a read-only connection that tried to change the document. */
export const READ_ONLY_REASON = 'read-only: you can view this document but not change it';
