import type { VersionHead } from '@quire/storage';
import type { HubLogger } from './logger';
import type { VersionMaker } from './version-maker';

/** When automatic versions are made: see {@link VersionSchedule}. */
export interface VersionTiming {
  /** Quiet after the last edit before a version is made; default {@link DEFAULT_VERSION_IDLE_MS}. */
  readonly idleMs: number;
  /** Longest a burst of edits goes without a version; default {@link DEFAULT_VERSION_INTERVAL_MS}. */
  readonly intervalMs: number;
}

/** 5 minutes. */
export const DEFAULT_VERSION_IDLE_MS = 5 * 60_000;
/** 30 minutes. */
export const DEFAULT_VERSION_INTERVAL_MS = 30 * 60_000;
/** After a failed attempt, the next one waits this long. */
export const VERSION_RETRY_MS = 30_000;

/**
 * One loaded document's automatic versions. Every edit this instance sees (its clients', once
 * stored, and other instances', from the bus) moves the deadline: a version once edits have been
 * quiet for `idleMs`, and at least every `intervalMs` while they go on. Noting an edit is an
 * assignment and, at most once per burst, a timer: nothing on the relay path waits for a version.
 *
 * Several instances with the document open each keep this schedule and may fire together; the
 * version history's compare-and-set lets one through, and the others then find the newest version
 * holding what they would record (an idle version: the maker compares the content) or made after
 * their burst began (an interval one), and record nothing. The burst is recorded once.
 */
export class VersionSchedule {
  private lastEditAt = 0;
  private burstStartedAt: number | undefined;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private recording: Promise<void> | undefined;
  private stopped = false;

  constructor(
    private readonly documentId: string,
    private readonly maker: VersionMaker,
    private readonly timing: VersionTiming,
    private readonly logger: HubLogger,
    /** Called with every recording it starts, so the hub can wait for them when it stops. */
    private readonly track: (recording: Promise<void>) => void,
  ) {}

  /** An edit was stored (here or by another instance). */
  noteEdit(): void {
    if (this.stopped) return;
    const now = Date.now();
    this.lastEditAt = now;
    this.burstStartedAt ??= now;
    if (!this.timer && !this.recording) this.arm();
  }

  /** True while edits wait for a version. */
  get pending(): boolean {
    return this.burstStartedAt !== undefined;
  }

  /** The document unloads (nobody has it open here): records what waits now, in the background. */
  flush(): void {
    if (this.stopped) return;
    this.stopped = true;
    this.clearTimer();
    const last = () => {
      if (this.burstStartedAt !== undefined) this.start('unload');
    };
    // Edits made while a version is being recorded still get theirs, after it.
    if (this.recording) this.track(this.recording.then(last));
    else last();
  }

  /** The document was deleted: nothing more is recorded. */
  stop(): void {
    this.stopped = true;
    this.clearTimer();
  }

  private arm(delay?: number): void {
    if (this.stopped || this.burstStartedAt === undefined) return;
    const due = Math.min(this.lastEditAt + this.timing.idleMs, this.burstStartedAt + this.timing.intervalMs);
    this.timer = setTimeout(() => this.fire(), delay ?? Math.max(0, due - Date.now()));
    this.timer.unref?.();
  }

  private fire(): void {
    this.timer = undefined;
    if (this.stopped || this.burstStartedAt === undefined) return;
    const now = Date.now();
    const idle = now >= this.lastEditAt + this.timing.idleMs;
    // Edits moved the deadline since the timer was set.
    if (!idle && now < this.burstStartedAt + this.timing.intervalMs) return this.arm();
    this.start(idle ? 'idle' : 'interval');
  }

  private start(reason: 'idle' | 'interval' | 'unload'): void {
    const startedAt = Date.now();
    const burstStartedAt = this.burstStartedAt ?? startedAt;
    // An interval version is not needed if any version was made since this burst began (another
    // instance's). Whether an idle or final version has anything to record, the maker decides by
    // comparing the content with the newest version's: when that version was made says nothing of
    // which edits it holds (its recording may have read the log long before it committed).
    const skip = (head: VersionHead | undefined) => reason === 'interval' && head !== undefined && head.createdAt.getTime() > burstStartedAt;
    const recording = this.maker
      .record(this.documentId, { kind: 'auto', ...(reason === 'interval' ? { skip } : {}) })
      .then(
        (version) => {
          this.logger.debug({ documentId: this.documentId, reason, version: version?.number }, version ? 'Recorded a version' : 'No version needed');
          // Edits made while it was recorded belong to the next burst, which began then at the latest.
          this.burstStartedAt = this.lastEditAt > startedAt ? startedAt : undefined;
          this.arm();
        },
        (error: unknown) => {
          this.logger.warn({ documentId: this.documentId, reason, retryInMs: VERSION_RETRY_MS, err: error }, 'Recording a version failed; trying again later');
          this.arm(VERSION_RETRY_MS);
        },
      )
      .finally(() => {
        this.recording = undefined;
      });
    this.recording = recording;
    this.track(recording);
  }

  private clearTimer(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
  }
}
