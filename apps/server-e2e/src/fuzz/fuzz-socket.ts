import { encodeFrame, Opcode, rawUpgrade, readFrames, type RawConnection, type ServerFrame } from '../raw-websocket';

/** What became of a frame: the server kept the connection (it answered the ping after it), closed it, or said nothing. */
export type Outcome = { kind: 'kept' } | { kind: 'closed'; code: number } | { kind: 'timeout' };

/** Why a socket could not be opened. */
export type OpenFailure = { refused: number } | { closed: number } | { error: string };

// Any keys will do for the server; fixed ones spare a call into crypto per frame and connection.
const MASK_KEY = Uint8Array.from([0x5a, 0x17, 0xc3, 0x9e]);
const HANDSHAKE_KEY = 'cXVpcmUtZnV6ei1rZXkhIQ==';
const ABNORMAL_CLOSURE = 1006;

/**
 * A bare WebSocket client over `net`, much lighter than `ws` on the fuzzer's side, so that the
 * run measures the server: it writes each frame followed by a ping, and reads only what tells
 * the frame's fate. It does not answer the server's close frame; it just drops the socket.
 */
export class FuzzSocket {
  private readonly queue: Array<ServerFrame | undefined> = [];
  private wake: (() => void) | undefined;
  private ended = false;
  private attached = false;
  private sequence = 0;

  private constructor(private readonly connection: RawConnection) {
    const { closed } = readFrames(connection, (frame) => this.push(frame));
    void closed.then(() => {
      this.ended = true;
      this.push(undefined);
    });
  }

  /** Upgrades to `path` and resolves once the server sent its first frame (the document is attached). */
  static async open(host: string, port: number, path: string, timeoutMs: number): Promise<{ socket: FuzzSocket } | OpenFailure> {
    let connection: RawConnection;
    try {
      connection = await rawUpgrade(port, path, { host, key: HANDSHAKE_KEY });
    } catch (error) {
      return { error: error instanceof Error ? error.message : String(error) };
    }
    if (connection.status !== 101) {
      connection.socket.destroy();
      return connection.status === 0 ? { closed: ABNORMAL_CLOSURE } : { refused: connection.status };
    }
    const socket = new FuzzSocket(connection);
    const first = await socket.next(performance.now() + timeoutMs);
    if (first === 'timeout') {
      socket.destroy();
      return { error: `no first frame within ${timeoutMs} ms` };
    }
    if (first === undefined || first.opcode === Opcode.close) {
      socket.destroy();
      return { closed: first ? closeCode(first) : ABNORMAL_CLOSURE };
    }
    socket.attached = true;
    socket.queue.length = 0;
    return { socket };
  }

  get isOpen(): boolean {
    return !this.ended && !this.connection.socket.destroyed;
  }

  /** Sends `data` (a text frame if it is a string) and a ping, and resolves with what the server did. */
  async send(data: Uint8Array | string, timeoutMs: number): Promise<Outcome> {
    const ping = Buffer.alloc(4);
    ping.writeUInt32BE(++this.sequence);
    const payload = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
    this.connection.socket.write(
      Buffer.concat([
        encodeFrame({ opcode: typeof data === 'string' ? Opcode.text : Opcode.binary, payload, maskKey: MASK_KEY }),
        encodeFrame({ opcode: Opcode.ping, payload: ping, maskKey: MASK_KEY }),
      ]),
    );
    const deadline = performance.now() + timeoutMs;
    for (;;) {
      const frame = await this.next(deadline);
      if (frame === 'timeout') return { kind: 'timeout' };
      if (frame === undefined) return { kind: 'closed', code: ABNORMAL_CLOSURE };
      if (frame.opcode === Opcode.close) {
        this.destroy();
        return { kind: 'closed', code: closeCode(frame) };
      }
      if (frame.opcode === Opcode.pong && frame.payload.equals(ping)) return { kind: 'kept' };
    }
  }

  destroy(): void {
    this.connection.socket.destroy();
  }

  private push(frame: ServerFrame | undefined): void {
    if (frame?.opcode === Opcode.ping) {
      // Answered, so that the server's liveness check does not end a long-kept connection.
      this.connection.socket.write(encodeFrame({ opcode: Opcode.pong, payload: frame.payload, maskKey: MASK_KEY }));
      return;
    }
    // Once attached, only what decides a frame's fate is kept: not the documents and awareness the server sends.
    if (frame && this.attached && frame.opcode !== Opcode.close && frame.opcode !== Opcode.pong) return;
    this.queue.push(frame);
    this.wake?.();
  }

  private async next(deadline: number): Promise<ServerFrame | undefined | 'timeout'> {
    while (this.queue.length === 0) {
      if (this.ended) return undefined;
      const waitMs = deadline - performance.now();
      if (waitMs <= 0) return 'timeout';
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, waitMs);
        this.wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      this.wake = undefined;
    }
    return this.queue.shift();
  }
}

function closeCode(frame: ServerFrame): number {
  return frame.payload.length >= 2 ? frame.payload.readUInt16BE(0) : 1005;
}
