import { DEFAULT_COMPACTION_LIMITS, DocumentHub } from '@quire/collab-core';
import type { UpdateLog } from '@quire/storage';

/**
 * Per-connection message rate for the benchmark's clients. The hub's default (200 per second,
 * bursts of 2,000) protects the server from people and scripts; the benchmark's clients type at
 * machine speed on purpose (500 keystrokes per second, a trace replayed as fast as it goes), and
 * would be closed with 1008. The limit is a token bucket checked per frame, so lifting it leaves
 * the path a frame takes unchanged.
 */
const MACHINE_SPEED = 1_000_000;

/** A hub as the server builds it (default compaction limits), with the message rate lifted. */
export function benchHub(store: UpdateLog): DocumentHub {
  return new DocumentHub({
    store,
    compaction: DEFAULT_COMPACTION_LIMITS,
    limits: { messagesPerSecond: MACHINE_SPEED, messageBurst: MACHINE_SPEED },
  });
}
