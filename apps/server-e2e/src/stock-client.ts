import { WebSocket } from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';

/** A Y.Doc synced through the stock y-websocket client, exactly as a Node script would use it. */
export interface StockClient {
  readonly doc: Y.Doc;
  readonly provider: WebsocketProvider;
  readonly fragment: Y.XmlFragment;
  destroy(): void;
}

export function connectStockClient(
  wsUrl: string,
  documentId: string,
  options: { params?: Record<string, string>; maxBackoffTime?: number; WebSocketPolyfill?: typeof globalThis.WebSocket } = {},
): StockClient {
  const doc = new Y.Doc();
  const provider = new WebsocketProvider(wsUrl, documentId, doc, {
    WebSocketPolyfill: options.WebSocketPolyfill ?? (WebSocket as unknown as typeof globalThis.WebSocket),
    disableBc: true,
    params: options.params ?? {},
    ...(options.maxBackoffTime === undefined ? {} : { maxBackoffTime: options.maxBackoffTime }),
  });
  return {
    doc,
    provider,
    fragment: doc.getXmlFragment('prosemirror'),
    destroy: () => {
      provider.destroy();
      doc.destroy();
    },
  };
}

/** Resolves once the provider has completed its first sync with the server. */
export function synced(client: StockClient, timeoutMs = 10_000): Promise<void> {
  if (client.provider.synced) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('client did not sync in time')), timeoutMs);
    const onSync = (isSynced: boolean) => {
      if (!isSynced) return;
      clearTimeout(timer);
      client.provider.off('sync', onSync);
      resolve();
    };
    client.provider.on('sync', onSync);
  });
}

/** Polls `condition` (cheap, in-memory) until it holds; fails with `what` after the timeout. */
export async function eventually(condition: () => boolean, what: string, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for: ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

/** The document as text, to compare clients. */
export function contentOf(client: StockClient): string {
  return client.fragment.toString();
}
