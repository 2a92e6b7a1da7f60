import { describe, expect, it } from 'vitest';
import type { VersionInfo } from '../version-history';
import type { UpdateLogContractContext } from './update-log-contract';
import { EditedDoc, expectRefused, snapshotOf } from './helpers';
import { createDocuments } from './test-documents';
import { VersionMaker } from './version-fixtures';

/** Who a version lists as its authors: the users whose updates it holds since the version before it. */
export function describeVersionAuthors({ log, documents, storage }: UpdateLogContractContext): void {
  const versions = () => storage().versions;
  /** A user id, with an account named after it where the storage has accounts. */
  const user = async (name: string) => (await storage().addUser?.(name)) ?? `user-${name}`;
  const named = (id: string) => ({ id, name: storage().addUser ? id.charAt(5).toUpperCase() + id.slice(6) : null });
  const authorsOf = (version: VersionInfo | undefined) => version?.authors;

  describe('version authors', () => {
    it('lists the users who appended since the previous version, with their names, and only those', async () => {
      await createDocuments(documents(), 'doc');
      const [ada, bob, cid] = [await user('ada'), await user('bob'), await user('cid')];
      const edited = new EditedDoc();
      const maker = new VersionMaker(edited);
      await log().append('doc', [edited.type('a'), edited.type('b'), edited.type('c')], { authors: [bob, ada, undefined] });
      const { lastSeq } = await log().append('doc', [edited.type('d')], { authors: [bob] });
      const first = await versions().create('doc', maker.next(lastSeq));
      const second = await versions().create('doc', maker.next((await log().append('doc', [edited.type('e')], { authors: [cid] })).lastSeq));
      const third = await versions().create('doc', maker.next((await log().load('doc')).lastSeq));

      expect(first.authors).toEqual([named(ada), named(bob)]);
      expect(second.authors).toEqual([named(cid)]);
      expect(third.authors).toEqual([]);
      expect((await versions().list('doc')).map(authorsOf)).toEqual([[], [named(cid)], [named(ada), named(bob)]]);
      expect(authorsOf(await versions().get('doc', first.id))).toEqual([named(ada), named(bob)]);
    });

    it('leaves edits appended after the seq a version covers to the next version, also for an author on both sides', async () => {
      await createDocuments(documents(), 'doc');
      const [ada, bob] = [await user('ada'), await user('bob')];
      const edited = new EditedDoc();
      const maker = new VersionMaker(edited);
      const covered = await log().append('doc', [edited.type('a')], { authors: [ada] });
      const version = maker.next(covered.lastSeq);
      // Appended after the version's content was read, before it was stored.
      await log().append('doc', [edited.type('b'), edited.type('c')], { authors: [ada, bob] });

      expect((await versions().create('doc', version)).authors).toEqual([named(ada)]);
      const next = await versions().create('doc', maker.next((await log().load('doc')).lastSeq));
      expect(next.authors).toEqual([named(ada), named(bob)]);
    });

    it('takes explicit authors as given, and still covers every row through its seq', async () => {
      await createDocuments(documents(), 'doc');
      const [ada, bob] = [await user('ada'), await user('bob')];
      const edited = new EditedDoc();
      const maker = new VersionMaker(edited);
      const { lastSeq } = await log().append('doc', [edited.type('a'), edited.type('b')], { authors: [ada, bob] });

      const restore = await versions().create('doc', maker.next(lastSeq, { kind: 'restore', authors: [bob] }));
      const unchanged = await versions().create('doc', maker.next(lastSeq));
      const later = await versions().create('doc', maker.next((await log().append('doc', [edited.type('c')], { authors: [ada] })).lastSeq));

      expect(restore.authors).toEqual([named(bob)]);
      expect(unchanged.authors).toEqual([]);
      expect(later.authors).toEqual([named(ada)]);
    });

    it('keeps authors through compaction of the log', async () => {
      await createDocuments(documents(), 'doc');
      const [ada, bob] = [await user('ada'), await user('bob')];
      const edited = new EditedDoc();
      await log().append('doc', [edited.type('a')], { authors: [ada] });
      await log().append('doc', [edited.type('b')], { authors: [bob] });
      const stored = await log().load('doc');
      await log().compact('doc', snapshotOf(stored.updates), stored.lastSeq);

      expect((await versions().create('doc', new VersionMaker(edited).next(stored.lastSeq))).authors).toEqual([named(ada), named(bob)]);
    });

    it('does not name again, after a compaction, the authors of edits an earlier version holds', async () => {
      await createDocuments(documents(), 'doc');
      const [ada, bob] = [await user('ada'), await user('bob')];
      const edited = new EditedDoc();
      const maker = new VersionMaker(edited);
      const first = await versions().create('doc', maker.next((await log().append('doc', [edited.type('a')], { authors: [ada] })).lastSeq));
      await log().append('doc', [edited.type('b')], { authors: [bob] });
      const stored = await log().load('doc');
      await log().compact('doc', snapshotOf(stored.updates), stored.lastSeq);

      expect(first.authors).toEqual([named(ada)]);
      expect((await versions().create('doc', maker.next(stored.lastSeq))).authors).toEqual([named(bob)]);
    });

    it('records which user each Yjs client id wrote for, once per pair', async () => {
      await createDocuments(documents(), 'doc', 'other');
      const [ada, bob] = [await user('ada'), await user('bob')];
      const edited = new EditedDoc();
      await log().append('doc', [edited.type('a')], { authors: [ada], clients: [{ clientId: 7, userId: ada }, { clientId: 3_000_000_000, userId: bob }] });
      await log().append('doc', [edited.type('b')], { authors: [ada], clients: [{ clientId: 7, userId: ada }, { clientId: 7, userId: bob }] });

      expect(await versions().clients('doc')).toEqual([
        { clientId: 7, userId: ada },
        { clientId: 7, userId: bob },
        { clientId: 3_000_000_000, userId: bob },
      ]);
      expect(await versions().clients('other')).toEqual([]);
    });

    it('refuses authorship that does not line up with the updates, and stores nothing of the append', async () => {
      await createDocuments(documents(), 'doc');
      const edited = new EditedDoc();
      await expectRefused(log().append('doc', [edited.type('a')], { authors: ['user-ada', 'user-bob'] }), 'invalid-argument');
      await expectRefused(log().append('doc', [edited.type('b')], { clients: [{ clientId: -1, userId: 'user-ada' }] }), 'invalid-argument');
      expect((await log().load('doc')).updates).toEqual([]);
    });
  });
}
