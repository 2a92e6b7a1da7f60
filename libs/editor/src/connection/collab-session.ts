import { PROSEMIRROR_FRAGMENT, SCHEMA_VERSION_PARAM } from '@quire/constants';
import { SCHEMA_VERSION } from '@quire/editor-schema';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { colorForUserId } from '../identity/palette';
import {
  initialConnectionState,
  isTerminalCloseCode,
  nextConnectionState,
  type ConnectionEvent,
  type ConnectionState,
} from './connection-status';
import type { AwarenessUser } from './presence';
import { reconnectDelay } from './reconnect-delay';
import { collabSocketUrl } from './server-url';

export interface CollabSessionOptions {
  /** The collaboration server's base URL, `http(s)://host:port`. */
  serverUrl: string;
  documentId: string;
  user: { id: string; name: string };
  /** For tests: the WebSocket class to use. */
  WebSocketPolyfill?: typeof WebSocket;
  /** Where to listen for online/offline; the window in a browser. */
  network?: Pick<Window, 'addEventListener' | 'removeEventListener'> & { navigator?: { onLine: boolean } };
  /** For tests: the source of reconnect jitter. */
  random?: () => number;
}

type Listener = (state: ConnectionState) => void;

/**
 * One open document: its Y.Doc, the y-websocket connection (with the schema version the server
 * checks), this person's awareness `user`, and the connection state the page shows. Reconnects
 * are Quire's own, with jittered exponential backoff; a 44xx close stops them for good.
 */
export class CollabSession {
  readonly doc = new Y.Doc();
  readonly fragment: Y.XmlFragment = this.doc.getXmlFragment(PROSEMIRROR_FRAGMENT);
  readonly provider: WebsocketProvider;
  private state: ConnectionState;
  private readonly listeners = new Set<Listener>();
  private readonly network: CollabSessionOptions['network'];
  private readonly random: () => number;
  private reconnectTimer: ReturnType<typeof setTimeout> | undefined;
  private reconnectAttempts = 0;
  private destroyed = false;

  constructor(options: CollabSessionOptions) {
    this.network = options.network;
    this.random = options.random ?? Math.random;
    this.state = initialConnectionState(options.network?.navigator?.onLine ?? true);
    this.provider = new WebsocketProvider(collabSocketUrl(options.serverUrl), options.documentId, this.doc, {
      params: { [SCHEMA_VERSION_PARAM]: String(SCHEMA_VERSION) },
      // The provider's own reconnect has no jitter; scheduleReconnect does it instead.
      shouldReconnect: () => false,
      // Tabs of one browser share edits over BroadcastChannel otherwise, and an edit that builds
      // on another tab's may reach the server first, which refuses it as a gap (1003).
      disableBc: true,
      ...(options.WebSocketPolyfill ? { WebSocketPolyfill: options.WebSocketPolyfill } : {}),
    });
    this.setUser(options.user);
    this.provider.on('status', ({ status }) => {
      if (status === 'connected') this.reconnectAttempts = 0;
      this.dispatch({ type: 'status', status });
    });
    this.provider.on('sync', (synced) => {
      if (synced) this.dispatch({ type: 'synced' });
    });
    this.provider.on('closed', ({ code }) => this.dispatch({ type: 'closed', code }));
    // A null event is a close of our own (disconnect, the silence watchdog), not a failure.
    this.provider.on('connection-close', (event) => {
      if (event) this.dispatch({ type: 'attempt-failed' });
      if (!event || !isTerminalCloseCode(event.code)) this.scheduleReconnect();
    });
    this.network?.addEventListener('online', this.onOnline);
    this.network?.addEventListener('offline', this.onOffline);
  }

  get awareness() {
    return this.provider.awareness;
  }

  get connection(): ConnectionState {
    return this.state;
  }

  /** Publishes who this person is to the others (name changes show at once). */
  setUser(user: { id: string; name: string }): void {
    const awarenessUser: AwarenessUser = { id: user.id, name: user.name, color: colorForUserId(user.id) };
    this.awareness.setLocalStateField('user', awarenessUser);
  }

  /** Calls `listener` on every change of the connection state; returns the unsubscribe. */
  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Disconnects, tells the others this person left, and frees the document. */
  destroy(): void {
    this.destroyed = true;
    clearTimeout(this.reconnectTimer);
    this.network?.removeEventListener('online', this.onOnline);
    this.network?.removeEventListener('offline', this.onOffline);
    this.listeners.clear();
    this.provider.destroy();
    this.doc.destroy();
  }

  private readonly onOnline = () => {
    this.dispatch({ type: 'online' });
    // The network is back: try now rather than at the end of a long backoff.
    if (this.reconnectTimer !== undefined) {
      clearTimeout(this.reconnectTimer);
      this.reconnectTimer = undefined;
      this.reconnectAttempts = 0;
      this.reconnectNow();
    }
  };

  private scheduleReconnect(): void {
    if (this.destroyed || this.reconnectTimer !== undefined || this.state.status.kind === 'closed') return;
    const delay = reconnectDelay(this.reconnectAttempts++, this.random);
    this.reconnectTimer = setTimeout(() => {
      this.reconnectTimer = undefined;
      this.reconnectNow();
    }, delay);
  }

  private reconnectNow(): void {
    if (this.destroyed || this.state.status.kind === 'closed' || this.provider.wsconnected || this.provider.wsconnecting) return;
    this.provider.connect();
  }
  private readonly onOffline = () => this.dispatch({ type: 'offline' });

  private dispatch(event: ConnectionEvent): void {
    const next = nextConnectionState(this.state, event);
    if (next === this.state) return;
    this.state = next;
    if (next.status.kind === 'closed') this.provider.disconnect();
    for (const listener of this.listeners) listener(next);
  }
}
