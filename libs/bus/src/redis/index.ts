export {
  DEFAULT_HEARTBEAT_INTERVAL_MS,
  DEFAULT_INSTANCE_TIMEOUT_MS,
  DEFAULT_RECONNECT_MAX_DELAY_MS,
  RedisDocumentBus,
  type RedisDocumentBusOptions,
} from './redis-document-bus';
