import { describe, expect, it } from 'vitest';
import type { MemberDocument } from '../directory-records';
import type { PageRequest } from '../page';
import type { DirectoryContractContext } from './directory-contract';
import { later, newUser } from './directory-fixtures';

/** Reads a whole list through pages of `limit`, each after the previous page's last entry. */
async function allPages<T extends MemberDocument>(limit: number, read: (page: PageRequest) => Promise<T[]>, at: (entry: T) => Date): Promise<T[][]> {
  const pages: T[][] = [];
  let page: PageRequest = { limit };
  for (;;) {
    const entries = await read(page);
    if (entries.length > limit) throw new Error(`A page of ${limit} held ${entries.length}`);
    if (entries.length === 0) return pages;
    pages.push(entries);
    const last = entries[entries.length - 1];
    page = { limit, after: { at: at(last), id: last.id } };
    if (pages.length > 50) throw new Error('The pages never end');
  }
}

/** Newest first, then by id: the order every paged list keeps. */
function expectNewestFirst(entries: readonly MemberDocument[], at: (entry: MemberDocument) => Date): void {
  for (let index = 1; index < entries.length; index += 1) {
    const [before, after] = [entries[index - 1], entries[index]];
    const order = at(before).getTime() - at(after).getTime() || (before.id < after.id ? 1 : -1);
    expect(order, `${before.id} before ${after.id}`).toBeGreaterThan(0);
  }
}

