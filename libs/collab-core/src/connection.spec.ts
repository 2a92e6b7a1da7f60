import { CloseCode } from '@quire/constants';
import { describe, expect, it } from 'vitest';
import { Connection } from './connection';
import { createHubContext } from './hub-context';
import { DEFAULT_HUB_LIMITS } from './limits';
import { ControlledStore } from './testing/controlled-store';
import { FakeSocket } from './testing/fake-socket';
import { RecordingLogger } from './testing/recording-logger';
import { ReadyState } from './websocket-like';

function setup() {
  const socket = new FakeSocket();
  const logger = new RecordingLogger();
  const ended: Connection[] = [];
  const connection = new Connection(
    socket,
    { documentId: 'd', connectionId: 'c', remoteAddress: '10.0.0.1' },
    createHubContext(new ControlledStore(), { logger }),
    (c) => ended.push(c),
  );
  return { socket, logger, ended, connection };
}

describe('Connection', () => {
  it('buffers frames until activated, then hands them over in order', () => {
    const { socket, connection } = setup();
    const frame = new Uint8Array([1, 2]);
    socket.deliver(frame);
    frame[0] = 9; // The transport may reuse the memory; the buffered copy must not change.
    socket.deliver(new Uint8Array([3]), false);
    const seen: [number[], boolean][] = [];
    connection.activate((_, data, isBinary) => seen.push([[...data], isBinary]));
    socket.deliver(new Uint8Array([4]));
    expect(seen).toEqual([
      [[1, 2], true],
      [[3], false],
      [[4], true],
    ]);
  });

  it('copies buffered Node Buffers too, whose slice() is only a view', () => {
    const { socket, connection } = setup();
    const pool = Buffer.from([1, 2, 3, 4]);
    socket.deliver(pool.subarray(1, 3));
    pool.fill(0);
    const seen: number[][] = [];
    connection.activate((_, data) => seen.push([...data]));
    expect(seen).toEqual([[2, 3]]);
  });

  it('closes with 1008 past the load buffer limit', () => {
    const { socket, ended, logger } = setup();
    socket.deliver(new Uint8Array(DEFAULT_HUB_LIMITS.maxLoadBufferBytes));
    expect(socket.closeCode).toBeUndefined();
    socket.deliver(new Uint8Array(1));
    expect(socket.closeCode).toBe(CloseCode.PolicyViolation);
    expect(ended).toHaveLength(1);
    expect(logger.at('warn')[0].fields).toMatchObject({ connectionId: 'c', documentId: 'd', remoteAddress: '10.0.0.1' });
  });

  it('closes with 1011 and logs an error when the handler throws', () => {
    const { socket, connection, logger } = setup();
    connection.activate(() => {
      throw new Error('bug');
    });
    expect(() => socket.deliver(new Uint8Array([1]))).not.toThrow();
    expect(socket.closeCode).toBe(CloseCode.InternalError);
    expect(logger.at('error')).toHaveLength(1);
  });

  it('sends only while the socket is open', () => {
    const { socket, connection } = setup();
    connection.send(new Uint8Array([1]));
    socket.readyState = ReadyState.Closing;
    connection.send(new Uint8Array([2]));
    expect(socket.sent).toEqual([new Uint8Array([1])]);
  });

  it('ends exactly once, however it ends', async () => {
    const { socket, connection, ended } = setup();
    connection.close(CloseCode.GoingAway, 'bye');
    socket.fail(new Error('late error'));
    await Promise.resolve();
    socket.remoteClose();
    expect(ended).toEqual([connection]);
    expect(connection.isOpen).toBe(false);
    expect(socket.closeCode).toBe(CloseCode.GoingAway);
  });

  it('drops the connection when send throws', () => {
    const { socket, connection, ended } = setup();
    socket.send = () => {
      throw new Error('EPIPE');
    };
    connection.send(new Uint8Array([1]));
    expect(ended).toHaveLength(1);
    expect(socket.closeCode).toBe(CloseCode.InternalError);
  });
});
