import type { Connection } from './connection';
import { clientsOf } from './document-authorship';

/** An update of a connection that asked for acknowledgements: its frame number and the clocks it reaches. */
export interface StoredAckClaim {
  readonly connection: Connection;
  readonly frame: number;
  /** For each Yjs client id in the stored update: the clock after its last item (state-vector style). */
  readonly clocks: ReadonlyMap<number, number>;
}

/**
 * The claim of an update the document emitted for `frame` of `connection`, read in its update
 * event: for each client id the update carries (its first bytes for a keystroke), the doc's clock
 * for it, which this update has just brought to its end. Only for connections that asked.
 */
export function claimFor(connection: Connection, frame: number, update: Uint8Array, clockOf: (clientId: number) => number): StoredAckClaim {
  const clocks = new Map<number, number>();
  for (const clientId of clientsOf(update)) clocks.set(clientId, clockOf(clientId));
  return { connection, frame, clocks };
}

/**
 * After a batch committed: one acknowledgement per connection for all of its updates in the batch,
 * with the highest frame and the highest clock of each client id. A connection is acknowledged
 * only by the instance it is connected to, the one that stored its updates: what arrives from the
 * bus carries no claim.
 */
export function acknowledgeBatch(claims: Iterable<StoredAckClaim | undefined>): void {
  const merged = new Map<Connection, { frame: number; clocks: Map<number, number> }>();
  for (const claim of claims) {
    if (claim === undefined) continue;
    let entry = merged.get(claim.connection);
    if (!entry) {
      entry = { frame: 0, clocks: new Map() };
      merged.set(claim.connection, entry);
    }
    entry.frame = Math.max(entry.frame, claim.frame);
    for (const [client, clock] of claim.clocks) entry.clocks.set(client, Math.max(clock, entry.clocks.get(client) ?? 0));
  }
  for (const [connection, { frame, clocks }] of merged) connection.acknowledgeStored(frame, clocks);
}
