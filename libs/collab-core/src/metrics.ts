import type { ProtocolMessageType } from '@quire/protocol';

/** Why the hub refused a frame or closed a connection; stable labels for metrics. */
export type RejectionReason =
  | string // a ProtocolError reason
  | 'text-frame'
  | 'bad-update'
  | 'update-gap'
  | 'bad-state-vector'
  | 'awareness-too-large'
  | 'rate-limit'
  | 'load-buffer-full'
  | 'backlog-full'
  | 'document-too-large'
  | 'too-many-connections'
  | 'too-many-guests'
  | 'awareness-no-access'
  | 'slow-consumer';

/** What the hub reports as it works; the server turns it into Prometheus metrics. */
export interface HubMetrics {
  /** A frame arrived and decoded as `type`. */
  messageReceived(type: ProtocolMessageType, bytes: number): void;
  /** `frames` copies of one encoded message of `bytes` went out. */
  messagesSent(type: 'update' | 'awareness' | 'sync-step-1' | 'sync-step-2' | 'stored', bytes: number, frames: number): void;
  /** A frame was refused or a connection closed for `reason`. */
  rejected(reason: RejectionReason): void;
  /** One append to the store finished (or failed) after `seconds`. */
  storeWrite(seconds: number, updates: number, ok: boolean): void;
  /** An update was relayed `seconds` after the server applied it (the price of storing first). */
  relayed(seconds: number): void;
}

/** Metrics that go nowhere, the default. */
export const noopMetrics: HubMetrics = {
  messageReceived: () => undefined,
  messagesSent: () => undefined,
  rejected: () => undefined,
  storeWrite: () => undefined,
  relayed: () => undefined,
};
