/** Top-level y-websocket message type: a sync sub-message follows. */
export const messageSync = 0;
/** Top-level y-websocket message type: an awareness update follows. */
export const messageAwareness = 1;
/** Top-level y-websocket message type: an auth sub-message follows. */
export const messageAuth = 2;
/** Top-level y-websocket message type: asks the peer to send every awareness state it knows. */
export const messageQueryAwareness = 3;
/**
 * Quire's one addition: the server tells a connection that asked for it (`?ack=1`) which of its
 * updates are stored. Never sent to a client that did not ask (PROTOCOL.md, "Stored acknowledgements").
 */
export const messageStored = 4;

/** Sync sub-message: the sender's state vector, asking for what it lacks. */
export const syncStep1 = 0;
/** Sync sub-message: the update that answers a step 1. */
export const syncStep2 = 1;
/** Sync sub-message: an incremental document update. */
export const syncUpdate = 2;

/** Auth sub-message: permission denied, followed by a reason string (the only one y-protocols defines). */
export const authPermissionDenied = 0;
