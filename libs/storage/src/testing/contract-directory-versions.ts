import { describe, expect, it } from 'vitest';
import type { DirectoryContractContext } from './directory-contract';
import { newUser } from './directory-fixtures';
import { EditedDoc, textOf } from './helpers';
import { VersionMaker } from './version-fixtures';

/** Versions as the directory's documents decide about them, and across instances on one database. */
export function describeDocumentVersions({ directory, log, storage, another }: DirectoryContractContext): void {
  async function versionedDocument(id: string, edited = new EditedDoc()): Promise<VersionMaker> {
    if (!(await directory().getUser('user-ada'))) await directory().createUser(newUser('ada'));
    await directory().createOwnedDocument(id, 'user-ada');
    const maker = new VersionMaker(edited);
    const { lastSeq } = await log().append(id, [edited.type(id)], { authors: ['user-ada'], clients: [{ clientId: 1, userId: 'user-ada' }] });
    await storage().versions.create(id, maker.next(lastSeq));
    return maker;
  }

  describe('versions of documents', () => {
    it('deleting a document deletes its versions, its edit records and its client ids, and nothing of other documents', async () => {
      await versionedDocument('doc');
      await versionedDocument('kept');
      await log().append('doc', [new EditedDoc().type('x')], { authors: ['user-ada'] });

      expect(await directory().deleteDocument('doc')).toBe(true);

      expect(await storage().versions.list('doc')).toEqual([]);
      expect(await storage().versions.head('doc')).toBeUndefined();
      expect(await storage().versions.clients('doc')).toEqual([]);
      // Created again, the id starts with no history and no authors left over.
      await directory().createOwnedDocument('doc', 'user-ada');
      const edited = new EditedDoc();
      const { lastSeq } = await log().append('doc', [edited.type('new')]);
      expect((await storage().versions.create('doc', new VersionMaker(edited).next(lastSeq))).authors).toEqual([]);
      expect(await storage().versions.list('kept')).toHaveLength(1);
      expect(await storage().versions.clients('kept')).toEqual([{ clientId: 1, userId: 'user-ada' }]);
    });

    it('a version made by one instance is listed and rebuilt by another', async () => {
      const edited = new EditedDoc();
      const maker = await versionedDocument('doc', edited);
      const second = await another();
      const { lastSeq } = await second.log.append('doc', [edited.type(' more')], { authors: ['user-ada'] });
      const made = await second.versions.create('doc', maker.next(lastSeq));

      expect((await storage().versions.list('doc')).map((version) => version.id)).toEqual([made.id, expect.any(String)]);
      expect(textOf((await storage().versions.chain('doc', made.id))!.updates)).toBe('doc more');
      expect((await storage().versions.head('doc'))?.id).toBe(made.id);
    });

    it('of two instances making the same version at once, exactly one succeeds', async () => {
      const edited = new EditedDoc();
      await versionedDocument('doc', edited);
      const second = await another();
      const { lastSeq } = await log().append('doc', [edited.type(' more')]);
      const racers = [new VersionMaker(edited).next(lastSeq, { number: 2 }), new VersionMaker(edited).next(lastSeq, { number: 2 })];

      const outcomes = await Promise.allSettled([storage().versions.create('doc', racers[0]), second.versions.create('doc', racers[1])]);

      expect(outcomes.map((outcome) => outcome.status).sort()).toEqual(['fulfilled', 'rejected']);
      expect((outcomes.find((outcome) => outcome.status === 'rejected') as PromiseRejectedResult).reason).toMatchObject({ code: 'conflict' });
      expect((await second.versions.list('doc')).map((version) => version.number)).toEqual([2, 1]);
    });
  });
}
