import { CloseCode } from '@quire/constants';
import {
  encodeAuthDenied,
  encodeAwareness,
  encodeQueryAwareness,
  encodeSyncStep1,
  encodeSyncStep2,
  encodeUpdate,
} from '@quire/protocol';
import { describe, expect, it } from 'vitest';
import { Connection } from './connection';
import { createHubContext } from './hub-context';
import { MessageReceiver, type MessageTarget } from './message-receiver';
import { noopMetrics } from './metrics';
import { ControlledStore } from './testing/controlled-store';
import { FakeSocket } from './testing/fake-socket';
import { RecordingLogger } from './testing/recording-logger';

/** A target that records each call, or throws when told to. */
class RecordingTarget implements MessageTarget {
  readonly calls: unknown[][] = [];
  fail: Error | undefined;

  answerSyncStep1(_: Connection, stateVector: Uint8Array): void {
    this.record('answerSyncStep1', [...stateVector]);
  }
  applyClientUpdate(_: Connection, update: Uint8Array, live: boolean): void {
    this.record('applyClientUpdate', [...update], live);
  }
  applyAwareness(_: Connection, update: Uint8Array): void {
    this.record('applyAwareness', [...update]);
  }
  sendAwarenessStates(): void {
    this.record('sendAwarenessStates');
  }

  private record(...call: unknown[]): void {
    if (this.fail) throw this.fail;
    this.calls.push(call);
  }
}

function setup() {
  const logger = new RecordingLogger();
  const received: string[] = [];
  const hub = createHubContext(new ControlledStore(), {
    logger,
    metrics: { ...noopMetrics, messageReceived: (type) => received.push(type) },
  });
  const target = new RecordingTarget();
  const socket = new FakeSocket();
  const connection = new Connection(socket, { documentId: 'd', connectionId: 'c' }, hub, () => undefined);
  connection.activate(new MessageReceiver(target, hub).receive);
  return { logger, received, target, socket };
}

describe('MessageReceiver', () => {
  it('decodes each message, counts it and hands it to the document; only an update is a live edit', () => {
    const { target, socket, received, logger } = setup();
    socket.deliver(encodeSyncStep1(new Uint8Array([0])));
    socket.deliver(encodeSyncStep2(new Uint8Array([1, 2])));
    socket.deliver(encodeUpdate(new Uint8Array([3])));
    socket.deliver(encodeAwareness(new Uint8Array([4])));
    socket.deliver(encodeQueryAwareness());
    socket.deliver(encodeAuthDenied('no'));
    expect(target.calls).toEqual([
      ['answerSyncStep1', [0]],
      ['applyClientUpdate', [1, 2], false],
      ['applyClientUpdate', [3], true],
      ['applyAwareness', [4]],
      ['sendAwarenessStates'],
    ]);
    expect(received).toEqual(['sync-step-1', 'sync-step-2', 'update', 'awareness', 'query-awareness', 'auth-denied']);
    expect(logger.at('debug').map((line) => line.message)).toEqual(['Ignoring a server-only message (auth-denied) from a client']);
    expect(socket.closeCode).toBeUndefined();
  });

  it('closes with 1003 on a text frame, handing nothing over', () => {
    const { target, socket } = setup();
    socket.deliver(encodeUpdate(new Uint8Array([3])), false);
    expect(socket.closeCode).toBe(CloseCode.UnsupportedData);
    expect(target.calls).toEqual([]);
  });

  it('closes with 1002 on a malformed message, naming the protocol error', () => {
    const { target, socket, logger } = setup();
    socket.deliver(new Uint8Array([0, 9]));
    expect(socket.closeCode).toBe(CloseCode.ProtocolError);
    expect(target.calls).toEqual([]);
    expect(logger.at('warn')[0].message).toMatch(/^Malformed frame: /);
  });

  it('closes with 1011 and logs an error when the document fails unexpectedly', () => {
    const { target, socket, logger } = setup();
    target.fail = new Error('bug');
    socket.deliver(encodeQueryAwareness());
    expect(socket.closeCode).toBe(CloseCode.InternalError);
    expect(logger.at('error')[0]).toMatchObject({
      fields: { connectionId: 'c', documentId: 'd', err: target.fail },
      message: 'Unexpected error handling a message',
    });
  });
});
