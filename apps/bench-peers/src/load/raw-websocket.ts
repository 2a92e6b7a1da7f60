import { randomBytes } from 'node:crypto';
import { connect, type Socket } from 'node:net';

/**
 * A minimal WebSocket client (RFC 6455) for the load generator, on a plain TCP socket.
 *
 * Why not `ws`: measured in this generator, `ws`'s client spends about 0.9 ms of CPU on each
 * connection (its HTTP client, streams and events) and a few microseconds on each message; at
 * 1,000 connections a second, or 40,000 deliveries a second, that alone took the generator past
 * 70% of its core, so it, not the server, set the pace. This client does only what the
 * benchmark needs: one upgrade request, binary frames in and out, ping → pong, the close
 * handshake. It sends frames with an all-zero mask (allowed by the grammar; a server unmasks
 * them all the same, so its cost does not change) and does not check `Sec-WebSocket-Accept`
 * (the servers are ours to trust here).
 */
export class RawWebSocket {
  /** Called once the server has answered 101 Switching Protocols. */
  onOpen: () => void = () => undefined;
  /** Each binary (or text) message, a view into the received bytes. */
  onMessage: (data: Buffer) => void = () => undefined;
  /** Once, with the close code (1006 when the connection ended without a close frame). */
  onClose: (code: number) => void = () => undefined;
  onError: (error: Error) => void = () => undefined;

  private readonly socket: Socket;
  private upgraded = false;
  private pending: Buffer | undefined;
  /** The parts of a fragmented message received so far. */
  private fragments: Buffer[] = [];
  private closeSent = false;
  private closed = false;

  constructor(url: string) {
    const { hostname, port, pathname, search } = new URL(url);
    const host = hostname.replace(/^\[|\]$/g, '');
    this.socket = connect({ host, port: Number(port) || 80, noDelay: true });
    this.socket.on('connect', () => {
      this.socket.write(
        `GET ${pathname}${search} HTTP/1.1\r\nHost: ${hostname}:${port}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n` +
          `Sec-WebSocket-Key: ${randomBytes(16).toString('base64')}\r\nSec-WebSocket-Version: 13\r\n\r\n`,
      );
    });
    this.socket.on('data', (chunk: Buffer) => this.receive(chunk));
    this.socket.on('error', (error) => this.onError(error));
    this.socket.on('close', () => this.finish(1006));
  }

  /** Bytes written but not yet handed to the kernel. */
  get bufferedAmount(): number {
    return this.socket.writableLength;
  }

  get isOpen(): boolean {
    return this.upgraded && !this.closed && !this.closeSent;
  }

  /** Sends one binary message. */
  send(data: Uint8Array): void {
    if (!this.isOpen) return;
    this.socket.write(frame(0x2, data));
  }

  /** Starts the close handshake; the socket ends once the server answers (or after `timeoutMs`). */
  close(code = 1000, timeoutMs = 5_000): void {
    if (this.closed) return;
    if (!this.upgraded || this.closeSent) {
      this.terminate();
      return;
    }
    this.closeSent = true;
    const payload = Buffer.alloc(2);
    payload.writeUInt16BE(code);
    this.socket.write(frame(0x8, payload));
    setTimeout(() => this.terminate(), timeoutMs).unref();
  }

  /** Ends the TCP connection at once. */
  terminate(): void {
    this.socket.destroy();
  }

  private receive(chunk: Buffer): void {
    let buffer = this.pending === undefined ? chunk : Buffer.concat([this.pending, chunk]);
    this.pending = undefined;
    if (!this.upgraded) {
      const end = buffer.indexOf('\r\n\r\n');
      if (end === -1) {
        this.pending = buffer;
        return;
      }
      const status = /^HTTP\/1\.1 (\d{3})/.exec(buffer.toString('latin1', 0, Math.min(end, 64)))?.[1];
      if (status !== '101') {
        this.onError(new Error(`the upgrade was refused with HTTP ${status ?? '(no status)'}`));
        this.terminate();
        return;
      }
      this.upgraded = true;
      buffer = buffer.subarray(end + 4);
      this.onOpen();
    }
    this.pending = this.readFrames(buffer);
  }

  /** Handles every whole frame in `buffer`; returns what is left of an incomplete one. */
  private readFrames(buffer: Buffer): Buffer | undefined {
    let offset = 0;
    while (buffer.length - offset >= 2) {
      const first = buffer[offset];
      const second = buffer[offset + 1];
      let length = second & 0x7f;
      let header = 2;
      if (length === 126) {
        if (buffer.length - offset < 4) break;
        length = buffer.readUInt16BE(offset + 2);
        header = 4;
      } else if (length === 127) {
        if (buffer.length - offset < 10) break;
        length = buffer.readUInt32BE(offset + 2) * 2 ** 32 + buffer.readUInt32BE(offset + 6);
        header = 10;
      }
      if (second & 0x80) header += 4; // a masked frame from a server breaks the protocol; read past it
      if (buffer.length - offset < header + length) break;
      const payload = buffer.subarray(offset + header, offset + header + length);
      offset += header + length;
      this.handleFrame(first & 0x80, first & 0x0f, payload);
      if (this.closed) return undefined;
    }
    return offset === buffer.length ? undefined : buffer.subarray(offset);
  }

  private handleFrame(fin: number, opcode: number, payload: Buffer): void {
    switch (opcode) {
      case 0x0: // continuation
      case 0x1: // text
      case 0x2: // binary
        if (!fin) {
          this.fragments.push(payload);
          return;
        }
        if (this.fragments.length > 0) {
          this.fragments.push(payload);
          payload = Buffer.concat(this.fragments);
          this.fragments = [];
        }
        this.onMessage(payload);
        return;
      case 0x8: {
        const code = payload.length >= 2 ? payload.readUInt16BE(0) : 1005;
        if (!this.closeSent) {
          this.closeSent = true;
          this.socket.write(frame(0x8, payload.subarray(0, 2)));
        }
        this.finish(code);
        this.socket.end();
        return;
      }
      case 0x9:
        if (!this.closeSent) this.socket.write(frame(0xa, payload));
        return;
      default:
        return; // pong, or an opcode no server sends
    }
  }

  private finish(code: number): void {
    if (this.closed) return;
    this.closed = true;
    this.onClose(code);
  }
}

/** A client frame: FIN set, the given opcode, masked with the all-zero key. */
function frame(opcode: number, payload: Uint8Array): Buffer {
  const length = payload.length;
  const header = length < 126 ? 2 : length < 65_536 ? 4 : 10;
  const out = Buffer.allocUnsafe(header + 4 + length);
  out[0] = 0x80 | opcode;
  if (header === 2) {
    out[1] = 0x80 | length;
  } else if (header === 4) {
    out[1] = 0x80 | 126;
    out.writeUInt16BE(length, 2);
  } else {
    out[1] = 0x80 | 127;
    out.writeUInt32BE(Math.floor(length / 2 ** 32), 2);
    out.writeUInt32BE(length % 2 ** 32, 6);
  }
  out.writeUInt32BE(0, header); // the mask key: XOR with zero leaves the payload as it is
  out.set(payload, header + 4);
  return out;
}
