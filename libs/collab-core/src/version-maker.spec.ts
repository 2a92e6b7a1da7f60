import { rebuildVersion } from '@quire/history';
import { MemoryStorage } from '@quire/storage/memory';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { VersionMaker } from './version-maker';

/** Edits a shared text and appends each edit to the log, as the hub stores a client's updates. */
class Writer {
  readonly doc = new Y.Doc();

  constructor(private readonly storage: MemoryStorage, readonly userId: string) {}

  async type(text: string, at = this.doc.getText('t').length): Promise<number> {
    const updates: Uint8Array[] = [];
    const listener = (update: Uint8Array) => updates.push(update);
    this.doc.on('update', listener);
    this.doc.getText('t').insert(at, text);
    this.doc.off('update', listener);
    return (await this.storage.log.append('doc', updates, { authors: updates.map(() => this.userId) })).lastSeq;
  }
}

describe('VersionMaker', () => {
  let storage: MemoryStorage;
  let maker: VersionMaker;
  let writer: Writer;

  beforeEach(async () => {
    storage = new MemoryStorage();
    await storage.open();
    await storage.documents.create('doc');
    maker = new VersionMaker({ log: storage.log, history: storage.versions });
    writer = new Writer(storage, 'user-ada');
  });

  afterEach(() => storage.close());

  async function textOf(versionId: string): Promise<string> {
    const chain = await storage.versions.chain('doc', versionId);
    return rebuildVersion(chain!.updates).getText('t').toString();
  }

  it('records what the log holds: a keyframe first, then changes, each with its authors and the seq it covers', async () => {
    await writer.type('Hello');
    const first = await maker.record('doc', { kind: 'auto' });
    const lastSeq = await writer.type(' world');
    const second = await maker.record('doc', { kind: 'auto' });

    expect(first).toMatchObject({ number: 1, keyframe: true, kind: 'auto', authors: [{ id: 'user-ada', name: null }] });
    expect(second).toMatchObject({ number: 2, keyframe: false, throughSeq: lastSeq });
    expect(await textOf(first!.id)).toBe('Hello');
    expect(await textOf(second!.id)).toBe('Hello world');
  });

  it('records nothing when nothing changed since the newest version, or nobody ever wrote; unless forced', async () => {
    expect(await maker.record('doc', { kind: 'auto' })).toBeUndefined();
    await writer.type('Hello');
    await maker.record('doc', { kind: 'auto' });
    expect(await maker.record('doc', { kind: 'auto' })).toBeUndefined();

    const named = await maker.record('doc', { kind: 'named', name: 'As sent', createdBy: 'user-bob', force: true });

    expect(named).toMatchObject({ number: 2, kind: 'named', name: 'As sent', createdBy: 'user-bob', authors: [] });
    expect(await textOf(named!.id)).toBe('Hello');
    expect((await storage.versions.list('doc')).map((version) => version.number)).toEqual([2, 1]);
  });

  it('asks `skip` with the newest version before reading anything', async () => {
    await writer.type('Hello');
    const heads: unknown[] = [];
    expect(await maker.record('doc', { kind: 'auto', skip: (head) => (heads.push(head), true) })).toBeUndefined();
    expect(heads).toEqual([undefined]);
    expect(await storage.versions.list('doc')).toEqual([]);
  });

  it('records a given state instead of the stored one, as a keyframe when it is older than the newest version', async () => {
    await writer.type('Hello');
    const older = Y.encodeStateAsUpdate(writer.doc);
    await writer.type(' world');
    await maker.record('doc', { kind: 'auto' });

    const before = await maker.record('doc', { kind: 'before-restore', state: { update: older, throughSeq: 1 }, force: true, authors: ['user-bob'] });

    expect(before).toMatchObject({ kind: 'before-restore', keyframe: true, throughSeq: 1, authors: [{ id: 'user-bob', name: null }] });
    expect(await textOf(before!.id)).toBe('Hello');
  });

  it('starts again from the new head when another instance made the version first', async () => {
    await writer.type('Hello');
    // Both makers read the empty head before either stores: one of them must lose the compare-and-set.
    const history = storage.versions;
    let reads = 0;
    let bothRead!: () => void;
    const barrier = new Promise<void>((resolve) => (bothRead = resolve));
    const outcomes: string[] = [];
    const racing = Object.assign(Object.create(history) as typeof history, {
      head: async (id: string) => {
        const head = await history.head(id);
        if (++reads === 2) bothRead();
        if (reads <= 2) await barrier;
        return head;
      },
      create: async (id: string, version: Parameters<typeof history.create>[1]) =>
        history.create(id, version).then(
          (made) => (outcomes.push('stored'), made),
          (error: unknown) => {
            outcomes.push((error as { code?: string }).code ?? 'error');
            throw error;
          },
        ),
    });
    const auto = new VersionMaker({ log: storage.log, history: racing });
    const named = new VersionMaker({ log: storage.log, history: racing });

    const [autoVersion, namedVersion] = await Promise.all([auto.record('doc', { kind: 'auto' }), named.record('doc', { kind: 'named', name: 'Mine', force: true })]);

    expect(outcomes.filter((outcome) => outcome === 'conflict')).toHaveLength(1);
    expect(namedVersion).toBeDefined();
    const listed = await storage.versions.list('doc');
    // The auto version went first, or found the named one holding everything and recorded nothing.
    expect(listed.map((version) => version.number)).toEqual(autoVersion ? [2, 1] : [1]);
    expect(await textOf(listed[0].id)).toBe('Hello');
  });
});
