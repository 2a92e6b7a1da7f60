import Redis from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeDocumentBusContract, eventually, Inbox } from '../testing/document-bus-contract';
import { findRedisServer, RedisServer } from '../testing/redis-server';
import { RedisDocumentBus, type RedisDocumentBusOptions } from './redis-document-bus';

const available = await findRedisServer('RedisDocumentBus suites');

// Fast heartbeats, so that a silent instance is noticed within the contract's bound.
const FAST = { heartbeatIntervalMs: 100, instanceTimeoutMs: 600, reconnectMaxDelayMs: 200 } as const;

describe.skipIf(!available)('RedisDocumentBus', () => {
  let server: RedisServer;
  let prefix = 0;
  beforeAll(async () => {
    server = await RedisServer.start();
  });
  afterAll(async () => {
    await server?.stop();
  });

  const connect = (channelPrefix: string, options: Partial<RedisDocumentBusOptions> = {}) =>
    new RedisDocumentBus({ url: server.url, channelPrefix, ...FAST, ...options });

  describeDocumentBusContract('contract', async () => {
    // One server for the file; a prefix per test keeps tests from hearing each other.
    const channelPrefix = `contract${++prefix}`;
    return {
      connect: async () => {
        const bus = connect(channelPrefix);
        await bus.whenUp(5_000);
        return bus;
      },
      outage: async (during) => {
        await server.kill();
        try {
          await during();
        } finally {
          await server.start();
        }
      },
      crash: (bus) => (bus as RedisDocumentBus).abandon(),
    };
  });

  describe('on Redis', () => {
    it('uses one channel per document under its prefix, and leaves it on unsubscribe', async () => {
      const bus = connect('chan');
      expect(await bus.whenUp(5_000)).toBe(true);
      const admin = new Redis(server.url);
      try {
        const subscription = bus.subscribe('doc-1', new Inbox().listener);
        await subscription.ready;
        expect(await admin.pubsub('CHANNELS', 'chan:*')).toEqual(expect.arrayContaining(['chan:doc:doc-1', 'chan:instances']));
        subscription.unsubscribe();
        await expect.poll(() => admin.pubsub('CHANNELS', 'chan:doc:*')).toEqual([]);
      } finally {
        admin.disconnect();
        await bus.close();
      }
    });

    it('drops a message it cannot read, logging it, and keeps delivering', async () => {
      const warnings: string[] = [];
      const logger = { debug: () => undefined, info: () => undefined, error: () => undefined, warn: (_fields: object, message: string) => void warnings.push(message) };
      const bus = connect('garbage', { logger });
      const other = connect('garbage');
      const admin = new Redis(server.url);
      try {
        await Promise.all([bus.whenUp(5_000), other.whenUp(5_000)]);
        const inbox = new Inbox();
        await bus.subscribe('doc', inbox.listener).ready;
        await admin.publish('garbage:doc:doc', Buffer.from([9, 9, 9]));
        other.publish('doc', { type: 'hello', catchUp: false });
        await eventually(() => inbox.deliveries.length === 1, 'the good message arrives');
        expect(warnings).toContain('Dropping a bus message that cannot be read');
      } finally {
        admin.disconnect();
        await Promise.all([bus.close(), other.close()]);
      }
    });

    it('starts while Redis is away, and reports a gap once it is reachable', async () => {
      const later = await RedisServer.start();
      await later.stop();
      const bus = new RedisDocumentBus({ url: later.url, ...FAST });
      try {
        const gaps: (string | undefined)[] = [];
        bus.onGap((documentId) => gaps.push(documentId));
        await bus.subscribe('doc', new Inbox().listener).ready;
        bus.publish('doc', { type: 'hello', catchUp: true });
        expect(bus.status).toBe('down');
        expect(await bus.whenUp(100)).toBe(false);
        await later.start();
        await eventually(() => bus.status === 'ok' && gaps.length > 0, 'up, with a gap reported');
      } finally {
        await bus.close();
        await later.stop();
      }
    });
  });
});
