import { createRequire } from 'node:module';
import type { PreparedFrame } from '@quire/collab-core';
import type { WebSocket } from 'ws';

/**
 * Frame once, write to many: binary messages framed by `ws`'s own `Sender.frame` (unmasked, as a
 * server sends, no compression: the collaboration server sets `perMessageDeflate: false`), kept
 * as one buffer that every recipient's TCP socket is handed as it is, in one write. `ws` would
 * frame each again for each recipient: a header, an options object and two writes per frame.
 *
 * Writing beside `ws` reads its internals (`_sender`, `_socket`), so it is done only for the
 * `ws` major version they were read from, and only while the socket is open and its sender has
 * nothing queued (what `ws` would write next is then ours to write, in order); otherwise the
 * caller falls back to `send`.
 */
export interface WsPreparedFrame extends PreparedFrame {
  /** The whole frames, headers and payloads, as they go on the wire. */
  readonly wire: Buffer;
}

/** What is read of `ws`'s sender (lib/sender.js of ws 8). */
interface WsSenderClass {
  frame(data: Buffer, options: { fin: boolean; mask: boolean; opcode: number; readOnly: boolean; rsv1: boolean }): Buffer[];
}

interface WsSenderInternals {
  /** 0 (DEFAULT) unless it is compressing or reading a blob, when what is sent waits in `_queue`. */
  readonly _state: number;
  readonly _queue: readonly unknown[];
  /** False in the middle of a fragmented message. */
  readonly _firstFragment: boolean;
}

interface WsInternals {
  readonly _sender: WsSenderInternals | null;
  readonly _socket: { readonly destroyed: boolean; readonly writable: boolean; write(data: Buffer): boolean } | null;
}

const BINARY_OPCODE = 2;
const SENDER_IDLE = 0;
/** The `ws` major version whose internals this file reads. */
const KNOWN_WS_MAJOR = 8;

const requireHere = createRequire(__filename);

function loadSender(): WsSenderClass | undefined {
  const { version } = requireHere('ws/package.json') as { version: string };
  if (Number(version.split('.')[0]) !== KNOWN_WS_MAJOR) return undefined;
  const sender = (requireHere('ws') as { Sender?: Partial<WsSenderClass> }).Sender;
  return typeof sender?.frame === 'function' ? (sender as WsSenderClass) : undefined;
}

/** `ws`'s Sender, if it is the version whose internals are known; undefined turns frame-once off. */
export const WS_SENDER: WsSenderClass | undefined = loadSender();

/**
 * Frames each message as one unmasked, final, binary frame, all of them in one buffer (with an
 * unknown `ws`, leaves them to `send`).
 */
export function prepareWsFrames(messages: readonly Uint8Array[]): PreparedFrame {
  const sender = WS_SENDER;
  if (!sender) return { messages };
  const parts: Buffer[] = [];
  for (const message of messages) {
    const payload = Buffer.isBuffer(message) ? message : Buffer.from(message.buffer, message.byteOffset, message.byteLength);
    parts.push(...sender.frame(payload, { fin: true, mask: false, opcode: BINARY_OPCODE, readOnly: false, rsv1: false }));
  }
  const frame: WsPreparedFrame = { messages, wire: Buffer.concat(parts) };
  return frame;
}

/**
 * Writes a prepared frame to `socket`'s TCP socket in one write, if that is what `ws` itself
 * would do now (open, nothing queued in its sender); false, having written nothing, otherwise.
 */
export function writeWsFrame(socket: WebSocket, frame: PreparedFrame): boolean {
  if (!isWsPrepared(frame) || socket.readyState !== socket.OPEN) return false;
  const { _sender: sender, _socket: tcp } = socket as unknown as WsInternals;
  if (!sender || !tcp || tcp.destroyed || !tcp.writable) return false;
  if (sender._state !== SENDER_IDLE || sender._queue.length > 0 || !sender._firstFragment) return false;
  tcp.write(frame.wire);
  return true;
}

function isWsPrepared(frame: PreparedFrame): frame is WsPreparedFrame {
  return Buffer.isBuffer((frame as Partial<WsPreparedFrame>).wire);
}
