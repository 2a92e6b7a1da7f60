import type { PreparedFrame, WebSocketLike } from '@quire/collab-core';
import type { RawData, WebSocket } from 'ws';
import { prepareWsFrames, writeWsFrame } from './ws-frames';

function toBytes(data: RawData): Uint8Array {
  if (Array.isArray(data)) return Buffer.concat(data);
  if (data instanceof ArrayBuffer) return new Uint8Array(data);
  return data;
}

/**
 * Adapts a `ws` socket to the core's {@link WebSocketLike}; frames pass through untouched. Fan-out
 * frames are framed once and written raw to each socket (see ws-frames.ts); `send` where that
 * is not safe.
 */
export class WsConnection implements WebSocketLike {
  constructor(private readonly socket: WebSocket) {}

  get readyState(): number {
    return this.socket.readyState;
  }

  get bufferedAmount(): number {
    return this.socket.bufferedAmount;
  }

  send(data: Uint8Array): void {
    this.socket.send(data, { binary: true });
  }

  prepareFrames(messages: readonly Uint8Array[]): PreparedFrame {
    return prepareWsFrames(messages);
  }

  sendPrepared(frame: PreparedFrame): boolean {
    return writeWsFrame(this.socket, frame);
  }

  // ws has no cork of its own; corking its TCP socket makes the frames sent meanwhile one write
  // (ws corks per frame inside, and Node counts nested corks).
  cork(): void {
    (this.socket as unknown as { _socket?: { cork(): void } })._socket?.cork();
  }

  uncork(): void {
    (this.socket as unknown as { _socket?: { uncork(): void } })._socket?.uncork();
  }

  close(code?: number, reason?: string): void {
    this.socket.close(code, reason);
  }

  on(event: 'message', listener: (data: Uint8Array, isBinary: boolean) => void): this;
  on(event: 'close', listener: (code: number) => void): this;
  on(event: 'error', listener: (error: Error) => void): this;
  on(event: 'message' | 'close' | 'error', listener: (...args: never[]) => void): this {
    if (event === 'message') {
      const onMessage = listener as (data: Uint8Array, isBinary: boolean) => void;
      this.socket.on('message', (data: RawData, isBinary: boolean) => onMessage(toBytes(data), isBinary));
    } else if (event === 'close') {
      const onClose = listener as (code: number) => void;
      this.socket.on('close', (code: number) => onClose(code));
    } else {
      this.socket.on('error', listener as (error: Error) => void);
    }
    return this;
  }
}
