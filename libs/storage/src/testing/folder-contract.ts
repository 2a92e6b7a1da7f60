import type { Role, ShareRole } from '@quire/api-contract';
import { describe, expect, it } from 'vitest';
import type { FolderStore } from '../folder-store';
import { StorageError } from '../storage-error';
import { useContractStorage } from './contract-lifecycle-hooks';

interface FolderStorage {
  readonly folders: FolderStore;
  open(): Promise<void>;
  close(): Promise<void>;
}

/** What a folder contract factory provides for one test: storage over an empty database, and ways to seed and read it. */
export interface FolderFixture {
  /** Not yet opened: the suite opens it. */
  readonly storage: FolderStorage;
  readonly addPerson: (id: string, name: string) => Promise<void>;
  /** Makes a document owned by `ownerId`. */
  readonly addDocument: (id: string, ownerId: string, title: string) => Promise<void>;
  /** Gives a person their own membership of a document. */
  readonly addMember: (documentId: string, userId: string, role: ShareRole) => Promise<void>;
  /** The person's effective role on the document (SQL: the directory's `getRole`). */
  readonly roleOf: (documentId: string, userId: string) => Promise<Role | undefined>;
  readonly cleanup?: () => Promise<void>;
}

/**
 * Registers the tests every {@link FolderStore} adapter must pass, under `describe(name)`.
 * `makeFixture` is called before each test and must give storage no other test sees.
 */
