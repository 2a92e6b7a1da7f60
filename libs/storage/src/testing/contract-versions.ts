import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { UpdateLogContractContext } from './update-log-contract';
import { EditedDoc, expectRefused, expectSameBytes, restore, snapshotOf, textOf } from './helpers';
import { createDocuments } from './test-documents';
import { VersionMaker } from './version-fixtures';

/** Storing versions, listing them, and rebuilding each from its chain, whatever the log does. */
export function describeVersions({ log, documents, storage, restart }: UpdateLogContractContext): void {
  const versions = () => storage().versions;

  describe('versions', () => {
    it('has none for a new document and for an unknown one', async () => {
      await createDocuments(documents(), 'doc');
      expect(await versions().head('doc')).toBeUndefined();
      expect(await versions().list('doc')).toEqual([]);
      expect(await versions().list('unknown')).toEqual([]);
      expect(await versions().get('doc', 'no-such-version')).toBeUndefined();
      expect(await versions().chain('doc', 'no-such-version')).toBeUndefined();
      expect(await versions().rename('doc', 'no-such-version', 'Name')).toBeUndefined();
    });

    it('lists versions newest first and rebuilds each from its keyframe and the changes after it', async () => {
      await createDocuments(documents(), 'doc');
      const edited = new EditedDoc();
      const maker = new VersionMaker(edited);
      const texts: string[] = [];
      const made = [];
      for (const word of ['one', ' two', ' three', ' four']) {
        const { lastSeq } = await log().append('doc', [edited.type(word)]);
        texts.push(edited.text);
        made.push(await versions().create('doc', maker.next(lastSeq, { keyframe: word === 'one' || word === ' three' })));
      }

      const listed = await versions().list('doc');
      expect(listed.map((version) => version.number)).toEqual([4, 3, 2, 1]);
      expect(listed.map((version) => version.id)).toEqual(made.map((version) => version.id).reverse());
      expect(listed.map((version) => version.keyframe)).toEqual([false, true, false, true]);
      for (const [index, version] of made.entries()) {
        const chain = await versions().chain('doc', version.id);
        expect(chain?.version).toEqual(version);
        expect(textOf(chain!.updates), `version ${index + 1}`).toBe(texts[index]);
      }
      // A chain starts at the newest keyframe at or before the version.
      expect((await versions().chain('doc', made[3].id))?.updates).toHaveLength(2);
      expect((await versions().chain('doc', made[1].id))?.updates).toHaveLength(2);
    });

    it('keeps what it was given: kind, name, who asked, the seq it covers, its bytes', async () => {
      await createDocuments(documents(), 'doc');
      const edited = new EditedDoc();
      const { lastSeq } = await log().append('doc', [edited.type('hello')]);
      const version = new VersionMaker(edited).next(lastSeq, { kind: 'named', name: 'First draft' });
      const created = await versions().create('doc', { ...version, createdBy: 'user-ada' });

      expect(created).toMatchObject({
        id: version.id,
        documentId: 'doc',
        number: 1,
        kind: 'named',
        name: 'First draft',
        createdBy: 'user-ada',
        throughSeq: lastSeq,
        keyframe: true,
        byteLength: version.data.byteLength,
      });
      expect(created.createdAt).toBeInstanceOf(Date);
      expect(Math.abs(created.createdAt.getTime() - Date.now())).toBeLessThan(60_000);
      expect(await versions().get('doc', version.id)).toEqual(created);
      expectSameBytes((await versions().chain('doc', version.id))!.updates, [version.data]);
    });

    it('keeps which version a restore restored, null for every other version, and refuses it on another kind', async () => {
      await createDocuments(documents(), 'doc');
      const edited = new EditedDoc();
      const maker = new VersionMaker(edited);
      const first = await versions().create('doc', maker.next((await log().append('doc', [edited.type('a')])).lastSeq));
      expect(first.restoredFrom).toBeNull();
      const { lastSeq } = await log().append('doc', [edited.type('b')]);
      await expectRefused(versions().create('doc', { ...maker.next(lastSeq, { number: 2 }), restoredFrom: first.id }), 'invalid-argument');
      await expectRefused(versions().create('doc', { ...maker.next(lastSeq, { kind: 'restore', number: 2 }), restoredFrom: '' }), 'invalid-argument');
      const restore = await versions().create('doc', { ...maker.next(lastSeq, { kind: 'restore', number: 2 }), restoredFrom: first.id });

      expect(restore).toMatchObject({ kind: 'restore', restoredFrom: first.id });
      expect(await versions().get('doc', restore.id)).toEqual(restore);
      expect((await versions().list('doc')).map((version) => version.restoredFrom)).toEqual([first.id, null]);
      expect((await versions().chain('doc', restore.id))?.version.restoredFrom).toBe(first.id);
    });

    describe('thinning (fold)', () => {
      /** Four automatic versions of "a", "ab", "abc", "abcd", the second by Grace, the third by Ada. */
      async function fourVersions() {
        await createDocuments(documents(), 'doc');
        const edited = new EditedDoc();
        const maker = new VersionMaker(edited);
        const made = [];
        for (const [word, authors] of [['a'], ['b', ['user-grace']], ['c', ['user-ada']], ['d']] as const) {
          const { lastSeq } = await log().append('doc', [edited.type(word)]);
          made.push(await versions().create('doc', maker.next(lastSeq, authors ? { authors: [...authors] } : {})));
        }
        return made;
      }
      /** The change that takes the state of `from` (or nothing) to that of `to`. */
      async function changeBetween(from: string | null, to: string): Promise<Uint8Array> {
        const target = restore((await versions().chain('doc', to))!.updates);
        if (!from) return Y.encodeStateAsUpdate(target);
        return Y.encodeStateAsUpdate(target, Y.encodeStateVector(restore((await versions().chain('doc', from))!.updates)));
      }

      it('removes an automatic version: the next one holds the same content as a change from the one before, with both authors', async () => {
        const [v1, v2, v3, v4] = await fourVersions();
        const headBefore = await versions().head('doc');
        const data = await changeBetween(v1.id, v3.id);

        expect(await versions().fold('doc', { versionId: v2.id, previousId: v1.id, nextId: v3.id, data, keyframe: false })).toBe(true);

        const listed = await versions().list('doc');
        expect(listed.map((version) => version.id)).toEqual([v4.id, v3.id, v1.id]);
        expect(listed[1].authors.map((author) => author.id)).toEqual(['user-ada', 'user-grace']);
        expect(listed[1]).toMatchObject({ number: 3, kind: 'auto', keyframe: false, byteLength: data.byteLength, throughSeq: v3.throughSeq });
        for (const [version, text] of [[v1, 'a'], [v3, 'abc'], [v4, 'abcd']] as const) {
          expect(textOf((await versions().chain('doc', version.id))!.updates), version.id).toBe(text);
        }
        expect(await versions().get('doc', v2.id)).toBeUndefined();
        // The newest keeps the state the next version is computed from; its chain is shorter.
        const head = await versions().head('doc');
        expectSameBytes([head!.state], [headBefore!.state]);
        expect(head!.chainBytes).toBe(v1.byteLength + data.byteLength + v4.byteLength);
        // Folded already: nothing to do.
        expect(await versions().fold('doc', { versionId: v2.id, previousId: v1.id, nextId: v3.id, data, keyframe: false })).toBe(false);
      });

      it('folds the first version into the next, which becomes a keyframe', async () => {
        const [v1, v2, v3] = await fourVersions();
        const data = await changeBetween(null, v2.id);
        await expectRefused(versions().fold('doc', { versionId: v1.id, previousId: null, nextId: v2.id, data, keyframe: false }), 'invalid-argument');
        expect(await versions().fold('doc', { versionId: v1.id, previousId: null, nextId: v2.id, data, keyframe: true })).toBe(true);
        expect((await versions().list('doc')).map((version) => version.number)).toEqual([4, 3, 2]);
        expect((await versions().get('doc', v2.id))?.keyframe).toBe(true);
        expect(textOf((await versions().chain('doc', v3.id))!.updates)).toBe('abc');
        expect((await versions().chain('doc', v3.id))!.updates).toHaveLength(2);
      });

      it('refuses the newest version, a named one and neighbours that changed, and changes nothing', async () => {
        const [v1, v2, v3, v4] = await fourVersions();
        await versions().rename('doc', v3.id, 'Kept');
        const data = await changeBetween(v1.id, v3.id);
        await expectRefused(versions().fold('doc', { versionId: v4.id, previousId: v3.id, nextId: v4.id, data, keyframe: false }), 'invalid-argument');
        await expectRefused(versions().fold('doc', { versionId: v3.id, previousId: v2.id, nextId: v4.id, data, keyframe: false }), 'invalid-argument');
        await expectRefused(versions().fold('doc', { versionId: v2.id, previousId: null, nextId: v3.id, data, keyframe: false }), 'conflict');
        await expectRefused(versions().fold('doc', { versionId: v2.id, previousId: v1.id, nextId: v4.id, data, keyframe: false }), 'conflict');
        await expectRefused(versions().fold('doc', { versionId: v2.id, previousId: v1.id, nextId: v3.id, data: new Uint8Array(), keyframe: false }), 'invalid-argument');
        expect((await versions().list('doc')).map((version) => version.id)).toEqual([v4.id, v3.id, v2.id, v1.id]);
        expect(textOf((await versions().chain('doc', v4.id))!.updates)).toBe('abcd');
      });
    });

    it('gives the head with its state and the bytes of its chain; older versions no longer hold a state', async () => {
      await createDocuments(documents(), 'doc');
      const edited = new EditedDoc();
      const maker = new VersionMaker(edited);
      const first = maker.next((await log().append('doc', [edited.type('a')])).lastSeq);
      await versions().create('doc', first);
      const second = maker.next((await log().append('doc', [edited.type('b')])).lastSeq);
      await versions().create('doc', second);

      const head = await versions().head('doc');
      expect(head).toMatchObject({ id: second.id, number: 2, throughSeq: second.throughSeq, chainBytes: first.data.byteLength + second.data.byteLength });
      expectSameBytes([head!.state], [second.state]);
      expect(Y.equalSnapshots(Y.decodeSnapshot(head!.state), Y.snapshot(edited.doc))).toBe(true);
    });

    it('refuses a version number that is not the head’s plus one, a first version that is a change, and an unknown document', async () => {
      await createDocuments(documents(), 'doc');
      const edited = new EditedDoc();
      const maker = new VersionMaker(edited);
      const { lastSeq } = await log().append('doc', [edited.type('a')]);
      const first = maker.next(lastSeq);
      await expectRefused(versions().create('doc', { ...first, keyframe: false }), 'invalid-argument');
      await expectRefused(versions().create('doc', { ...first, number: 2 }), 'conflict');
      await versions().create('doc', first);
      await expectRefused(versions().create('doc', { ...maker.next(lastSeq), number: 1 }), 'conflict');
      await expectRefused(versions().create('doc', { ...maker.next(lastSeq), number: 3 }), 'conflict');
      await expectRefused(versions().create('unknown', new VersionMaker(edited).next(0)), 'no-such-document');
      await expectRefused(versions().create('doc', { ...maker.next(lastSeq), number: 0 }), 'invalid-argument');
      await expectRefused(versions().create('doc', { ...maker.next(lastSeq), number: 2, data: new Uint8Array() }), 'invalid-argument');

      expect((await versions().list('doc')).map((version) => version.id)).toEqual([first.id]);
    });

    it('lets exactly one of two versions made from the same head through', async () => {
      await createDocuments(documents(), 'doc');
      const edited = new EditedDoc();
      const { lastSeq } = await log().append('doc', [edited.type('a')]);
      await versions().create('doc', new VersionMaker(edited).next(lastSeq));
      const racers = [new VersionMaker(edited).next(lastSeq, { number: 2, keyframe: true }), new VersionMaker(edited).next(lastSeq, { number: 2, keyframe: true })];

      const outcomes = await Promise.allSettled(racers.map((version) => versions().create('doc', version)));

      expect(outcomes.filter((outcome) => outcome.status === 'fulfilled')).toHaveLength(1);
      const refused = outcomes.find((outcome) => outcome.status === 'rejected') as PromiseRejectedResult;
      expect(refused.reason).toMatchObject({ code: 'conflict' });
      expect((await versions().list('doc')).map((version) => version.number)).toEqual([2, 1]);
    });

    it('names a version: an automatic one becomes named, other kinds keep theirs; another document’s version is unknown', async () => {
      await createDocuments(documents(), 'doc', 'other');
      const edited = new EditedDoc();
      const maker = new VersionMaker(edited);
      const { lastSeq } = await log().append('doc', [edited.type('a')]);
      const auto = await versions().create('doc', maker.next(lastSeq));
      const restore = await versions().create('doc', maker.next(lastSeq, { kind: 'restore' }));

      expect(await versions().rename('doc', auto.id, 'Kept')).toMatchObject({ id: auto.id, kind: 'named', name: 'Kept' });
      expect(await versions().rename('doc', restore.id, 'Back')).toMatchObject({ kind: 'restore', name: 'Back' });
      expect(await versions().rename('other', auto.id, 'Stolen')).toBeUndefined();
      expect(await versions().get('other', auto.id)).toBeUndefined();
      expect(await versions().chain('other', auto.id)).toBeUndefined();
      expect(await versions().get('doc', auto.id)).toMatchObject({ name: 'Kept', kind: 'named' });
    });

    it('survives compaction of the log: every version still rebuilds, the head is unchanged', async () => {
      await createDocuments(documents(), 'doc');
      const edited = new EditedDoc();
      const maker = new VersionMaker(edited);
      const made: { id: string; text: string }[] = [];
      for (const word of ['alpha', ' beta', ' gamma']) {
        const { lastSeq } = await log().append('doc', [edited.type(word), edited.erase(0, 1)]);
        made.push({ id: (await versions().create('doc', maker.next(lastSeq))).id, text: edited.text });
      }
      const head = await versions().head('doc');
      const stored = await log().load('doc');
      await log().compact('doc', snapshotOf(stored.updates), stored.lastSeq);
      await log().append('doc', [edited.type(' delta')]);

      for (const { id, text } of made) expect(textOf((await versions().chain('doc', id))!.updates)).toBe(text);
      expect(await versions().head('doc')).toEqual(head);
      expect(textOf((await log().load('doc')).updates)).toBe(edited.text);
    });

    it('orders numbers as numbers past 9 and 99', async () => {
      await createDocuments(documents(), 'doc');
      const edited = new EditedDoc();
      const maker = new VersionMaker(edited);
      for (let index = 0; index < 105; index++) {
        const { lastSeq } = await log().append('doc', [edited.type(String(index % 10))]);
        await versions().create('doc', maker.next(lastSeq, { keyframe: index % 50 === 0 }));
      }
      const listed = await versions().list('doc');
      expect(listed.map((version) => version.number)).toEqual(Array.from({ length: 105 }, (_, index) => 105 - index));
      expect(textOf((await versions().chain('doc', listed[0].id))!.updates)).toBe(edited.text);
      expect((await versions().chain('doc', listed[0].id))!.updates).toHaveLength(5);
    });

    it('finds every version again after a restart', async () => {
      await createDocuments(documents(), 'doc');
      const edited = new EditedDoc();
      const maker = new VersionMaker(edited);
      for (const word of ['a', 'b']) await versions().create('doc', maker.next((await log().append('doc', [edited.type(word)])).lastSeq));
      const listed = await versions().list('doc');
      const head = await versions().head('doc');

      const reopened = await restart();

      expect(await reopened.versions.list('doc')).toEqual(listed);
      expect(await reopened.versions.head('doc')).toEqual(head);
      expect(textOf((await reopened.versions.chain('doc', listed[0].id))!.updates)).toBe('ab');
    });
  });
}
