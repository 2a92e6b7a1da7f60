import type { Role } from '@quire/api-contract';
import { PROSEMIRROR_FRAGMENT, SCHEMA_VERSION_PARAM } from '@quire/constants';
import { SCHEMA_VERSION } from '@quire/editor-schema';
import { messageStored, readStoredAck, STORED_ACK_PARAM } from '@quire/protocol';
import { messageAuth, WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { colorForUserId } from '../identity/palette';
import { initialConnectionState, isTerminalCloseCode, nextConnectionState, type ConnectionEvent, type ConnectionState } from './connection-status';
import type { AwarenessUser } from './presence';
import { countingSocketClass } from './counting-socket';
import { reconnectDelay } from './reconnect-delay';
import { itemsFromOthers, type MergeSummary } from '../local/merge-summary';
import { SaveTracker } from './save-tracker';
import { applyLargeSyncsInParts } from './sync-in-parts';
import { collabSocketUrl } from './server-url';
import { isRetriableWithNewTicket, refusalCloseCode, TicketRefusedError, type SocketTicket, type TicketProvider } from './socket-ticket';

/** Query parameter that carries the ticket (docs/api.md, "Socket tickets"). */
const TOKEN_PARAM = 'token';

export interface CollabSessionOptions {
  /** The collaboration server's base URL, `http(s)://host:port`. */
  serverUrl: string;
  documentId: string;
  /** Asked for a fresh single-use ticket before every connection and reconnection. */
  ticket: TicketProvider;
  /** For tests: the WebSocket class to use. */
  WebSocketPolyfill?: typeof WebSocket;
  /** Where to listen for online/offline; the window in a browser. */
  network?: Pick<Window, 'addEventListener' | 'removeEventListener'> & { navigator?: { onLine: boolean } };
  /** For tests: the source of reconnect jitter. */
  random?: () => number;
}

/** Away at least this long (or opened with changes from an earlier page), a sync reports what it merged. */
export const LONG_OFFLINE_MS = 30_000;

/** Transaction origins that are not the person's edits: what the provider and local copies apply. */
const NOT_LOCAL = new WeakSet<object>();

type Listener = (state: ConnectionState) => void;

/**
 * One open document: its Y.Doc, the y-websocket connection (with the schema version the server
 * checks and a fresh ticket each time), this person's awareness `user` exactly as the ticket names
 * them, and the connection state the page shows.
 *
 * Every connection is opened here, never by y-websocket on its own: a ticket opens one connection
 * only, so each attempt first asks for a new one. Reconnects use jittered exponential backoff; a
 * 4401 or 4403 close gets one immediate retry with a fresh ticket, and any other 44xx close (or a
 * refused ticket) ends the session for good.
 */
export class CollabSession {
  readonly doc = new Y.Doc();
  readonly fragment: Y.XmlFragment = this.doc.getXmlFragment(PROSEMIRROR_FRAGMENT);
  readonly provider: WebsocketProvider;
  private state: ConnectionState;
  private readonly listeners = new Set<Listener>();
  private readonly network: CollabSessionOptions['network'];
  private readonly random: () => number;
  private readonly ticket: TicketProvider;
  private reconnectTimer: ReturnType<typeof setTimeout> | undefined;
  private reconnectAttempts = 0;
  /** The ticket request in flight, aborted on destroy. */
  private opening: AbortController | null = null;
  /** The 4401/4403 close whose one retry is under way; cleared once a connection syncs. */
  private retryingAfter: number | null = null;
  private granted: AwarenessUser | null = null;
  private destroyed = false;
  /** Which local changes the server has acknowledged as stored. */
  private readonly saves = new SaveTracker();
  private reportedUnsaved = 0;
  private readonly unsavedListeners = new Set<(unsaved: number) => void>();
  private readonly mergedListeners = new Set<(summary: MergeSummary) => void>();
  /** Since when the page has had no synced connection; null while it has one. */
  private awaySince: number | null = Date.now();
  /** Changes from an earlier page restored from this device: the first sync reports its merge. */
  private restoredChanges = false;
  /** Items from others that arrived on the current connection, and the doc's clocks before it. */
  private arrivedFromOthers = 0;
  private clocksBefore = new Map<number, number>();
  /** Yjs client ids this person's edits carried (this page's and restored ones): not "others". */
  private readonly ownClients = new Set<number>();
  /** Stops applying a large first sync in parts (sync-in-parts.ts). */
  private readonly stopSyncInParts: () => void;

  constructor(options: CollabSessionOptions) {
    this.network = options.network;
    this.random = options.random ?? Math.random;
    this.ticket = options.ticket;
    this.state = initialConnectionState(options.network?.navigator?.onLine ?? true);
    this.provider = new WebsocketProvider(collabSocketUrl(options.serverUrl), options.documentId, this.doc, {
      // Not before a ticket is in hand.
      connect: false,
      // `ack`: the server tells this client what it stored, for "Saved" (PROTOCOL.md).
      params: { [SCHEMA_VERSION_PARAM]: String(SCHEMA_VERSION), [STORED_ACK_PARAM]: '1' },
      // Every server close comes to `onClose`, which decides; the provider never retries by itself.
      shouldReconnect: () => false,
      // Tabs of one browser share edits over BroadcastChannel otherwise, and an edit that builds
      // on another tab's may reach the server first, which refuses it as a gap (1003).
      disableBc: true,
      // Counts the frames an acknowledgement counts; otherwise the platform's (or the test's) socket.
      WebSocketPolyfill: countingSocketClass(options.WebSocketPolyfill ?? WebSocket, {
        opened: () => this.saves.newSocket(),
        sent: (kind) => this.saves.frameSent(kind),
      }),
    });
    NOT_LOCAL.add(this.provider);
    // A long document's first sync in parts, a task each, so the page answers input meanwhile.
    this.stopSyncInParts = applyLargeSyncsInParts(this.provider);
    this.provider.messageHandlers[messageStored] = (_encoder, decoder) => {
      this.saves.acknowledged(readStoredAck(decoder).through);
      this.reportUnsaved();
    };
    this.ownClients.add(this.doc.clientID);
    // After the provider's own listener, which has sent the change by now if its socket is open.
    this.doc.on('update', (update: Uint8Array, origin: unknown) => {
      if (origin === this.provider) {
        if (this.awaySince !== null) this.arrivedFromOthers += itemsFromOthers(update, this.clocksBefore, this.ownClients);
        return;
      }
      if (typeof origin === 'object' && origin !== null && NOT_LOCAL.has(origin)) return;
      this.saves.change(this.provider.wsconnected);
      this.reportUnsaved();
    });
    // The stock handler logs the provider's URL, ticket included; the role already says read-only.
    this.provider.messageHandlers[messageAuth] = () => undefined;
    this.provider.on('status', ({ status }) => {
      if (status === 'connected') {
        // What the server sends on this connection is counted against the doc as it stands now.
        this.arrivedFromOthers = 0;
        this.clocksBefore = Y.decodeStateVector(Y.encodeStateVector(this.doc));
      } else if (this.awaySince === null) {
        this.awaySince = Date.now();
      }
      this.dispatch({ type: 'status', status });
    });
    this.provider.on('sync', (synced) => {
      if (!synced) return;
      this.reportMerge();
      // The server accepted the ticket and sent the document: the connection works.
      this.reconnectAttempts = 0;
      this.retryingAfter = null;
      this.dispatch({ type: 'synced' });
    });
    this.provider.on('connection-close', (event) => this.onClose(event ? event.code : null));
    this.network?.addEventListener('online', this.onOnline);
    this.network?.addEventListener('offline', this.onOffline);
    void this.open();
  }

  get awareness() {
    return this.provider.awareness;
  }

  get connection(): ConnectionState {
    return this.state;
  }

  /**
   * Marks a transaction origin as not the person's own edits (what a local copy applies when it
   * loads): such updates are not counted as unsaved changes.
   */
  static notLocal(origin: object): void {
    NOT_LOCAL.add(origin);
  }

  /** Who this person is on the current connection, as the last ticket named them; null before. */
  get user(): AwarenessUser | null {
    return this.granted;
  }

  /**
   * Local changes the server has not yet acknowledged as stored (PROTOCOL.md, "Stored
   * acknowledgements"); 0 when everything is saved.
   */
  get unsaved(): number {
    return this.saves.unsaved;
  }

  /**
   * Calls `listener` whenever {@link unsaved} changes. Apart from the connection state: it changes
   * with every keystroke, and only what shows it should re-render.
   */
  subscribeUnsaved(listener: (unsaved: number) => void): () => void {
    this.unsavedListeners.add(listener);
    return () => this.unsavedListeners.delete(listener);
  }

  /**
   * Calls `listener` when a connection syncs after a long time away (or after changes from an
   * earlier page were restored): what it merged, for a one-line summary.
   */
  subscribeMerged(listener: (summary: MergeSummary) => void): () => void {
    this.mergedListeners.add(listener);
    return () => this.mergedListeners.delete(listener);
  }

  /**
   * Changes an earlier page left unacknowledged, now back in the doc from this device (a local
   * copy): counted as unsaved until the server acknowledges them. `clients`: the Yjs client ids
   * they were made under, so that the merge summary counts them as this person's.
   */
  restoreUnsaved(count: number, clients: Iterable<number> = []): void {
    for (const client of clients) this.ownClients.add(client);
    if (count <= 0) return;
    this.restoredChanges = true;
    this.saves.restore(count, this.provider.wsconnected);
    this.reportUnsaved();
  }

  /**
   * The role this person had on this document, remembered on this device: until a ticket says
   * otherwise (offline, the server unreachable), the editor opens as it would with it.
   */
  restoreRole(role: Role): void {
    if (this.state.role === null) this.dispatch({ type: 'granted', role });
  }

  /** Calls `listener` on every change of the connection state; returns the unsubscribe. */
  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /**
   * Reconnects at once with a fresh ticket, e.g. after a guest chose another name: the identity in
   * awareness must be the ticket's, so it changes only with a new connection.
   */
  renew(): void {
    if (this.ended) return;
    this.provider.disconnect();
    this.clearReconnectTimer();
    void this.open();
  }

  /** Disconnects, tells the others this person left, and frees the document. */
  destroy(): void {
    this.destroyed = true;
    this.clearReconnectTimer();
    this.opening?.abort();
    this.network?.removeEventListener('online', this.onOnline);
    this.network?.removeEventListener('offline', this.onOffline);
    this.listeners.clear();
    this.unsavedListeners.clear();
    this.mergedListeners.clear();
    this.stopSyncInParts();
    this.provider.destroy();
    this.doc.destroy();
  }

  /**
   * Destroyed, or closed for good: nothing connects any more. A getter, so that TypeScript does not
   * narrow the check away after an await.
   */
  private get ended(): boolean {
    return this.destroyed || this.state.status.kind === 'closed';
  }

  /** Asks for a ticket, then connects with it. */
  private async open(): Promise<void> {
    if (this.ended || this.opening) return;
    const controller = new AbortController();
    this.opening = controller;
    let grant: SocketTicket;
    try {
      grant = await this.ticket(controller.signal);
    } catch (error) {
      if (controller.signal.aborted) return;
      this.opening = null;
      if (error instanceof TicketRefusedError) {
        this.dispatch({ type: 'closed', code: refusalCloseCode(error.status, this.retryingAfter) });
        return;
      }
      // The API could not be asked (offline, restarting): a failed attempt like a refused socket.
      this.dispatch({ type: 'attempt-failed' });
      this.scheduleReconnect();
      return;
    }
    this.opening = null;
    if (this.ended || this.provider.ws !== null) return;
    this.granted = { id: grant.user.id, name: grant.user.name, color: colorForUserId(grant.user.id) };
    this.awareness.setLocalStateField('user', this.granted);
    this.dispatch({ type: 'granted', role: grant.role });
    this.provider.params = { ...this.provider.params, [TOKEN_PARAM]: grant.ticket };
    this.provider.connect();
  }

  /** A connection ended: `code` is the server's close code, null for a close of our own. */
  private onClose(code: number | null): void {
    // y-websocket reconnects by itself after its silence watchdog closes a socket, and would reuse
    // the spent ticket in its URL: connections are opened only by `open`.
    this.provider.shouldConnect = false;
    if (this.ended) return;
    if (code === null) {
      this.scheduleReconnect();
      return;
    }
    this.dispatch({ type: 'attempt-failed' });
    if (isRetriableWithNewTicket(code) && this.retryingAfter === null) {
      // The ticket may simply have expired or been spent: one more, at once.
      this.retryingAfter = code;
      this.clearReconnectTimer();
      queueMicrotask(() => void this.open());
      return;
    }
    if (isTerminalCloseCode(code)) {
      this.dispatch({ type: 'closed', code });
      return;
    }
    this.scheduleReconnect();
  }

  private readonly onOnline = () => {
    this.dispatch({ type: 'online' });
    // The network is back: try now rather than at the end of a long backoff.
    if (this.reconnectTimer !== undefined) {
      this.clearReconnectTimer();
      this.reconnectAttempts = 0;
      void this.open();
    }
  };

  private readonly onOffline = () => this.dispatch({ type: 'offline' });

  private scheduleReconnect(): void {
    if (this.ended || this.reconnectTimer !== undefined) return;
    const delay = reconnectDelay(this.reconnectAttempts++, this.random);
    this.reconnectTimer = setTimeout(() => {
      this.reconnectTimer = undefined;
      void this.open();
    }, delay);
  }

  private clearReconnectTimer(): void {
    clearTimeout(this.reconnectTimer);
    this.reconnectTimer = undefined;
  }

  private reportMerge(): void {
    const away = this.awaySince;
    this.awaySince = null;
    if (away === null || (Date.now() - away < LONG_OFFLINE_MS && !this.restoredChanges)) return;
    this.restoredChanges = false;
    const summary: MergeSummary = { mine: this.saves.unsaved, others: this.arrivedFromOthers };
    for (const listener of this.mergedListeners) listener(summary);
  }

  private reportUnsaved(): void {
    const unsaved = this.saves.unsaved;
    if (unsaved === this.reportedUnsaved) return;
    this.reportedUnsaved = unsaved;
    for (const listener of this.unsavedListeners) listener(unsaved);
  }

  private dispatch(event: ConnectionEvent): void {
    const next = nextConnectionState(this.state, event);
    if (next === this.state) return;
    this.state = next;
    if (next.status.kind === 'closed') this.provider.disconnect();
    for (const listener of this.listeners) listener(next);
  }
}
