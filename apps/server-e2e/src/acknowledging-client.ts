import { messageStored, readStoredAck, STORED_ACK_PARAM } from '@quire/protocol';
import { WebSocket } from 'ws';
import * as Y from 'yjs';
import { connectStockClient, type StockClient } from './stock-client';

/** What a client that asked for stored acknowledgements has seen. */
export interface AcknowledgingClient extends StockClient {
  /** Sync step 2 and update frames sent on the current socket (what `through` counts). */
  readonly sent: () => number;
  /** The highest `through` acknowledged on the current socket. */
  readonly through: () => number;
  /** The highest stored clock acknowledged for each client id, over every socket. */
  readonly clocks: Map<number, number>;
  /** When each acknowledgement arrived (`performance.now()`), with its `through`. */
  readonly arrivals: { readonly at: number; readonly through: number }[];
  /** True when everything this client sent on this socket is acknowledged as stored. */
  readonly allStored: () => boolean;
}

/**
 * The stock y-websocket client, as the web app uses it for "Saved": `?ack=1` added to its
 * parameters, a handler for message type 4 (PROTOCOL.md, "Stored acknowledgements"), and a socket
 * that counts the update frames it sends, which is what an acknowledgement's `through` counts.
 */
export function connectAcknowledgingClient(
  wsUrl: string,
  documentId: string,
  options: { params?: Record<string, string>; maxBackoffTime?: number } = {},
): AcknowledgingClient {
  let sent = 0;
  let through = 0;
  const clocks = new Map<number, number>();
  const arrivals: { at: number; through: number }[] = [];
  class CountingSocket extends WebSocket {
    constructor(...args: ConstructorParameters<typeof WebSocket>) {
      super(...args);
      // A new socket: the server numbers this connection's frames from 1 again.
      sent = 0;
      through = 0;
    }
    override send(data: unknown, ...rest: unknown[]): void {
      const bytes = data instanceof Uint8Array ? data : new Uint8Array(data as ArrayBuffer);
      if (bytes[0] === 0 && (bytes[1] === 1 || bytes[1] === 2)) sent++;
      (super.send as (data: unknown, ...rest: unknown[]) => void)(data, ...rest);
    }
  }
  const client = connectStockClient(wsUrl, documentId, {
    ...options,
    params: { ...options.params, [STORED_ACK_PARAM]: '1' },
    WebSocketPolyfill: CountingSocket as unknown as typeof globalThis.WebSocket,
  });
  client.provider.messageHandlers[messageStored] = (_encoder, decoder) => {
    const ack = readStoredAck(decoder);
    through = Math.max(through, ack.through);
    arrivals.push({ at: performance.now(), through: ack.through });
    for (const [id, clock] of ack.clocks) clocks.set(id, Math.max(clock, clocks.get(id) ?? 0));
  };
  return {
    ...client,
    sent: () => sent,
    through: () => through,
    clocks,
    arrivals,
    allStored: () => client.provider.wsconnected && through >= sent,
  };
}

/** This client's own clock: how far its own edits go. */
export function ownClock(client: StockClient): number {
  return Y.getState(client.doc.store, client.doc.clientID);
}
