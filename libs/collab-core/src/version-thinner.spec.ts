import { rebuildVersion } from '@quire/history';
import { MemoryStorage } from '@quire/storage/memory';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { VersionMaker } from './version-maker';
import { VersionThinner } from './version-thinner';
import { versionsToThin } from './version-thinning';

const DAY = 24 * 60 * 60 * 1000;

describe('VersionThinner', () => {
  let storage: MemoryStorage;
  let doc: Y.Doc;

  beforeEach(async () => {
    storage = new MemoryStorage();
    await storage.open();
    await storage.documents.create('doc');
    doc = new Y.Doc();
  });

  afterEach(() => storage.close());

  /** Changes the shared text and appends the change to the log, as the hub stores a client's update. */
  async function edit(change: (text: Y.Text) => void, userId: string): Promise<void> {
    const updates: Uint8Array[] = [];
    const listener = (update: Uint8Array) => updates.push(update);
    doc.on('update', listener);
    change(doc.getText('t'));
    doc.off('update', listener);
    await storage.log.append('doc', updates, { authors: updates.map(() => userId) });
  }

  async function textOf(versionId: string): Promise<string> {
    return rebuildVersion((await storage.versions.chain('doc', versionId))!.updates).getText('t').toString();
  }

  it('folds away what the policy says, and every remaining version holds exactly what it held', async () => {
    // No thinning while recording: the versions are all made now, and thinned as if days later.
    const maker = new VersionMaker({ log: storage.log, history: storage.versions, thinner: null });
    const steps: [string, (text: Y.Text) => void][] = [
      ['user-ada', (text) => text.insert(0, 'Hello world')],
      ['user-grace', (text) => text.delete(0, 6)],
      ['user-ada', (text) => text.insert(5, ', again')],
      ['user-grace', (text) => text.insert(0, 'Say: ')],
      ['user-ada', (text) => text.delete(3, 2)],
      ['user-grace', (text) => text.insert(text.length, '!')],
    ];
    for (const [index, [userId, change]] of steps.entries()) {
      await edit(change, userId);
      await maker.record('doc', index === 3 ? { kind: 'named', name: 'Kept', force: true } : { kind: 'auto' });
    }
    const before = await storage.versions.list('doc');
    const texts = new Map(await Promise.all(before.map(async (version) => [version.id, await textOf(version.id)] as const)));
    const later = () => new Date(Date.now() + 10 * DAY);
    const expected = versionsToThin(before, later());
    expect(expected.length).toBeGreaterThan(0);

    const thinner = new VersionThinner({ history: storage.versions, now: later });
    expect(await thinner.thin('doc')).toBe(expected.length);

    const after = await storage.versions.list('doc');
    expect(after.map((version) => version.id)).toEqual(before.map((version) => version.id).filter((id) => !expected.includes(id)));
    expect(after.some((version) => version.name === 'Kept')).toBe(true);
    for (const version of after) expect(await textOf(version.id), version.id).toBe(texts.get(version.id));
    // Nobody's edits are lost from the list: every author of a removed version is named by a remaining one.
    const authorsBefore = new Set(before.flatMap((version) => version.authors.map((author) => author.id)));
    expect(new Set(after.flatMap((version) => version.authors.map((author) => author.id)))).toEqual(authorsBefore);
    // Nothing left to do.
    expect(await thinner.thin('doc')).toBe(0);
    // The next version is still computed from the head.
    await edit((text) => text.insert(0, '> '), 'user-ada');
    const next = await maker.record('doc', { kind: 'auto' });
    expect(await textOf(next!.id)).toBe(`> ${texts.get(before[0]!.id)}`);
  });

  it('runs after every automatic version the maker records', async () => {
    // Ten days on, the three versions made here share a day: the newest stays as the head, the next
    // as the day's one, and the first is folded into it.
    const later = () => new Date(Date.now() + 10 * DAY);
    const maker = new VersionMaker({ log: storage.log, history: storage.versions, thinner: new VersionThinner({ history: storage.versions, now: later }) });
    for (const word of ['a', 'b', 'c']) {
      await edit((text) => text.insert(text.length, word), 'user-ada');
      await maker.record('doc', { kind: 'auto' });
    }
    const listed = await storage.versions.list('doc');
    expect(listed.map((version) => version.number)).toEqual([3, 2]);
    expect(await textOf(listed[1]!.id)).toBe('ab');
    expect(listed[1]!.keyframe).toBe(true);
  });
});
