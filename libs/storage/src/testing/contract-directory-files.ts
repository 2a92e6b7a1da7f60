import { describe, expect, it } from 'vitest';
import type { NewStoredFile } from '../files';
import type { DirectoryContractContext } from './directory-contract';
import { newUser } from './directory-fixtures';
import { clockTick, expectRefused } from './helpers';

/** Uploaded files' records: added to a document, found, left unreferenced by its deletion, then forgotten. */
export function describeFiles({ directory, another }: DirectoryContractContext): void {
  const file = (id: string, overrides: Partial<NewStoredFile> = {}): NewStoredFile => ({
    id,
    documentId: 'doc',
    uploaderId: 'user-bob',
    name: `${id}.png`,
    contentType: 'image/png',
    bytes: 1234,
    ...overrides,
  });

  async function adaOwnsDocs(...ids: string[]): Promise<void> {
    await directory().createUser(newUser('ada'));
    await directory().createUser(newUser('bob'));
    for (const id of ids) await directory().createOwnedDocument(id, 'user-ada', id);
  }

  describe('files', () => {
    it('records a file of a document and gives it back, to another instance too', async () => {
      await adaOwnsDocs('doc');
      const before = Date.now();
      const added = await directory().addFile(file('f1', { name: 'Café menu.png', bytes: 26 * 1024 * 1024 * 1024 }));
      expect(added).toEqual({
        id: 'f1',
        documentId: 'doc',
        uploaderId: 'user-bob',
        name: 'Café menu.png',
        contentType: 'image/png',
        bytes: 26 * 1024 * 1024 * 1024,
        createdAt: added.createdAt,
      });
      expect(added.createdAt.getTime()).toBeGreaterThanOrEqual(before - 1000);
      expect(await directory().getFile('f1')).toEqual(added);
      expect(await (await another()).directory.getFile('f1')).toEqual(added);
      expect(await directory().getFile('missing')).toBeUndefined();
    });

    it('refuses a file of a missing document, of an unknown uploader, with a taken id or an empty field', async () => {
      await adaOwnsDocs('doc');
      await expectRefused(directory().addFile(file('f1', { documentId: 'missing' })), 'no-such-document');
      await expectRefused(directory().addFile(file('f1', { uploaderId: 'user-nobody' })), 'invalid-argument');
      await directory().addFile(file('f1'));
      await expectRefused(directory().addFile(file('f1')), 'conflict');
      await expectRefused(directory().addFile(file('f2', { name: '' })), 'invalid-argument');
      await expectRefused(directory().addFile(file('f2', { contentType: '' })), 'invalid-argument');
      await expectRefused(directory().addFile(file('f2', { bytes: -1 })), 'invalid-argument');
      await expectRefused(directory().addFile(file('f2', { bytes: 1.5 })), 'invalid-argument');
      expect(await directory().getFile('f2')).toBeUndefined();
    });

    it('keeps a file referenced while its document exists; deleting the document leaves its files unreferenced, oldest first', async () => {
      await adaOwnsDocs('doc', 'kept');
      await directory().addFile(file('old'));
      await clockTick();
      await directory().addFile(file('new'));
      await directory().addFile(file('other', { documentId: 'kept' }));
      expect(await directory().listUnreferencedFiles(10)).toEqual([]);
      expect(await directory().forgetUnreferencedFile('old')).toBe(false);

      expect(await directory().deleteDocument('doc')).toBe(true);

      const unreferenced = await directory().listUnreferencedFiles(10);
      expect(unreferenced.map(({ id }) => id)).toEqual(['old', 'new']);
      expect(unreferenced[0]).toMatchObject({ documentId: null, uploaderId: 'user-bob', name: 'old.png', contentType: 'image/png', bytes: 1234 });
      expect((await directory().getFile('old'))?.documentId).toBeNull();
      expect((await directory().getFile('other'))?.documentId).toBe('kept');
      expect((await directory().listUnreferencedFiles(1)).map(({ id }) => id)).toEqual(['old']);
      expect(await directory().listUnreferencedFiles(0)).toEqual([]);
      await expectRefused(directory().listUnreferencedFiles(-1), 'invalid-argument');
    });

    it('a document created again with the same id does not take the old files back', async () => {
      await adaOwnsDocs('doc');
      await directory().addFile(file('f1'));
      await directory().deleteDocument('doc');
      await directory().createOwnedDocument('doc', 'user-ada', 'Again');
      expect((await directory().getFile('f1'))?.documentId).toBeNull();
      expect((await directory().listUnreferencedFiles(10)).map(({ id }) => id)).toEqual(['f1']);
    });

    it('forgets an unreferenced file once, from any instance, and never a referenced one', async () => {
      await adaOwnsDocs('doc', 'kept');
      await directory().addFile(file('gone'));
      await directory().addFile(file('stays', { documentId: 'kept' }));
      await directory().deleteDocument('doc');
      const other = (await another()).directory;

      expect(await other.forgetUnreferencedFile('gone')).toBe(true);
      expect(await directory().forgetUnreferencedFile('gone')).toBe(false);
      expect(await directory().forgetUnreferencedFile('stays')).toBe(false);
      expect(await directory().forgetUnreferencedFile('missing')).toBe(false);
      expect(await directory().getFile('gone')).toBeUndefined();
      expect((await directory().getFile('stays'))?.documentId).toBe('kept');
      expect(await directory().listUnreferencedFiles(10)).toEqual([]);
    });
  });
}
