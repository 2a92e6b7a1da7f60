import { decodeMessage, type ProtocolMessage } from '@quire/protocol';
import { WebSocket } from 'ws';
import { closeCodeOf, Opcode, rawUpgrade, readFrames, type ServerFrame } from './raw-websocket';
import type { StockClient } from './stock-client';

/** What the server did with one upgrade request, byte for byte. */
export interface RawOutcome {
  /** 101 when the handshake completed; otherwise the refusal's HTTP status. */
  readonly status: number;
  /** The close code of the server's close frame, if it sent one within the wait. */
  readonly closeCode: number | undefined;
  /** Frames other than control frames (close, ping, pong): any document or awareness byte. */
  readonly dataFrames: readonly ServerFrame[];
  /** The response head, or for a refusal the head and body. */
  readonly response: string;
}

/**
 * Sends an upgrade request for `path` by hand and records everything the server sends until its
 * close frame (or `waitMs`): whether a refused connection received any document byte is then a
 * fact about bytes, not about what a client library chose to surface.
 */
export async function rawOutcome(port: number, path: string, headers: readonly string[] = [], waitMs = 5_000): Promise<RawOutcome> {
  const connection = await rawUpgrade(port, path, { headers });
  if (connection.status !== 101) {
    const rest = await new Promise<string>((resolve) => {
      let body = connection.rest.toString('utf8');
      connection.socket.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
      connection.socket.once('close', () => resolve(body));
      connection.socket.on('error', () => undefined);
      connection.socket.resume();
      setTimeout(() => resolve(body), waitMs).unref();
    });
    connection.socket.destroy();
    return { status: connection.status, closeCode: undefined, dataFrames: [], response: `${connection.head}\r\n\r\n${rest}` };
  }
  const frames: ServerFrame[] = [];
  await new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, waitMs);
    const { closed } = readFrames(connection, (frame) => {
      frames.push(frame);
      if (frame.opcode === Opcode.close) {
        clearTimeout(timer);
        resolve();
      }
    });
    void closed.then(() => {
      clearTimeout(timer);
      resolve();
    });
  });
  connection.socket.destroy();
  const control = new Set<number>([Opcode.close, Opcode.ping, Opcode.pong]);
  return {
    status: 101,
    closeCode: closeCodeOf(frames),
    dataFrames: frames.filter((frame) => !control.has(frame.opcode)),
    response: connection.head,
  };
}

/** How a stock client's connection ended for good (a 44xx close: the stock client stops reconnecting). */
export interface TerminalClose {
  readonly code: number;
  readonly reason: string;
  /** Milliseconds from the call to the close. */
  readonly afterMs: number;
}

/** Resolves when the server closes `client` with a code the stock client does not retry (4400–4499). */
export function terminalClose(client: StockClient, timeoutMs = 10_000): Promise<TerminalClose> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no terminal close within ${timeoutMs} ms`)), timeoutMs);
    client.provider.once('closed', (event: { code: number; reason: string }) => {
      clearTimeout(timer);
      resolve({ code: event.code, reason: event.reason, afterMs: performance.now() - started });
    });
  });
}

/**
 * A plain `ws` socket that decodes what the server sends as y-websocket messages, for sending
 * what the stock client would not (a viewer's update, a forged awareness state).
 */
export class ProtocolSocket {
  readonly messages: ProtocolMessage[] = [];
  readonly closed: Promise<{ code: number; reason: string }>;

  private constructor(private readonly socket: WebSocket) {
    socket.binaryType = 'nodebuffer';
    socket.on('message', (data: Buffer) => this.messages.push(decodeMessage(new Uint8Array(data))));
    this.closed = new Promise((resolve) => socket.once('close', (code, reason) => resolve({ code, reason: reason.toString() })));
  }

  /** Opens `url` and resolves once the server sent its first message (the document is attached). */
  static open(url: string): Promise<ProtocolSocket> {
    return new Promise((resolve, reject) => {
      const socket = new WebSocket(url);
      const wrapped = new ProtocolSocket(socket);
      socket.once('message', () => resolve(wrapped));
      socket.once('error', reject);
      socket.once('close', (code) => reject(new Error(`closed with ${code} before the first message`)));
    });
  }

  get isOpen(): boolean {
    return this.socket.readyState === WebSocket.OPEN;
  }

  send(frame: Uint8Array): void {
    this.socket.send(frame);
  }

  /** The messages of one type received so far. */
  received<T extends ProtocolMessage['type']>(type: T): Array<Extract<ProtocolMessage, { type: T }>> {
    return this.messages.filter((message): message is Extract<ProtocolMessage, { type: T }> => message.type === type);
  }

  close(): void {
    this.socket.close();
  }
}
