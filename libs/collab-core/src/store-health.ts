/** Default bound of {@link StoreHealth.backlogBytes}: updates applied but not yet stored, all documents together. */
export const DEFAULT_MAX_BACKLOG_BYTES = 64 * 1024 * 1024;

/**
 * Whether the store is taking writes, and how many bytes of updates wait for it across every
 * document. While the store is failing, updates are held (never relayed, never dropped); the
 * bound keeps that backlog from growing without limit.
 */
export class StoreHealth {
  private failing = false;
  private backlog = 0;

  constructor(readonly maxBacklogBytes: number = DEFAULT_MAX_BACKLOG_BYTES) {}

  /** False from a failed write until the next successful one. */
  get available(): boolean {
    return !this.failing;
  }

  /** Bytes of updates queued or in flight to the store. */
  get backlogBytes(): number {
    return this.backlog;
  }

  /** True when `bytes` more would push the backlog past its bound. */
  wouldOverflow(bytes: number): boolean {
    return this.backlog + bytes > this.maxBacklogBytes;
  }

  recordFailure(): void {
    this.failing = true;
  }

  recordSuccess(): void {
    this.failing = false;
  }

  addBacklog(bytes: number): void {
    this.backlog += bytes;
  }

  removeBacklog(bytes: number): void {
    this.backlog = Math.max(0, this.backlog - bytes);
  }
}
