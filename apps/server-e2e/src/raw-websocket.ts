import { randomBytes } from 'node:crypto';
import { connect, type Socket } from 'node:net';

/** WebSocket opcodes (RFC 6455 §5.2). */
export const Opcode = { continuation: 0x0, text: 0x1, binary: 0x2, close: 0x8, ping: 0x9, pong: 0xa } as const;

/** A TCP socket that sent an HTTP request by hand, with what the server answered. */
export interface RawConnection {
  readonly socket: Socket;
  /** The status line's code, or 0 when the server closed without answering. */
  readonly status: number;
  /** The response head (status line and headers). */
  readonly head: string;
  /** Bytes after the head: the first WebSocket frames, once upgraded. */
  readonly rest: Buffer;
}

/**
 * Sends a WebSocket upgrade request for `path` with `headers` (raw `Name: value` lines) and
 * resolves with the response head, leaving the socket open and paused.
 */
export function rawUpgrade(
  port: number,
  path: string,
  options: { headers?: readonly string[]; host?: string; key?: string } = {},
): Promise<RawConnection> {
  const host = options.host ?? '127.0.0.1';
  const extraHeaders = options.headers ?? [];
  const key = options.key ?? randomBytes(16).toString('base64');
  return new Promise((resolve, reject) => {
    const socket = connect(port, host);
    socket.setNoDelay(true);
    let received = Buffer.alloc(0);
    let settled = false;
    const done = (status: number, head: string, rest: Buffer) => {
      if (settled) return;
      settled = true;
      socket.off('data', onData);
      socket.off('close', onClose);
      // Paused until the caller listens, so that no frame after the head is lost.
      socket.pause();
      resolve({ socket, status, head, rest });
    };
    const onData = (chunk: Buffer) => {
      received = Buffer.concat([received, chunk]);
      const end = received.indexOf('\r\n\r\n');
      if (end < 0) return;
      const head = received.subarray(0, end).toString('latin1');
      done(Number(/^HTTP\/1\.1 (\d{3})/.exec(head)?.[1] ?? 0), head, received.subarray(end + 4));
    };
    const onClose = () => done(0, received.toString('latin1'), Buffer.alloc(0));
    socket.on('data', onData);
    socket.on('close', onClose);
    socket.on('error', (error) => {
      // A reset once the server answered (or closed) is it closing; before any answer, a failure.
      if (received.length === 0 && !settled) reject(error);
    });
    socket.once('connect', () => {
      const lines = [
        `GET ${path} HTTP/1.1`,
        `Host: ${host}:${port}`,
        'Upgrade: websocket',
        'Connection: Upgrade',
        `Sec-WebSocket-Key: ${key}`,
        'Sec-WebSocket-Version: 13',
        ...extraHeaders,
      ];
      socket.write(`${lines.join('\r\n')}\r\n\r\n`);
    });
  });
}

/** One WebSocket frame as a client writes it; every field can be made wrong on purpose. */
export function encodeFrame(options: {
  opcode: number;
  payload?: Uint8Array;
  fin?: boolean;
  /** RSV1–3 as bits 0b100, 0b010, 0b001. */
  rsv?: number;
  /** Clients must mask; false writes the payload in the clear. */
  mask?: boolean;
  /** The masking key; random unless given (a fixed one saves the fuzzer a call into crypto per frame). */
  maskKey?: Uint8Array;
}): Buffer {
  const payload = Buffer.from(options.payload ?? new Uint8Array(0));
  const masked = options.mask ?? true;
  const lengthBytes = payload.length < 126 ? 0 : payload.length < 65536 ? 2 : 8;
  const frame = Buffer.alloc(2 + lengthBytes + (masked ? 4 : 0) + payload.length);
  frame[0] = ((options.fin ?? true) ? 0x80 : 0) | ((options.rsv ?? 0) << 4) | options.opcode;
  frame[1] = (masked ? 0x80 : 0) | (lengthBytes === 0 ? payload.length : lengthBytes === 2 ? 126 : 127);
  if (lengthBytes === 2) frame.writeUInt16BE(payload.length, 2);
  if (lengthBytes === 8) frame.writeBigUInt64BE(BigInt(payload.length), 2);
  let offset = 2 + lengthBytes;
  if (masked) {
    const key = options.maskKey ?? randomBytes(4);
    frame.set(key.subarray(0, 4), offset);
    offset += 4;
    for (let i = 0; i < payload.length; i++) frame[offset + i] = payload[i] ^ key[i % 4];
  } else {
    payload.copy(frame, offset);
  }
  return frame;
}

/** A frame the server sent (servers never mask). */
export interface ServerFrame {
  readonly opcode: number;
  readonly payload: Buffer;
}

/**
 * Calls `onFrame` for each frame the server sends on `connection` from now on (resuming it),
 * starting with the bytes that came with the upgrade response; `closed` resolves when the TCP
 * connection ends.
 */
export function readFrames(connection: RawConnection, onFrame: (frame: ServerFrame) => void): { closed: Promise<void> } {
  // Chunks are joined only once a whole frame is there: a large frame costs one copy, not one per chunk.
  let chunks: Buffer[] = connection.rest.length > 0 ? [connection.rest] : [];
  let available = connection.rest.length;
  let needed = 2;
  const parse = () => {
    if (available < needed) return;
    let buffered = chunks.length === 1 ? chunks[0] : Buffer.concat(chunks);
    for (;;) {
      needed = 2;
      if (buffered.length < 2) break;
      let length = buffered[1] & 0x7f;
      let offset = 2;
      if (length === 126) {
        needed = 4;
        if (buffered.length < 4) break;
        length = buffered.readUInt16BE(2);
        offset = 4;
      } else if (length === 127) {
        needed = 10;
        if (buffered.length < 10) break;
        length = Number(buffered.readBigUInt64BE(2));
        offset = 10;
      }
      needed = offset + length;
      if (buffered.length < needed) break;
      const frame = { opcode: buffered[0] & 0x0f, payload: buffered.subarray(offset, offset + length) };
      buffered = buffered.subarray(offset + length);
      onFrame(frame);
    }
    chunks = buffered.length > 0 ? [buffered] : [];
    available = buffered.length;
  };
  const closed = new Promise<void>((resolve) => {
    if (connection.socket.destroyed) resolve();
    connection.socket.once('close', () => resolve());
  });
  // Writing into a socket the server already closed fails with EPIPE or ECONNRESET: expected here.
  connection.socket.on('error', () => undefined);
  connection.socket.on('data', (chunk: Buffer) => {
    chunks.push(chunk);
    available += chunk.length;
    parse();
  });
  parse();
  connection.socket.resume();
  return { closed };
}

/** Collects the server's frames on `connection` from now on; see {@link readFrames}. */
export function serverFrames(connection: RawConnection): { frames: ServerFrame[]; closed: Promise<void> } {
  const frames: ServerFrame[] = [];
  const { closed } = readFrames(connection, (frame) => frames.push(frame));
  return { frames, closed };
}

/** The status code of the first close frame among `frames`, if any. */
export function closeCodeOf(frames: readonly ServerFrame[]): number | undefined {
  const close = frames.find((frame) => frame.opcode === Opcode.close);
  return close && close.payload.length >= 2 ? close.payload.readUInt16BE(0) : undefined;
}
