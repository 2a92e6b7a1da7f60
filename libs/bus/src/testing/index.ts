export { describeDocumentBusContract, eventually, GONE_WITHIN_MS, Inbox, type DocumentBusFixture } from './document-bus-contract';
export { findRedisServer, freePort, redisServerCommand, RedisServer } from './redis-server';
