import type { Version, VersionKind } from '@quire/api-contract';

/** What a version without a name is called in the list, by why it was made. */
const KIND_LABELS: Record<VersionKind, string> = {
  auto: 'Edits',
  named: 'Named version',
  restore: 'Restored a version',
  'before-restore': 'Before a restore',
};

/** The version's name, or what its kind says it is. */
export function versionLabel(version: Pick<Version, 'name' | 'kind'>): string {
  return version.name ?? KIND_LABELS[version.kind];
}

const time = new Intl.DateTimeFormat('en', { hour: 'numeric', minute: '2-digit' });
const longDay = new Intl.DateTimeFormat('en', { weekday: 'long', month: 'long', day: 'numeric', year: 'numeric' });

/**
 * What a restore version says it restored: "Restored “Draft” (Dec 7, 10:31 AM)", or the version's
 * kind when it is no longer listed; null for other versions.
 */
export function restoredFromWords(version: Version, versions: readonly Version[]): string | null {
  if (!version.restoredFrom) return null;
  const source = versions.find((candidate) => candidate.id === version.restoredFrom);
  if (!source) return 'Restored an earlier version';
  return `Restored “${versionLabel(source)}” (${dateTime.format(new Date(source.createdAt))})`;
}

const dateTime = new Intl.DateTimeFormat('en', { month: 'short', day: 'numeric', hour: 'numeric', minute: '2-digit' });

/** "10:31 AM", in the reader's time zone. */
export function versionTime(createdAt: string): string {
  return time.format(new Date(createdAt));
}

/** The reader's calendar day of a moment, as a key: "2026-12-07". */
function dayKey(date: Date): string {
  return `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`;
}

/** "Today", "Yesterday", else "Monday, December 7, 2026". */
export function dayHeading(date: Date, now: Date): string {
  if (dayKey(date) === dayKey(now)) return 'Today';
  const yesterday = new Date(now);
  yesterday.setDate(now.getDate() - 1);
  if (dayKey(date) === dayKey(yesterday)) return 'Yesterday';
  return longDay.format(date);
}

export interface VersionDay {
  key: string;
  heading: string;
  versions: Version[];
}

/** Versions (newest first) in groups by the reader's calendar day, keeping their order. */
export function groupByDay(versions: readonly Version[], now: Date): VersionDay[] {
  const days: VersionDay[] = [];
  for (const version of versions) {
    const date = new Date(version.createdAt);
    const key = dayKey(date);
    const last = days.at(-1);
    if (last?.key === key) last.versions.push(version);
    else days.push({ key, heading: dayHeading(date, now), versions: [version] });
  }
  return days;
}

/**
 * The version each version is compared with to show what it changed: the one just before it in
 * the whole history (whatever the list shows), or null for the first.
 */
export function previousVersionId(versions: readonly Version[], versionId: string): string | null {
  const index = versions.findIndex((version) => version.id === versionId);
  if (index < 0) return null;
  return versions[index + 1]?.id ?? null;
}
