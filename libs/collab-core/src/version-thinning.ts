import type { VersionInfo } from '@quire/storage';

const HOUR_MS = 60 * 60 * 1000;
const DAY_MS = 24 * HOUR_MS;

/** How long every automatic version is kept, and until when one per hour is. */
export const THINNING = { keepAllFor: DAY_MS, hourlyFor: 7 * DAY_MS } as const;

/**
 * Which automatic versions thinning removes, oldest first: every automatic version of the last day
 * stays; older than that, the newest of each hour (UTC) stays for a week; older still, the newest of
 * each day (UTC). Named, restore and before-restore versions always stay and do not count towards
 * an hour's or a day's one; so does the newest version of all, which the next one is computed from.
 * `versions` is the list as `VersionHistory.list` gives it, newest first.
 */
export function versionsToThin(versions: readonly VersionInfo[], now: Date): string[] {
  const kept = new Set<string>();
  const remove: string[] = [];
  versions.forEach((version, index) => {
    if (index === 0 || version.kind !== 'auto') return;
    const age = now.getTime() - version.createdAt.getTime();
    if (age < THINNING.keepAllFor) return;
    const bucket = age < THINNING.hourlyFor ? `h${Math.floor(version.createdAt.getTime() / HOUR_MS)}` : `d${Math.floor(version.createdAt.getTime() / DAY_MS)}`;
    // Newest first: the first of a bucket is the one that stays.
    if (kept.has(bucket)) remove.push(version.id);
    else kept.add(bucket);
  });
  return remove.reverse();
}
