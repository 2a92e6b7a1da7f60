import { CloseCode } from '@quire/constants';
import { encodeAwareness, encodeAwarenessUpdate, encodeStoredAck } from '@quire/protocol';
import type { ConnectionAccess } from './access';
import type { HubContext } from './hub-context';
import { TokenBucket } from './rate-limiter';
import { clientOrigin, type ClientOrigin, type OriginConnection } from './transaction-origin';
import type { PreparedFrames } from './prepared-frames';
import { ReadyState, type WebSocketLike } from './websocket-like';

/** What the transport knows about a connection when it hands the socket over. */
export interface ConnectionContext {
  readonly documentId: string;
  /** Unique per connection; appears in every log line about it. */
  readonly connectionId: string;
  readonly remoteAddress?: string;
  /** Who the connection speaks for and whether it may write; omitted, it may do nothing but read. */
  readonly access?: ConnectionAccess;
  /**
   * The client asked (`?ack=1`) to be told which of its updates are stored (PROTOCOL.md, "Stored
   * acknowledgements"); a stock client does not, and is never sent one.
   */
  readonly acknowledge?: boolean;
}

/**
 * An awareness update with no entries: a no-op for the client. The stock client reconnects after
 * 30 s without a message, and Quire, unlike the y-websocket server, echoes nothing back to its
 * sender, so a lone writer would otherwise be dropped and reconnected every 30 s.
 */
export const KEEPALIVE_FRAME: Uint8Array = encodeAwareness(encodeAwarenessUpdate([]));

/** Handles one frame of an active connection; expected not to throw. */
export type FrameHandler = (connection: Connection, data: Uint8Array, isBinary: boolean) => void;

/**
 * One client socket as the hub sees it: buffers frames until its document is ready, sends only
 * while the socket is open, and reports its end exactly once, however it ends.
 */
export class Connection implements OriginConnection {
  readonly connectionId: string;
  readonly documentId: string;
  readonly remoteAddress: string | undefined;
  readonly access: ConnectionAccess | undefined;
  /** The origin of every transaction this connection's updates cause. */
  readonly origin: ClientOrigin;
  /** Whether it is sent stored acknowledgements. */
  readonly acknowledges: boolean;
  /** Fields that identify this connection in log lines. */
  readonly logFields: { readonly connectionId: string; readonly documentId: string; readonly remoteAddress?: string };

  private handler: FrameHandler | undefined;
  private pending: { data: Uint8Array; isBinary: boolean }[] = [];
  private pendingBytes = 0;
  private closed = false;
  /** Frames wait (in `pending`) while what this connection may do is being checked again. */
  private held = false;
  private readonly rate: TokenBucket;
  private lastSentAt = performance.now();
  /** Its `sync-step-2` and `update` frames received so far: the numbers acknowledgements speak of. */
  private updateFrames = 0;
  /** The highest frame number acknowledged: acknowledgements never go back. */
  private acknowledgedThrough = 0;

  constructor(
    private readonly socket: WebSocketLike,
    context: ConnectionContext,
    private readonly hub: HubContext,
    private readonly onClosed: (connection: Connection) => void,
  ) {
    this.rate = new TokenBucket(hub.limits.messagesPerSecond, hub.limits.messageBurst);
    this.connectionId = context.connectionId;
    this.documentId = context.documentId;
    this.remoteAddress = context.remoteAddress;
    this.access = context.access;
    this.acknowledges = context.acknowledge === true;
    this.origin = clientOrigin(this);
    this.logFields =
      context.remoteAddress === undefined
        ? { connectionId: this.connectionId, documentId: this.documentId }
        : { connectionId: this.connectionId, documentId: this.documentId, remoteAddress: context.remoteAddress };
    socket.on('message', (data, isBinary) => this.receive(data, isBinary));
    socket.on('close', () => this.ended());
    socket.on('error', (error) => {
      this.hub.logger.warn({ ...this.logFields, err: error }, 'Socket error; dropping the connection');
      this.ended();
    });
  }

  /** False for a viewer, and for a connection whose access is unknown: its document updates are dropped. */
  get canWrite(): boolean {
    return this.access !== undefined && !this.access.readOnly;
  }

  /**
   * Stops handling this connection's frames, which wait in arrival order, until {@link release}:
   * for while its access is checked again after a change, so that nothing it sends meanwhile is
   * applied under access it may no longer have. Holding twice needs one release.
   */
  hold(): void {
    this.held = true;
  }

  /** Handles the frames that waited while held, then the rest as they come. */
  release(): void {
    if (!this.held) return;
    this.held = false;
    if (this.handler) this.drain();
  }

  /** False once the connection ended, whoever ended it. */
  get isOpen(): boolean {
    return !this.closed;
  }

  /** Starts handling frames, first those that arrived while the document loaded, in order. */
  activate(handler: FrameHandler): void {
    if (this.closed) return;
    this.handler = handler;
    if (!this.held) this.drain();
  }

  private drain(): void {
    const pending = this.pending;
    this.pending = [];
    this.pendingBytes = 0;
    for (const [index, frame] of pending.entries()) {
      if (this.closed) return;
      if (this.held) {
        // Held again by a frame's handling: what is left waits for the next release, in order.
        this.pending = [...pending.slice(index), ...this.pending];
        this.pendingBytes = this.pending.reduce((sum, waiting) => sum + waiting.data.byteLength, 0);
        return;
      }
      this.dispatch(frame.data, frame.isBinary);
    }
  }

  /**
   * Sends a frame if the socket is open; a closing or closed socket is skipped. A client that
   * stops reading is closed once its unsent bytes pass the bound, instead of growing memory.
   */
  send(frame: Uint8Array): void {
    this.sendAll(frame, undefined);
  }

