import type { VersionInfo, VersionKind } from '@quire/storage';
import { describe, expect, it } from 'vitest';
import { versionsToThin } from './version-thinning';

const HOUR = 60 * 60 * 1000;
const DAY = 24 * HOUR;
const NOW = new Date(Date.UTC(2026, 11, 20, 12, 0));

/** A listed version `ago` ms before NOW. */
function version(id: string, ago: number, kind: VersionKind = 'auto'): VersionInfo {
  return {
    id,
    documentId: 'doc',
    number: 0,
    kind,
    name: kind === 'named' ? id : null,
    createdAt: new Date(NOW.getTime() - ago),
    createdBy: null,
    throughSeq: 0,
    keyframe: false,
    byteLength: 1,
    authors: [],
    restoredFrom: null,
  };
}

describe('versionsToThin', () => {
  it('keeps every automatic version of the last day', () => {
    const versions = [version('a', 0), version('b', 5 * 60_000), version('c', 10 * 60_000), version('d', 23 * HOUR)];
    expect(versionsToThin(versions, NOW)).toEqual([]);
  });

  it('keeps the newest of each hour for a week, then the newest of each day, oldest first in what goes', () => {
    const versions = [
      version('head', 0),
      // Two days ago, in the 10:00 UTC hour (three) and the 09:00 hour (one).
      version('h10-newest', 2 * DAY + 90 * 60_000),
      version('h10-mid', 2 * DAY + 100 * 60_000),
      version('h10-oldest', 2 * DAY + 110 * 60_000),
      version('h09', 2 * DAY + 150 * 60_000),
      // Ten days ago (December 10, UTC): two; eleven days ago: one.
      version('d10-newest', 10 * DAY + HOUR),
      version('d10-oldest', 10 * DAY + 3 * HOUR),
      version('d9', 11 * DAY),
    ];
    expect(versionsToThin(versions, NOW)).toEqual(['d10-oldest', 'h10-oldest', 'h10-mid']);
  });

  it('never removes the newest version nor a named, restore or before-restore one, which do not count as their hour’s', () => {
    const versions = [
      version('head', 30 * DAY),
      version('named', 30 * DAY + 1, 'named'),
      version('restore', 30 * DAY + 2, 'restore'),
      version('before', 30 * DAY + 3, 'before-restore'),
      version('auto-newest', 30 * DAY + 4),
      version('auto-older', 30 * DAY + 5),
    ];
    expect(versionsToThin(versions, NOW)).toEqual(['auto-older']);
  });
});
