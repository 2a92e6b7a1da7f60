import { ReadyState, type WebSocketLike } from '../websocket-like';

type Listeners = {
  message: ((data: Uint8Array, isBinary: boolean) => void)[];
  close: ((code: number) => void)[];
  error: ((error: Error) => void)[];
};

/**
 * A `WebSocketLike` for tests: records what the server sends and how it closes the socket, and
 * lets the test deliver frames, a remote close or an error as the transport would.
 */
export class FakeSocket implements WebSocketLike {
  readyState: number = ReadyState.Open;
  bufferedAmount = 0;
  /** Every frame the server sent, as sent (the same object), oldest first. */
  readonly sent: Uint8Array[] = [];
  /** The code the server closed with, if it did. */
  closeCode: number | undefined;
  /** The reason the server closed with, if it did. */
  closeReason: string | undefined;
  /** Called with each frame the server sends, after it is recorded; a test client reads from here. */
  onSend: ((frame: Uint8Array) => void) | undefined;
  private readonly listeners: Listeners = { message: [], close: [], error: [] };

  on(event: 'message', listener: (data: Uint8Array, isBinary: boolean) => void): this;
  on(event: 'close', listener: (code: number) => void): this;
  on(event: 'error', listener: (error: Error) => void): this;
  on(event: keyof Listeners, listener: (...args: never[]) => void): this {
    (this.listeners[event] as unknown[]).push(listener);
    return this;
  }

  send(data: Uint8Array): void {
    // `ws` refuses to send on a socket that is not open; so does the fake, to catch careless callers.
    if (this.readyState !== ReadyState.Open) throw new Error(`send() on a socket in state ${this.readyState}`);
    this.sent.push(data);
    this.onSend?.(data);
  }

  close(code?: number, reason?: string): void {
    if (this.readyState === ReadyState.Closing || this.readyState === ReadyState.Closed) return;
    this.closeCode = code;
    this.closeReason = reason;
    this.readyState = ReadyState.Closing;
    // Like `ws`, the 'close' event comes later, once the closing handshake is over.
    queueMicrotask(() => this.finishClose(code ?? 1005));
  }

  /** Delivers a frame from the client, as the transport's 'message' event would. */
  deliver(data: Uint8Array, isBinary = true): void {
    for (const listener of [...this.listeners.message]) listener(data, isBinary);
  }

  /** The client went away: the socket closes without the server asking. */
  remoteClose(code = 1000): void {
    if (this.readyState === ReadyState.Closed) return;
    this.finishClose(code);
  }

  /** The transport reports an error on the socket. */
  fail(error: Error): void {
    for (const listener of [...this.listeners.error]) listener(error);
  }

  /** True once the server closed the socket or it closed remotely. */
  get isClosed(): boolean {
    return this.readyState === ReadyState.Closing || this.readyState === ReadyState.Closed;
  }

  private finishClose(code: number): void {
    if (this.readyState === ReadyState.Closed) return;
    this.readyState = ReadyState.Closed;
    for (const listener of [...this.listeners.close]) listener(code);
  }
}
