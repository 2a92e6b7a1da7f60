import type Redis from 'ioredis';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { decodeInstanceSignal, encodeInstanceSignal } from '../bus-codec';
import { silentBusLogger } from '../document-bus';
import { RedisHeartbeat } from './redis-heartbeat';

/** The part of an ioredis connection the heartbeat uses, recording what it is asked to do. */
class FakeConnection {
  status = 'ready';
  readonly published: { channel: string; data: Buffer }[] = [];
  reconnects = 0;

  publish(channel: string, data: Buffer): Promise<number> {
    this.published.push({ channel, data });
    return Promise.resolve(1);
  }

  disconnect(reconnect?: boolean): void {
    if (reconnect) this.reconnects++;
  }
}

describe('RedisHeartbeat', () => {
  let publisher: FakeConnection;
  let subscriber: FakeConnection;
  let gone: string[];
  let heartbeat: RedisHeartbeat;

  beforeEach(() => {
    vi.useFakeTimers();
    publisher = new FakeConnection();
    subscriber = new FakeConnection();
    gone = [];
    heartbeat = new RedisHeartbeat({
      instanceId: 'me',
      channel: 'q:instances',
      publisher: publisher as unknown as Redis,
      subscriber: subscriber as unknown as Redis,
      intervalMs: 100,
      timeoutMs: 500,
      logger: silentBusLogger,
      onGone: (instanceId) => gone.push(instanceId),
    });
  });

  afterEach(() => {
    heartbeat.stop();
    vi.useRealTimers();
  });

  const signals = () => publisher.published.map(({ channel, data }) => ({ channel, ...decodeInstanceSignal(data) }));

  it('says it is alive on the instances channel every interval, and goodbye when it stops', async () => {
    vi.advanceTimersByTime(300);
    expect(signals()).toEqual(Array.from({ length: 3 }, () => ({ channel: 'q:instances', from: 'me', signal: 'alive' })));
    await heartbeat.goodbye();
    vi.advanceTimersByTime(300);
    expect(signals()).toHaveLength(4);
    expect(signals()[3]).toEqual({ channel: 'q:instances', from: 'me', signal: 'goodbye' });
  });

  it('reports another instance gone when it falls silent, but not while this one cannot hear', () => {
    heartbeat.hear(encodeInstanceSignal('other', 'alive'));
    expect(heartbeat.alive).toEqual(['other']);
    heartbeat.deaf();
    vi.advanceTimersByTime(1_000);
    expect(gone).toEqual([]);
    heartbeat.hearing();
    vi.advanceTimersByTime(1_000);
    expect(gone).toEqual(['other']);
    expect(heartbeat.alive).toEqual([]);
  });

  it('restarts a subscription that does not even hear its own heartbeats, and leaves one that does', () => {
    for (let beat = 0; beat < 10; beat++) {
      vi.advanceTimersByTime(100);
      heartbeat.hear(encodeInstanceSignal('me', 'alive'));
    }
    expect(subscriber.reconnects).toBe(0);
    vi.advanceTimersByTime(700);
    expect(subscriber.reconnects).toBe(1);
  });
});
