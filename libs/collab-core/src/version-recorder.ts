import type { HubLogger } from './logger';
import type { VersionMaker } from './version-maker';
import { DEFAULT_VERSION_IDLE_MS, DEFAULT_VERSION_INTERVAL_MS, VersionSchedule, type VersionTiming } from './version-schedule';

/** How a hub records automatic versions (`HubOptions.versions`). */
export interface VersionRecorderOptions {
  readonly maker: VersionMaker;
  /** Default 5 minutes. */
  readonly idleMs?: number;
  /** Default 30 minutes. */
  readonly intervalMs?: number;
}

/**
 * A hub's automatic versions: one {@link VersionSchedule} per loaded document, and the recordings
 * in the background, which the hub waits for when it stops.
 */
export class VersionRecorder {
  readonly maker: VersionMaker;
  private readonly timing: VersionTiming;
  private readonly running = new Set<Promise<unknown>>();

  constructor(
    options: VersionRecorderOptions,
    private readonly logger: HubLogger,
  ) {
    this.maker = options.maker;
    this.timing = { idleMs: options.idleMs ?? DEFAULT_VERSION_IDLE_MS, intervalMs: options.intervalMs ?? DEFAULT_VERSION_INTERVAL_MS };
  }

  /** A schedule for a document that has just loaded. */
  schedule(documentId: string): VersionSchedule {
    return new VersionSchedule(documentId, this.maker, this.timing, this.logger, (recording) => this.track(recording));
  }

  /**
   * Once a document is loaded: edits stored after its newest version (the process stopped or
   * crashed before recording them) wait for a version like fresh ones.
   */
  checkLoaded(documentId: string, lastSeq: number, schedule: VersionSchedule): void {
    const check = this.maker.history.head(documentId).then(
      (head) => {
        if (lastSeq > (head?.throughSeq ?? 0)) schedule.noteEdit();
      },
      (error: unknown) => this.logger.warn({ documentId, err: error }, 'Reading the newest version failed; edits before this load wait for the next edit'),
    );
    this.track(check);
  }

  /** Resolves once no recording is running (the hub is stopping; the store closes after). */
  async whenIdle(): Promise<void> {
    while (this.running.size > 0) await Promise.allSettled([...this.running]);
  }

  private track(recording: Promise<unknown>): void {
    const tracked: Promise<unknown> = recording
      .catch((error: unknown) => this.logger.error({ err: error }, 'A version recording failed unexpectedly'))
      .finally(() => this.running.delete(tracked));
    this.running.add(tracked);
  }
}