export function describeFolderContract(name: string, makeFixture: () => Promise<FolderFixture>): void {
  describe(name, () => {
    const state = useContractStorage<FolderStorage, FolderFixture>(makeFixture);
    const folders = () => state.current!.folders;
    const fixture = () => state.fixture!;
    const folder = (id: string, parentId: string | null = null, ownerId = 'user-ada') => folders().createFolder({ id, ownerId, parentId, name: id.toUpperCase() });

    /** Ada owns folders top > middle > bottom and documents doc-top, doc-bottom, doc-loose; Bob and Cy have accounts. */
    async function seed() {
      await fixture().addPerson('user-ada', 'Ada');
      await fixture().addPerson('user-bob', 'Bob');
      await fixture().addPerson('user-cy', 'Cy');
      await folder('top');
      await folder('middle', 'top');
      await folder('bottom', 'middle');
      for (const id of ['doc-top', 'doc-bottom', 'doc-loose']) await fixture().addDocument(id, 'user-ada', id);
      await folders().setDocumentFolder('doc-top', 'top');
      await folders().setDocumentFolder('doc-bottom', 'bottom');
    }

    it('creates nested folders of one owner and refuses a parent of another owner or an unknown owner', async () => {
      await seed();
      expect(await folders().getFolder('middle')).toEqual({ id: 'middle', ownerId: 'user-ada', parentId: 'top', name: 'MIDDLE', createdAt: expect.any(Date), updatedAt: expect.any(Date) });
      await expect(folder('bobs', 'top', 'user-bob')).rejects.toMatchObject({ code: 'invalid-argument' });
      await expect(folder('nobodys', null, 'user-nobody')).rejects.toBeInstanceOf(StorageError);
      expect(await folders().getFolder('bobs')).toBeUndefined();
      expect((await folders().listFolders('user-ada')).map((listed) => [listed.id, listed.role])).toEqual([
        ['bottom', 'owner'],
        ['middle', 'owner'],
        ['top', 'owner'],
      ]);
      expect(await folders().listFolders('user-bob')).toEqual([]);
    });

    it('gives a folder member the folder’s role on every document under it, nested folders included', async () => {
      await seed();
      expect(await fixture().roleOf('doc-bottom', 'user-bob')).toBeUndefined();
      await folders().setFolderMember('middle', 'user-bob', 'viewer');
      expect(await fixture().roleOf('doc-bottom', 'user-bob')).toBe('viewer');
      expect(await fixture().roleOf('doc-top', 'user-bob')).toBeUndefined();
      expect(await fixture().roleOf('doc-loose', 'user-bob')).toBeUndefined();
      expect(await folders().folderRole('bottom', 'user-bob')).toBe('viewer');
      expect(await folders().folderRole('top', 'user-bob')).toBeUndefined();
      expect((await folders().listFolders('user-bob')).map((listed) => [listed.id, listed.role])).toEqual([
        ['bottom', 'viewer'],
        ['middle', 'viewer'],
      ]);
      expect((await folders().listFolderDocuments('bottom', 'user-bob')).map((document) => [document.id, document.role, document.owner?.id])).toEqual([
        ['doc-bottom', 'viewer', 'user-ada'],
      ]);
      expect(await folders().listFolderDocuments('top', 'user-bob')).toEqual([]);
      expect(await folders().listFolderMembers('middle')).toEqual([{ userId: 'user-bob', name: 'Bob', email: expect.any(String), role: 'viewer', addedAt: expect.any(Date) }]);
    });

    it('takes the highest of a person’s own membership and their folders’ above the document', async () => {
      await seed();
      await folders().setFolderMember('top', 'user-bob', 'viewer');
      await folders().setFolderMember('bottom', 'user-bob', 'commenter');
      expect(await fixture().roleOf('doc-bottom', 'user-bob')).toBe('commenter');
      await fixture().addMember('doc-bottom', 'user-bob', 'editor');
      expect(await fixture().roleOf('doc-bottom', 'user-bob')).toBe('editor');
      await folders().setFolderMember('top', 'user-cy', 'editor');
      await fixture().addMember('doc-bottom', 'user-cy', 'viewer');
      expect(await fixture().roleOf('doc-bottom', 'user-cy')).toBe('editor');
      expect(await fixture().roleOf('doc-bottom', 'user-ada')).toBe('owner');
    });

    it('stops inheriting at once when the member is removed or the document moves out', async () => {
      await seed();
      await folders().setFolderMember('top', 'user-bob', 'editor');
      expect(await fixture().roleOf('doc-bottom', 'user-bob')).toBe('editor');
      expect(await folders().setDocumentFolder('doc-bottom', null)).toBe(true);
      expect(await fixture().roleOf('doc-bottom', 'user-bob')).toBeUndefined();
      expect(await folders().folderPath('doc-bottom')).toEqual([]);
      expect(await fixture().roleOf('doc-top', 'user-bob')).toBe('editor');
      expect(await folders().removeFolderMember('top', 'user-bob')).toBe(true);
      expect(await folders().removeFolderMember('top', 'user-bob')).toBe(false);
      expect(await fixture().roleOf('doc-top', 'user-bob')).toBeUndefined();
      expect(await folders().setDocumentFolder('doc-nothing', 'top')).toBe(false);
      await expect(folders().setDocumentFolder('doc-top', 'no-folder')).rejects.toMatchObject({ code: 'invalid-argument' });
    });

    it('gives a document’s folder path, the top-level folder first', async () => {
      await seed();
      expect((await folders().folderPath('doc-bottom')).map((listed) => listed.name)).toEqual(['TOP', 'MIDDLE', 'BOTTOM']);
      expect((await folders().folderPath('doc-top')).map((listed) => listed.id)).toEqual(['top']);
      expect(await folders().folderPath('doc-loose')).toEqual([]);
      expect(await folders().documentsUnder('top')).toEqual(['doc-bottom', 'doc-top']);
      expect(await folders().documentsUnder('middle')).toEqual(['doc-bottom']);
    });

    it('renames and moves folders, refusing a move into the folder’s own subtree or another owner’s folder', async () => {
      await seed();
      expect(await folders().renameFolder('middle', 'Plans')).toBe(true);
      expect((await folders().getFolder('middle'))?.name).toBe('Plans');
      expect(await folders().renameFolder('nothing', 'x')).toBe(false);
      await expect(folders().moveFolder('top', 'bottom')).rejects.toMatchObject({ code: 'invalid-argument' });
      await expect(folders().moveFolder('middle', 'middle')).rejects.toMatchObject({ code: 'invalid-argument' });
      await folders().createFolder({ id: 'bobs', ownerId: 'user-bob', parentId: null, name: 'Bob’s' });
      await expect(folders().moveFolder('middle', 'bobs')).rejects.toMatchObject({ code: 'invalid-argument' });
      expect((await folders().getFolder('top'))?.parentId).toBeNull();
      expect(await folders().moveFolder('bottom', null)).toBe(true);
      expect((await folders().folderPath('doc-bottom')).map((listed) => listed.id)).toEqual(['bottom']);
      expect(await folders().moveFolder('top', 'bottom')).toBe(true);
      expect((await folders().folderPath('doc-top')).map((listed) => listed.id)).toEqual(['bottom', 'top']);
      expect(await folders().moveFolder('nothing', null)).toBe(false);
    });

    it('moving a folder moves what it shares: members of its old parent lose it, of its new parent gain it', async () => {
      await seed();
      await folders().setFolderMember('middle', 'user-bob', 'editor');
      await folders().createFolder({ id: 'other', ownerId: 'user-ada', parentId: null, name: 'Other' });
      await folders().moveFolder('bottom', 'other');
      expect(await fixture().roleOf('doc-bottom', 'user-bob')).toBeUndefined();
      await folders().setFolderMember('other', 'user-cy', 'viewer');
      expect(await fixture().roleOf('doc-bottom', 'user-cy')).toBe('viewer');
    });

    it('deletes a folder with the folders under it, and puts their documents back at the top level', async () => {
      await seed();
      await folders().setFolderMember('middle', 'user-bob', 'editor');
      expect(await folders().deleteFolder('middle')).toEqual(['doc-bottom']);
      expect(await folders().getFolder('middle')).toBeUndefined();
      expect(await folders().getFolder('bottom')).toBeUndefined();
      expect(await folders().getFolder('top')).toBeDefined();
      expect(await folders().folderPath('doc-bottom')).toEqual([]);
      expect(await fixture().roleOf('doc-bottom', 'user-ada')).toBe('owner');
      expect(await fixture().roleOf('doc-bottom', 'user-bob')).toBeUndefined();
      expect(await folders().listFolders('user-bob')).toEqual([]);
      expect(await folders().deleteFolder('middle')).toBeUndefined();
    });

    it('refuses a member with an owner role, an unknown account or folder', async () => {
      await seed();
      await expect(folders().setFolderMember('top', 'user-bob', 'owner' as ShareRole)).rejects.toMatchObject({ code: 'invalid-argument' });
      await expect(folders().setFolderMember('top', 'user-nobody', 'viewer')).rejects.toMatchObject({ code: 'invalid-argument' });
      await expect(folders().setFolderMember('nothing', 'user-bob', 'viewer')).rejects.toMatchObject({ code: 'invalid-argument' });
      await folders().setFolderMember('top', 'user-bob', 'viewer');
      await folders().setFolderMember('top', 'user-bob', 'editor');
      expect((await folders().listFolderMembers('top')).map((member) => member.role)).toEqual(['editor']);
    });
  });
}
