import { PROSEMIRROR_FRAGMENT, SCHEMA_VERSION_PARAM } from '@quire/constants';
import { SCHEMA_VERSION } from '@quire/editor-schema';
import WebSocket from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';

/** A stock y-websocket client in Node, as a script (or a hostile page) would connect. */
export interface RawClient {
  doc: Y.Doc;
  fragment: Y.XmlFragment;
  provider: WebsocketProvider;
  /** Resolves with the close code if the server closes the connection. */
  closed: Promise<number>;
  destroy: () => void;
}

/** Connects with `token` (a ticket or an API token) and resolves once the document has synced. */
export async function connectRawClient(serverUrl: string, documentId: string, token: string): Promise<RawClient> {
  const doc = new Y.Doc();
  const base = serverUrl.replace(/^http/, 'ws');
  const provider = new WebsocketProvider(`${base}/collab`, documentId, doc, {
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    params: { token, [SCHEMA_VERSION_PARAM]: String(SCHEMA_VERSION) },
    disableBc: true,
    // A ticket opens one connection: no reconnecting with it.
    shouldReconnect: () => false,
  });
  const closed = new Promise<number>((resolve) => provider.on('connection-close', (event) => resolve(event?.code ?? 1000)));
  await new Promise<void>((resolve, reject) => {
    provider.on('sync', (synced) => synced && resolve());
    void closed.then((code) => reject(new Error(`The server closed the connection with ${code} before it synced`)));
  });
  return { doc, fragment: doc.getXmlFragment(PROSEMIRROR_FRAGMENT), provider, closed, destroy: () => provider.destroy() };
}
