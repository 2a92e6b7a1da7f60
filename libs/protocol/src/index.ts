export * from './message-types';
export type { ProtocolMessage, ProtocolMessageType } from './messages';
export { ProtocolError, type ProtocolErrorReason } from './protocol-error';
export * from './encode';
export { decodeMessage } from './decode';
export { decodeAwarenessUpdate, encodeAwarenessUpdate, type AwarenessEntry } from './awareness-update';
export { checkUpdate, DEFAULT_UPDATE_LIMITS, type FormatCheck, type UpdateLimits } from './update-guard';
export { encodeStoredAck, readStoredAck, STORED_ACK_PARAM, type StoredAck } from './stored-ack';
