import type { ServerTarget } from '../server-kinds';
import { FrameCodec, type ReadFrame } from './frames';
import { RawWebSocket } from './raw-websocket';

/** What a client does with what arrives; `at` is `performance.now()` when the frame was read. */
export interface SocketHandlers {
  /** The state vector for the client's sync step 1. */
  stateVector(): Uint8Array;
  /** The update answering the server's sync step 1 (the server's state vector given). */
  answerStep1(stateVector: Uint8Array): Uint8Array;
  onSyncStep2?(update: Uint8Array, at: number): void;
  onUpdate?(update: Uint8Array, at: number): void;
  onAwareness?(payload: Uint8Array, at: number): void;
}

/** An empty Y.Doc's state vector and an empty update: what a client holding nothing sends. */
export const EMPTY_STATE_VECTOR = new Uint8Array([0]);
export const EMPTY_UPDATE = new Uint8Array([0, 0]);

/**
 * One WebSocket to one document, speaking the server's dialect, as the stock clients do on open:
 * (Hocuspocus: the auth message, then) sync step 1, and a sync step 2 answering the server's step 1.
 * Synced when the server's step 2 arrives; on the relay, which answers nothing, when the socket opens.
 */
export class ProtocolSocket {
  readonly codec: FrameCodec;
  private socket: RawWebSocket | undefined;
  private closedCallbacks: (() => void)[] = [];
  private isClosed = false;
  private readonly frame: ReadFrame = { kind: 'other', payload: new Uint8Array(0) };
  private closing = false;
  /** Set when the server closed the socket after it was synced, or it failed. */
  lostReason: string | undefined;
  synced = false;

  constructor(
    private readonly target: ServerTarget,
    readonly documentId: string,
    private readonly handlers: SocketHandlers,
  ) {
    this.codec = new FrameCodec(target.dialect, documentId);
  }

  /** Opens and syncs; resolves with `performance.now()` at the moment the client was synced. */
  connect(timeoutMs = 60_000): Promise<number> {
    const base = this.target.documentInUrl ? `${this.target.urlPrefix}${this.documentId}` : this.target.urlPrefix;
    const url = this.target.account ? `${base}?token=${encodeURIComponent(this.target.account.token)}` : base;
    return new Promise((resolve, reject) => {
      const socket = new RawWebSocket(url);
      this.socket = socket;
      const timer = setTimeout(() => {
        fail(`not synced within ${timeoutMs} ms`);
        socket.terminate();
      }, timeoutMs);
      let settled = false;
      const fail = (reason: string) => {
        if (settled) {
          if (!this.closing) this.lostReason ??= reason;
          return;
        }
        settled = true;
        clearTimeout(timer);
        this.lostReason = reason;
        reject(new Error(reason));
      };
      const synced = (at: number) => {
        if (settled) return;
        settled = true;
        this.synced = true;
        clearTimeout(timer);
        resolve(at);
      };
      socket.onOpen = () => {
        // The relay answers nothing: its clients send only what the workload sends.
        if (!this.target.syncs) {
          synced(performance.now());
          return;
        }
        for (const frame of this.codec.opening()) socket.send(frame);
        socket.send(this.codec.syncStep1(this.handlers.stateVector()));
      };
      socket.onMessage = (data) => {
        const at = performance.now();
        const frame = this.codec.read(data, this.frame);
        switch (frame.kind) {
          case 'update':
            this.handlers.onUpdate?.(frame.payload, at);
            break;
          case 'awareness':
            this.handlers.onAwareness?.(frame.payload, at);
            break;
          case 'sync-step-1':
            if (this.target.syncs) socket.send(this.codec.syncStep2(this.handlers.answerStep1(frame.payload)));
            break;
          case 'sync-step-2':
            this.handlers.onSyncStep2?.(frame.payload, at);
            if (this.target.syncs) synced(at);
            break;
          case 'denied':
            fail('permission denied');
            socket.close();
            break;
          default:
            break;
        }
      };
      socket.onError = (error) => fail(`socket error: ${error.message}`);
      socket.onClose = (code) => {
        this.isClosed = true;
        fail(`closed by the server with ${code}`);
        for (const callback of this.closedCallbacks.splice(0)) callback();
      };
    });
  }

  send(frame: Uint8Array): void {
    this.socket?.send(frame);
  }

  /** Bytes queued in this process, not yet handed to the kernel: for flow control. */
  get bufferedAmount(): number {
    return this.socket?.bufferedAmount ?? 0;
  }

  /** Closes, and resolves once the server has answered the close (or after `timeoutMs`). */
  close(timeoutMs = 5_000): Promise<void> {
    this.closing = true;
    const socket = this.socket;
    if (socket === undefined || this.isClosed) return Promise.resolve();
    return new Promise((resolve) => {
      this.closedCallbacks.push(resolve);
      socket.close(1000, timeoutMs);
    });
  }
}
