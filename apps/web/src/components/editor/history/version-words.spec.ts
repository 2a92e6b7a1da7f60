import type { Version } from '@quire/api-contract';
import { describe, expect, it } from 'vitest';
import { dayHeading, groupByDay, previousVersionId, restoredFromWords, versionLabel } from './version-words';

const version = (id: string, createdAt: Date, kind: Version['kind'] = 'auto', name: string | null = null): Version => ({
  id,
  name,
  kind,
  createdAt: createdAt.toISOString(),
  authors: [],
});

describe('version words', () => {
  it('names a version by its name, else by why it was made', () => {
    expect(versionLabel({ name: 'Draft for review', kind: 'named' })).toBe('Draft for review');
    expect(versionLabel({ name: null, kind: 'auto' })).toBe('Edits');
    expect(versionLabel({ name: null, kind: 'restore' })).toBe('Restored a version');
    expect(versionLabel({ name: null, kind: 'before-restore' })).toBe('Before a restore');
  });

  it('heads days as today, yesterday, else the date', () => {
    const now = new Date(2026, 11, 7, 9, 30);
    expect(dayHeading(new Date(2026, 11, 7, 0, 1), now)).toBe('Today');
    expect(dayHeading(new Date(2026, 11, 6, 23, 59), now)).toBe('Yesterday');
    expect(dayHeading(new Date(2026, 11, 1, 12, 0), now)).toBe('Tuesday, December 1, 2026');
  });

  it('groups versions (newest first) by the reader’s day, keeping their order', () => {
    const now = new Date(2026, 11, 7, 18, 0);
    const versions = [
      version('c', new Date(2026, 11, 7, 10, 0)),
      version('b', new Date(2026, 11, 7, 8, 0)),
      version('a', new Date(2026, 11, 5, 23, 0)),
    ];
    const days = groupByDay(versions, now);
    expect(days.map((day) => [day.heading, day.versions.map((v) => v.id)])).toEqual([
      ['Today', ['c', 'b']],
      ['Saturday, December 5, 2026', ['a']],
    ]);
  });

  it('compares a version with the one before it in the whole history, and the first with none', () => {
    const at = new Date(2026, 11, 7);
    const versions = [version('c', at, 'named', 'Final'), version('b', at), version('a', at)];
    expect(previousVersionId(versions, 'c')).toBe('b');
    expect(previousVersionId(versions, 'a')).toBeNull();
    expect(previousVersionId(versions, 'gone')).toBeNull();
  });
});

describe('what a restore restored', () => {
  it('names the restored version and its time, or says it is gone; nothing for other versions', () => {
    const at = new Date(2026, 11, 7, 10, 31);
    const draft = version('a', at, 'named', 'Draft');
    const restore = { ...version('b', at, 'restore'), restoredFrom: 'a' };
    expect(restoredFromWords(restore, [restore, draft])).toBe('Restored “Draft” (Dec 7, 10:31 AM)');
    expect(restoredFromWords(restore, [restore])).toBe('Restored an earlier version');
    expect(restoredFromWords(draft, [restore, draft])).toBeNull();
  });
});
