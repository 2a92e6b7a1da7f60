export {
  ACCESS_CHANNEL,
  silentBusLogger,
  type AccessChange,
  type BusDelivery,
  type BusListener,
  type BusLogger,
  type BusMessage,
  type BusStats,
  type BusStatus,
  type BusSubscription,
  type DocumentBus,
} from './document-bus';
export {
  BUS_CODEC_VERSION,
  BusMessageError,
  decodeBusMessage,
  decodeInstanceSignal,
  encodeBusMessage,
  encodeInstanceSignal,
  type InstanceSignal,
} from './bus-codec';
export { DEFAULT_LOCAL_INSTANCE_TIMEOUT_MS, LocalBusNetwork, LocalDocumentBus, type LocalDocumentBusOptions } from './local-document-bus';
export { InstanceTracker } from './instance-tracker';