/** The home page's lists a page at a time (libs/storage README, "Lists, a page at a time"). */
export function describePages({ directory, storage }: DirectoryContractContext): void {
  const at = new Date('2026-03-01T10:00:00Z');

  describe('lists, a page at a time', () => {
    it('pages through own and shared documents, newest first, each once, split by role', async () => {
      await directory().createUser(newUser('ada'));
      await directory().createUser(newUser('bob'));
      const owned = ['a', 'b', 'c', 'd', 'e'];
      for (const id of owned) await directory().createOwnedDocument(id, 'user-ada', `Doc ${id}`);
      await directory().createOwnedDocument('bobs', 'user-bob', 'Bob’s');
      await directory().createOwnedDocument('bobs-too', 'user-bob', 'Bob’s too');
      await directory().setMember('bobs', 'user-ada', 'commenter');
      await directory().setMember('bobs-too', 'user-ada', 'viewer');
      await directory().setMember('a', 'user-bob', 'editor');

      const ownPages = await allPages(2, (page) => directory().listOwnedDocuments('user-ada', page), (document) => document.updatedAt);
      expect(ownPages.map((page) => page.length)).toEqual([2, 2, 1]);
      const own = ownPages.flat();
      expect(own.map(({ id }) => id).sort()).toEqual(owned);
      expect(own.every((document) => document.role === 'owner' && document.owner?.name === 'Ada')).toBe(true);
      expectNewestFirst(own, (document) => document.updatedAt);

      const shared = (await allPages(1, (page) => directory().listSharedDocuments('user-ada', page), (document) => document.updatedAt)).flat();
      expect(shared.map(({ id, role, owner }) => [id, role, owner?.id]).sort()).toEqual([
        ['bobs', 'commenter', 'user-bob'],
        ['bobs-too', 'viewer', 'user-bob'],
      ]);
      expect((await directory().listSharedDocuments('user-bob', { limit: 10 })).map(({ id }) => id)).toEqual(['a']);
      expect(await directory().listOwnedDocuments('user-nobody', { limit: 10 })).toEqual([]);

      // A trashed document leaves both lists.
      await directory().trashDocument('a', at);
      expect((await directory().listOwnedDocuments('user-ada', { limit: 10 })).map(({ id }) => id)).not.toContain('a');
      expect(await directory().listSharedDocuments('user-bob', { limit: 10 })).toEqual([]);
    });

    it('lists stars and recents reached through a folder with the folder’s role, until the folder is no longer shared', async () => {
      await directory().createUser(newUser('ada'));
      await directory().createUser(newUser('bob'));
      await storage().folders.createFolder({ id: 'team', ownerId: 'user-ada', parentId: null, name: 'Team' });
      await storage().folders.createFolder({ id: 'drafts', ownerId: 'user-ada', parentId: 'team', name: 'Drafts' });
      await directory().createOwnedDocument('doc', 'user-ada', 'Plans');
      await storage().folders.setDocumentFolder('doc', 'drafts');
      await storage().folders.setFolderMember('team', 'user-bob', 'commenter');
      expect(await directory().starDocument('doc', 'user-bob', at)).toBe(true);
      await directory().recordOpen('doc', 'user-bob', at);

      const page = { limit: 10 };
      expect((await directory().listStarredDocuments('user-bob', page)).map(({ id, role, owner }) => [id, role, owner?.id])).toEqual([['doc', 'commenter', 'user-ada']]);
      expect((await directory().listRecentDocuments('user-bob', page)).map(({ id, role }) => [id, role])).toEqual([['doc', 'commenter']]);
      // A membership of its own that is higher counts instead.
      await directory().setMember('doc', 'user-bob', 'editor');
      expect((await directory().listRecentDocuments('user-bob', page)).map(({ role }) => role)).toEqual(['editor']);
      await directory().removeMember('doc', 'user-bob');

      await storage().folders.removeFolderMember('team', 'user-bob');
      expect(await directory().listStarredDocuments('user-bob', page)).toEqual([]);
      expect(await directory().listRecentDocuments('user-bob', page)).toEqual([]);
    });

    it('says on every list whether the caller starred each document: theirs, not another person’s', async () => {
      await directory().createUser(newUser('ada'));
      await directory().createUser(newUser('bob'));
      await storage().folders.createFolder({ id: 'team', ownerId: 'user-ada', parentId: null, name: 'Team' });
      for (const id of ['mine', 'plain', 'ours', 'filed']) await directory().createOwnedDocument(id, 'user-ada', `Doc ${id}`);
      await directory().createOwnedDocument('bobs', 'user-bob', 'Bob’s');
      await directory().setMember('bobs', 'user-ada', 'viewer');
      await directory().setMember('ours', 'user-bob', 'editor');
      await storage().folders.setDocumentFolder('filed', 'team');
      for (const id of ['mine', 'bobs', 'filed']) expect(await directory().starDocument(id, 'user-ada', at)).toBe(true);
      // Bob's star of a document Ada sees is not hers.
      expect(await directory().starDocument('ours', 'user-bob', at)).toBe(true);
      for (const id of ['mine', 'plain', 'bobs']) await directory().recordOpen(id, 'user-ada', at);

      const page = { limit: 10 };
      const flags = (documents: readonly { id: string; starred: boolean }[]) => Object.fromEntries(documents.map(({ id, starred }) => [id, starred]));
      expect(flags(await directory().listOwnedDocuments('user-ada', page))).toEqual({ mine: true, plain: false, ours: false, filed: true });
      expect(flags(await directory().listSharedDocuments('user-ada', page))).toEqual({ bobs: true });
      expect(flags(await directory().listRecentDocuments('user-ada', page))).toEqual({ mine: true, plain: false, bobs: true });
      expect(flags(await directory().listStarredDocuments('user-ada', page))).toEqual({ mine: true, bobs: true, filed: true });
      expect(flags(await directory().listMemberDocuments('user-ada'))).toEqual({ mine: true, plain: false, ours: false, filed: true, bobs: true });
      expect(flags(await storage().folders.listFolderDocuments('team', 'user-ada'))).toEqual({ filed: true });
      expect((await directory().getMemberDocument('mine', 'user-ada'))?.starred).toBe(true);
      expect((await directory().getMemberDocument('ours', 'user-ada'))?.starred).toBe(false);
      expect((await directory().getMemberDocument('ours', 'user-bob'))?.starred).toBe(true);

      await directory().unstarDocument('mine', 'user-ada');
      expect(flags(await directory().listOwnedDocuments('user-ada', page)).mine).toBe(false);
      expect((await directory().getMemberDocument('mine', 'user-ada'))?.starred).toBe(false);
    });

    it('pages stars, recents and the trash by their own times, ties by id, and refuses a bad page', async () => {
      await directory().createUser(newUser('ada'));
      const ids = ['a', 'b', 'c', 'd'];
      for (const id of ids) await directory().createOwnedDocument(id, 'user-ada', `Doc ${id}`);
      // b and c at the same time: the id decides, and the page key still splits them.
      const times: Record<string, Date> = { a: at, b: later(at, 1_000), c: later(at, 1_000), d: later(at, 2_000) };
      for (const id of ids) {
        await directory().starDocument(id, 'user-ada', times[id]);
        await directory().recordOpen(id, 'user-ada', times[id]);
      }
      const expected = [['d'], ['b'], ['c'], ['a']];
      const ids1 = (pages: MemberDocument[][]) => pages.map((page) => page.map(({ id }) => id));
      expect(ids1(await allPages(1, (page) => directory().listStarredDocuments('user-ada', page), (entry) => entry.starredAt))).toEqual(expected);
      expect(ids1(await allPages(1, (page) => directory().listRecentDocuments('user-ada', page), (entry) => entry.openedAt))).toEqual(expected);
      expect((await directory().listStarredDocuments('user-ada')).map(({ id }) => id)).toEqual(['d', 'b', 'c', 'a']);

      for (const id of ids) await directory().trashDocument(id, times[id]);
      expect(ids1(await allPages(3, (page) => directory().listTrash('user-ada', page), (entry) => entry.deletedAt))).toEqual([['d', 'b', 'c'], ['a']]);
      expect((await directory().listTrash('user-ada')).map(({ id }) => id)).toEqual(['d', 'b', 'c', 'a']);

      await expect(directory().listTrash('user-ada', { limit: -1 })).rejects.toMatchObject({ code: 'invalid-argument' });
      await expect(directory().listOwnedDocuments('user-ada', { limit: 2, after: { at: new Date(Number.NaN), id: 'a' } })).rejects.toMatchObject({ code: 'invalid-argument' });
    });
  });
}
