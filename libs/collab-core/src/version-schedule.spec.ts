import type { VersionHead, VersionInfo } from '@quire/storage';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { silentLogger } from './logger';
import type { VersionMaker, VersionRequest } from './version-maker';
import { VersionSchedule, VERSION_RETRY_MS } from './version-schedule';

const MINUTE = 60_000;
const timing = { idleMs: 5 * MINUTE, intervalMs: 30 * MINUTE };

/** A maker that records when asked, unless `skip` says no; it can be told to fail, and sees a head made elsewhere. */
class FakeMaker {
  readonly recorded: { at: number; request: VersionRequest }[] = [];
  head: VersionHead | undefined;
  failures = 0;

  async record(_documentId: string, request: VersionRequest): Promise<VersionInfo | undefined> {
    if (request.skip?.(this.head)) return undefined;
    if (this.failures > 0) {
      this.failures--;
      throw new Error('store down');
    }
    this.recorded.push({ at: Date.now(), request });
    this.head = { id: `v${this.recorded.length}`, number: this.recorded.length, createdAt: new Date(), throughSeq: 0, state: new Uint8Array(1), chainBytes: 1 };
    return { number: this.recorded.length } as VersionInfo;
  }
}

describe('VersionSchedule', () => {
  let maker: FakeMaker;
  let schedule: VersionSchedule;
  const tracked: Promise<void>[] = [];

  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'], now: 0 });
    maker = new FakeMaker();
    schedule = new VersionSchedule('doc', maker as unknown as VersionMaker, timing, silentLogger, (recording) => tracked.push(recording));
  });

  afterEach(() => {
    schedule.stop();
    vi.useRealTimers();
  });

  /** Advances fake time, letting the recordings it starts finish. */
  async function advance(ms: number): Promise<void> {
    await vi.advanceTimersByTimeAsync(ms);
  }

  const times = () => maker.recorded.map((version) => version.at / MINUTE);

  it('records a version once edits have been quiet for the idle time, and not before', async () => {
    schedule.noteEdit();
    await advance(3 * MINUTE);
    schedule.noteEdit();
    await advance(4 * MINUTE);
    expect(times()).toEqual([]);
    await advance(1 * MINUTE);
    expect(times()).toEqual([8]);
    expect(maker.recorded[0].request.kind).toBe('auto');
    expect(schedule.pending).toBe(false);
    await advance(60 * MINUTE);
    expect(times()).toEqual([8]);
  });

  it('records at least every interval while edits go on, and once more when they stop', async () => {
    for (let minute = 0; minute < 70; minute++) {
      schedule.noteEdit();
      await advance(MINUTE);
    }
    await advance(10 * MINUTE);
    expect(times()).toEqual([30, 60, 74]);
  });

  it('makes no interval version when another instance made one since the burst began; an idle one is the maker’s to judge', async () => {
    for (let minute = 0; minute < 31; minute++) {
      if (minute === 20) maker.head = { id: 'elsewhere', number: 1, createdAt: new Date(), throughSeq: 0, state: new Uint8Array(1), chainBytes: 1 };
      schedule.noteEdit();
      await advance(MINUTE);
    }
    expect(times()).toEqual([]);
    expect(schedule.pending).toBe(true);
    await advance(5 * MINUTE);
    expect(times()).toEqual([35]);
    expect(maker.recorded[0].request.skip).toBeUndefined();
  });

  it('tries again later when recording fails, and keeps the edits waiting meanwhile', async () => {
    maker.failures = 1;
    schedule.noteEdit();
    await advance(5 * MINUTE);
    expect(times()).toEqual([]);
    expect(schedule.pending).toBe(true);
    await advance(VERSION_RETRY_MS);
    expect(times()).toEqual([5.5]);
  });

  it('records what waits when the document unloads, and nothing once it is deleted', async () => {
    schedule.noteEdit();
    await advance(MINUTE);
    schedule.flush();
    await Promise.all(tracked);
    expect(times()).toEqual([1]);

    const deleted = new VersionSchedule('gone', maker as unknown as VersionMaker, timing, silentLogger, (recording) => tracked.push(recording));
    deleted.noteEdit();
    deleted.stop();
    await advance(60 * MINUTE);
    expect(times()).toEqual([1]);
  });

  it('costs an edit no more than an assignment once the burst has its timer', () => {
    const setTimeoutSpy = vi.spyOn(globalThis, 'setTimeout');
    for (let i = 0; i < 1_000; i++) schedule.noteEdit();
    expect(setTimeoutSpy).toHaveBeenCalledTimes(1);
  });
});