  /**
   * Sends up to two frames in one write to the network (what one turn relays to this connection).
   * With `shared`, frames the transport can prepare are framed once for every recipient and the
   * same bytes written to each; otherwise (or when the socket cannot take them now) sent one by one.
   */
  sendAll(first: Uint8Array | undefined, second: Uint8Array | undefined, shared?: PreparedFrames): void {
    if (this.closed || this.socket.readyState !== ReadyState.Open) return;
    if (this.socket.bufferedAmount > this.hub.limits.maxSendBufferBytes) {
      this.reject('slow-consumer', 'Client is not reading what it is sent; closing the connection', {
        bufferedBytes: this.socket.bufferedAmount,
      });
      return;
    }
    try {
      if (!(shared && this.sendPrepared(shared, first, second))) this.sendEach(first, second);
      this.lastSentAt = performance.now();
    } catch (error) {
      this.hub.logger.warn({ ...this.logFields, err: error }, 'Sending failed; dropping the connection');
      this.close(CloseCode.InternalError, 'send failed');
    }
  }

  /** Sends the frames one by one, corked together. */
  private sendEach(first: Uint8Array | undefined, second: Uint8Array | undefined): void {
    const both = first !== undefined && second !== undefined;
    if (both) this.socket.cork?.();
    try {
      if (first) this.socket.send(first);
      if (second) this.socket.send(second);
    } finally {
      if (both) this.socket.uncork?.();
    }
  }

  /** Writes both frames prepared, as one write, if the transport prepares frames and can write them now. */
  private sendPrepared(shared: PreparedFrames, first: Uint8Array | undefined, second: Uint8Array | undefined): boolean {
    const frame = shared.for(this.socket, first, second);
    return frame !== undefined && this.socket.sendPrepared?.(frame) === true;
  }

  /** Numbers the next `sync-step-2` or `update` frame of this connection, from 1, as its client counts them. */
  countUpdateFrame(): number {
    return ++this.updateFrames;
  }

  /**
   * Tells the client that its update frames through `frame` are stored (or held nothing new) and
   * how far each of its client ids is stored; only if it asked, and only what it was not told yet.
   */
  acknowledgeStored(frame: number, clocks: ReadonlyMap<number, number>): void {
    if (!this.acknowledges || (frame <= this.acknowledgedThrough && clocks.size === 0)) return;
    this.acknowledgedThrough = Math.max(frame, this.acknowledgedThrough);
    const message = encodeStoredAck({ through: this.acknowledgedThrough, clocks });
    this.send(message);
    this.hub.metrics.messagesSent('stored', message.byteLength, 1);
  }

  /** Sends {@link KEEPALIVE_FRAME} if this active connection has been sent nothing for `keepAliveMs`. */
  keepAlive(now: number = performance.now()): void {
    if (!this.handler || now - this.lastSentAt < this.hub.limits.keepAliveMs) return;
    this.send(KEEPALIVE_FRAME);
    this.hub.metrics.messagesSent('awareness', KEEPALIVE_FRAME.byteLength, 1);
  }

  /** Closes the socket with `code` and ends the connection at once, without waiting for the handshake. */
  close(code: number, reason: string): void {
    if (this.closed) return;
    const state = this.socket.readyState;
    if (state === ReadyState.Connecting || state === ReadyState.Open) {
      try {
        this.socket.close(code, reason);
      } catch (error) {
        this.hub.logger.warn({ ...this.logFields, err: error }, 'Closing the socket failed');
      }
    }
    this.ended();
  }

  /**
   * Closes the connection for a limit or a bad frame: one log line, one metric, one close code
   * (1008 unless told otherwise).
   */
  reject(reason: string, message: string, fields: object = {}, code: number = CloseCode.PolicyViolation): void {
    if (this.closed) return;
    this.hub.metrics.rejected(reason);
    this.hub.logger.warn({ ...this.logFields, reason, ...fields }, message);
    this.close(code, reason);
  }

  private receive(data: Uint8Array, isBinary: boolean): void {
    if (this.closed) return;
    if (!this.rate.take()) {
      this.reject('rate-limit', 'Client sends messages faster than allowed; closing the connection', {
        limit: this.hub.limits.messagesPerSecond,
      });
      return;
    }
    if (this.handler && !this.held) {
      this.dispatch(data, isBinary);
      return;
    }
    this.pendingBytes += data.byteLength;
    const limit = this.hub.limits.maxLoadBufferBytes;
    if (this.pendingBytes > limit) {
      this.reject('load-buffer-full', 'Too many bytes sent while the document loads or access is checked; closing the connection', {
        bufferedBytes: this.pendingBytes,
        limit,
      });
      return;
    }
    // Copied because the transport may reuse the memory behind a frame once its listener returns;
    // `new Uint8Array` copies even a Buffer, whose `slice` would only make a view.
    this.pending.push({ data: new Uint8Array(data), isBinary });
  }

  private dispatch(data: Uint8Array, isBinary: boolean): void {
    try {
      this.handler?.(this, data, isBinary);
    } catch (error) {
      // The handler reports its own failures; this is the last line so a listener never throws.
      this.hub.logger.error({ ...this.logFields, err: error }, 'Unexpected error handling a message');
      this.close(CloseCode.InternalError, 'internal error');
    }
  }

  private ended(): void {
    if (this.closed) return;
    this.closed = true;
    this.pending = [];
    this.pendingBytes = 0;
    try {
      this.onClosed(this);
    } catch (error) {
      this.hub.logger.error({ ...this.logFields, err: error }, 'Unexpected error cleaning up a connection');
    }
  }
}
