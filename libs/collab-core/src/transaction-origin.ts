/** The part of a connection a transaction origin carries; compared by identity, never by id. */
export interface OriginConnection {
  readonly connectionId: string;
  /** Who it speaks for: the author its updates are stored under. */
  readonly access?: { readonly user: { readonly id: string } };
}

/** An update a client sent over one of this instance's connections: stored, then relayed to the others. */
export interface ClientOrigin {
  readonly kind: 'client';
  readonly connection: OriginConnection;
}

/** Updates read back from the `UpdateLog` while loading: already stored, never relayed. */
export interface StoreOrigin {
  readonly kind: 'store';
}

/** An update another instance stored and published on the bus: relayed here, never stored again. */
export interface BusOrigin {
  readonly kind: 'bus';
}

/** An update from the bus applied after it was relayed as received: neither stored nor relayed again. */
export interface SettledBusOrigin {
  readonly kind: 'bus-settled';
}

/**
 * A change the server makes itself on someone's behalf (a restore): stored, then relayed to every
 * connection, the asker's own included.
 */
export interface ServerOrigin {
  readonly kind: 'server';
  /** The user it is stored under. */
  readonly author: string;
}

/** Where a transaction on a hub's Y.Doc came from; storing and relaying decide from it alone. */
export type TransactionOrigin = ClientOrigin | StoreOrigin | BusOrigin | SettledBusOrigin | ServerOrigin;

/** The one `StoreOrigin`, so every load uses the same object. */
export const storeOrigin: StoreOrigin = Object.freeze({ kind: 'store' });

/** The one `BusOrigin`. */
export const busOrigin: BusOrigin = Object.freeze({ kind: 'bus' });

/** The one `SettledBusOrigin`. */
export const settledBusOrigin: SettledBusOrigin = Object.freeze({ kind: 'bus-settled' });

/** Makes the origin for updates received on `connection`. */
export function clientOrigin(connection: OriginConnection): ClientOrigin {
  return Object.freeze({ kind: 'client', connection });
}

/** Makes the origin of a change the server makes on behalf of `author`. */
export function serverOrigin(author: string): ServerOrigin {
  return Object.freeze({ kind: 'server', author });
}

/** What the hub does with an update the Y.Doc emitted, by origin. */
export interface UpdatePolicy {
  /** Append it to the `UpdateLog` before anyone sees it. */
  readonly store: boolean;
  /** Send it to the document's connections (except the one it came from) once committed. */
  readonly relay: boolean;
}

const CLIENT: UpdatePolicy = { store: true, relay: true };
// Already stored (and, for a settled bus update, already relayed): nothing more to do.
const STORE: UpdatePolicy = { store: false, relay: false };
const BUS: UpdatePolicy = { store: false, relay: true };

/**
 * Decides what happens to an update from its transaction origin. An origin the hub did not make
 * (code that transacts on the doc directly) is stored and relayed: losing data is never the default.
 */
export function updatePolicy(origin: unknown): UpdatePolicy {
  if (isTransactionOrigin(origin)) {
    switch (origin.kind) {
      case 'client':
        return CLIENT;
      case 'store':
        return STORE;
      case 'bus':
        return BUS;
      case 'bus-settled':
        return STORE;
      case 'server':
        return CLIENT;
    }
  }
  return CLIENT;
}

/** True when `origin` is one of the hub's typed origins. */
export function isTransactionOrigin(origin: unknown): origin is TransactionOrigin {
  if (typeof origin !== 'object' || origin === null) return false;
  const kind = (origin as { kind?: unknown }).kind;
  return kind === 'client' || kind === 'store' || kind === 'bus' || kind === 'bus-settled' || kind === 'server';
}

/** The connection an update came from, or `undefined` when it did not come from a client. */
export function originConnection(origin: unknown): OriginConnection | undefined {
  return isTransactionOrigin(origin) && origin.kind === 'client' ? origin.connection : undefined;
}

/** The user an update is stored under: a client's connection's, or the one a server change acts for. */
export function originAuthor(origin: unknown): string | undefined {
  if (!isTransactionOrigin(origin)) return undefined;
  if (origin.kind === 'server') return origin.author;
  return origin.kind === 'client' ? origin.connection.access?.user.id : undefined;
}
