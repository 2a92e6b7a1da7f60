import { CloseCode } from '@quire/constants';
import { describe, expect, it } from 'vitest';
import { Connection } from './connection';
import { createHubContext } from './hub-context';
import { DEFAULT_HUB_LIMITS } from './limits';
import { PreparedFrames } from './prepared-frames';
import { ControlledStore } from './testing/controlled-store';
import { FakeSocket } from './testing/fake-socket';
import type { PreparedFrame } from './websocket-like';

interface TaggedFrame extends PreparedFrame {
  readonly tag: string;
}

/** A socket whose transport frames once: records what was prepared and what was written prepared. */
class PreparingSocket extends FakeSocket {
  static prepared: (readonly Uint8Array[])[] = [];
  /** Each sendPrepared call's frame: one write. */
  readonly writes: PreparedFrame[] = [];
  /** While true, sendPrepared refuses (as `ws` with something queued), so `send` is used. */
  refuse = false;

  prepareFrames(messages: readonly Uint8Array[]): PreparedFrame {
    PreparingSocket.prepared.push(messages);
    const frame: TaggedFrame = { messages, tag: `framed ${messages.map((message) => message[0]).join('+')}` };
    return frame;
  }

  sendPrepared(frame: PreparedFrame): boolean {
    if (this.refuse) return false;
    this.writes.push(frame);
    return true;
  }
}

function connectionOn(socket: FakeSocket): Connection {
  return new Connection(socket, { documentId: 'd', connectionId: `c${Math.random()}` }, createHubContext(new ControlledStore()), () => undefined);
}

describe('PreparedFrames', () => {
  it('frames what a recipient gets once for every recipient that gets the same, and writes it in one write, in order', () => {
    PreparingSocket.prepared = [];
    const sockets = [new PreparingSocket(), new PreparingSocket(), new PreparingSocket(), new PreparingSocket()];
    const connections = sockets.map(connectionOn);
    const update = new Uint8Array([1, 2, 3]);
    const othersUpdate = new Uint8Array([7]);
    const awareness = new Uint8Array([4, 5]);
    const shared = new PreparedFrames();
    connections[0].sendAll(update, awareness, shared);
    connections[1].sendAll(update, awareness, shared);
    connections[2].sendAll(othersUpdate, awareness, shared); // a writer: only the others' updates
    connections[3].sendAll(undefined, awareness, shared); // the only writer: no update
    expect(PreparingSocket.prepared).toEqual([[update, awareness], [othersUpdate, awareness], [awareness]]);
    expect(sockets.map((socket) => socket.writes.map((frame) => (frame as TaggedFrame).tag))).toEqual([
      ['framed 1+4'],
      ['framed 1+4'],
      ['framed 7+4'],
      ['framed 4'],
    ]);
    for (const socket of sockets) expect(socket.sent).toEqual([]);
    // The very same prepared object reaches every socket: nothing is framed or copied per recipient.
    expect(sockets[1].writes[0]).toBe(sockets[0].writes[0]);
  });

  it('falls back to send, in order, where the socket cannot take prepared frames now, or its transport prepares none', () => {
    const refusing = new PreparingSocket();
    refusing.refuse = true;
    const plain = new FakeSocket();
    const shared = new PreparedFrames();
    const update = new Uint8Array([1]);
    const awareness = new Uint8Array([2]);
    connectionOn(refusing).sendAll(update, awareness, shared);
    connectionOn(plain).sendAll(update, undefined, shared);
    expect(refusing.writes).toEqual([]);
    expect(refusing.sent).toEqual([update, awareness]);
    expect(plain.sent).toEqual([update]);
  });

  it('keeps the slow-consumer bound: past it the connection is closed and nothing is written', () => {
    const slow = new PreparingSocket();
    slow.bufferedAmount = DEFAULT_HUB_LIMITS.maxSendBufferBytes + 1;
    connectionOn(slow).sendAll(new Uint8Array([1]), undefined, new PreparedFrames());
    expect(slow.writes).toEqual([]);
    expect(slow.closeCode).toBe(CloseCode.PolicyViolation);
  });
});
