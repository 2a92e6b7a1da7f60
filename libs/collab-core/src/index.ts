export { DocumentHub, DEFAULT_UNLOAD_DELAY_MS, SHUTDOWN_REASON, STORE_UNAVAILABLE_REASON, type HubOptions } from './document-hub';
export { DEFAULT_MAX_BACKLOG_BYTES, StoreHealth } from './store-health';
export { type ConnectionContext, type Connection } from './connection';
export { MAX_AWARENESS_STATE_CHARS, READ_ONLY_REASON, type ConnectionAccess, type ConnectionUser } from './access';
export { filterAwarenessEntries, type AwarenessDropReason } from './awareness-filter';
export { DEFAULT_HUB_LIMITS, type HubLimits } from './limits';
export { TokenBucket } from './rate-limiter';
export { noopMetrics, type HubMetrics, type RejectionReason } from './metrics';
export { createHubContext, type HubContext } from './hub-context';
export { ReadyState, type PreparedFrame, type WebSocketLike } from './websocket-like';
export { PreparedFrames } from './prepared-frames';
export { silentLogger, type HubLogger } from './logger';
export {
  busOrigin,
  clientOrigin,
  isTransactionOrigin,
  originAuthor,
  originConnection,
  serverOrigin,
  storeOrigin,
  updatePolicy,
  type BusOrigin,
  type ClientOrigin,
  type OriginConnection,
  type ServerOrigin,
  type StoreOrigin,
  type TransactionOrigin,
  type UpdatePolicy,
} from './transaction-origin';
export { deriveTitle, MAX_TITLE_LENGTH } from './title';
export { COMPACTION_RETRY_MS, DEFAULT_COMPACTION_LIMITS, type CompactionLimits } from './compaction';
export type { ServerChange } from './loaded-document';
export { anchoredThreadIds, anchorThread, commentsRevisionChange, unanchorThread, type AnchorResult, type CommentTarget } from './comments/comment-marks';
export { MAX_VERSION_ATTEMPTS, VersionMaker, type VersionComputer, type VersionMakerOptions, type VersionRequest } from './version-maker';
export { VersionThinner, type VersionThinnerOptions } from './version-thinner';
export { versionsToThin, THINNING } from './version-thinning';
export type { VersionRecorderOptions } from './version-recorder';
export { DEFAULT_VERSION_IDLE_MS, DEFAULT_VERSION_INTERVAL_MS, VERSION_RETRY_MS, type VersionTiming } from './version-schedule';
