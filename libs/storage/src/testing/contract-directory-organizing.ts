import { describe, expect, it } from 'vitest';
import type { DirectoryContractContext } from './directory-contract';
import { later, newUser, ticketFor } from './directory-fixtures';
import { expectSameBytes } from './helpers';

/** The trash, stars and recently opened documents (DocumentOrganizing). */
export function describeOrganizing({ directory, log, another }: DirectoryContractContext): void {
  const at = new Date('2026-03-01T10:00:00Z');

  async function adaOwnsDocSharedWithBob(): Promise<void> {
    await directory().createUser(newUser('ada'));
    await directory().createUser(newUser('bob'));
    await directory().createOwnedDocument('doc', 'user-ada', 'Plans');
    await directory().setMember('doc', 'user-bob', 'editor');
  }

  describe('trash', () => {
    it('hides a trashed document from everyone, keeps everything of it, and restores it whole for its owner', async () => {
      await adaOwnsDocSharedWithBob();
      await log().append('doc', [Uint8Array.of(1), Uint8Array.of(2)]);
      await directory().createLink({ id: 'link-1', documentId: 'doc', role: 'viewer', createdBy: 'user-ada' });
      await directory().createTicket(ticketFor('doc', 'user-bob', at));

      expect(await directory().trashDocument('doc', at)).toBe(true);

      expect(await directory().getDocument('doc')).toBeUndefined();
      expect(await directory().getRole('doc', 'user-ada')).toBeUndefined();
      expect(await directory().getRole('doc', 'user-bob')).toBeUndefined();
      expect(await directory().getMemberDocument('doc', 'user-bob')).toBeUndefined();
      expect(await directory().listMemberDocuments('user-ada')).toEqual([]);
      expect(await directory().listMemberDocuments('user-bob')).toEqual([]);
      expect(await directory().getLink('link-1')).toBeUndefined();
      // The ticket issued before went with the trashing.
      expect(await directory().consumeTicket(ticketFor('doc', 'user-bob', at).digest, at)).toBeUndefined();
      expect(await directory().trashDocument('doc', at)).toBe(false);
      expect(await directory().trashDocument('never-existed', at)).toBe(false);

      const trash = await directory().listTrash('user-ada');
      expect(trash).toEqual([expect.objectContaining({ id: 'doc', title: 'Plans', role: 'owner', deletedAt: at, owner: { id: 'user-ada', name: 'Ada' } })]);
      expect(await directory().getTrashedDocument('doc', 'user-ada')).toMatchObject({ id: 'doc', deletedAt: at });
      expect(await directory().listTrash('user-bob')).toEqual([]);
      expect(await directory().getTrashedDocument('doc', 'user-bob')).toBeUndefined();

      // Only the owner restores; a member, or a document not in the trash, gets nothing.
      expect(await directory().restoreDocument('doc', 'user-bob')).toBeUndefined();
      expect(await directory().restoreDocument('never-existed', 'user-ada')).toBeUndefined();
      expect(await directory().restoreDocument('doc', 'user-ada')).toMatchObject({ id: 'doc', title: 'Plans', role: 'owner' });
      expect(await directory().restoreDocument('doc', 'user-ada')).toBeUndefined();

      expectSameBytes((await log().load('doc')).updates, [Uint8Array.of(1), Uint8Array.of(2)]);
      expect(await directory().getRole('doc', 'user-bob')).toBe('editor');
      expect(await directory().getLink('link-1')).toMatchObject({ documentId: 'doc', revokedAt: null });
      expect((await directory().listMemberDocuments('user-bob')).map(({ id }) => id)).toEqual(['doc']);
      expect(await directory().listTrash('user-ada')).toEqual([]);
    });

    it('refuses a new ticket for a trashed document only where the document is checked: consuming one never opens it', async () => {
      await adaOwnsDocSharedWithBob();
      await directory().trashDocument('doc', at);
      // Whether the adapter refuses the write or not, the ticket never opens a socket.
      await directory().createTicket(ticketFor('doc', 'user-bob', at)).catch(() => undefined);
      expect(await directory().consumeTicket(ticketFor('doc', 'user-bob', at).digest, at)).toBeUndefined();
    });

    it('lists the trash newest first, and the documents trashed before a time oldest first', async () => {
      await directory().createUser(newUser('ada'));
      for (const id of ['a', 'b', 'c']) await directory().createOwnedDocument(id, 'user-ada', id.toUpperCase());
      await directory().trashDocument('a', at);
      await directory().trashDocument('b', later(at, 2_000));
      await directory().trashDocument('c', later(at, 1_000));

      expect((await directory().listTrash('user-ada')).map(({ id }) => id)).toEqual(['b', 'c', 'a']);
      expect(await directory().listExpiredTrash(later(at, 1_500), 10)).toEqual(['a', 'c']);
      expect(await directory().listExpiredTrash(later(at, 1_500), 1)).toEqual(['a']);
      expect(await directory().listExpiredTrash(at, 10)).toEqual([]);
    });

    it('deletes a trashed document for good, and another instance sees it trashed and restored', async () => {
      await adaOwnsDocSharedWithBob();
      const second = await another();
      await directory().trashDocument('doc', at);
      expect(await second.directory.getDocument('doc')).toBeUndefined();
      expect(await second.directory.restoreDocument('doc', 'user-ada')).toMatchObject({ id: 'doc' });
      expect(await directory().getRole('doc', 'user-bob')).toBe('editor');

      await directory().trashDocument('doc', at);
      expect(await directory().deleteDocument('doc')).toBe(true);
      expect(await directory().listTrash('user-ada')).toEqual([]);
      expect(await directory().restoreDocument('doc', 'user-ada')).toBeUndefined();
      expect(await log().load('doc')).toEqual({ updates: [], lastSeq: 0, byteLength: 0 });
    });

    it('does not give a document back to the owner of a trashed one whose id was deleted for good and taken again', async () => {
      await adaOwnsDocSharedWithBob();
      await directory().trashDocument('doc', at);
      await directory().deleteDocument('doc');
      await directory().createOwnedDocument('doc', 'user-bob', 'Bob’s');
      expect(await directory().restoreDocument('doc', 'user-ada')).toBeUndefined();
      expect(await directory().getRole('doc', 'user-ada')).toBeUndefined();
      expect(await directory().getRole('doc', 'user-bob')).toBe('owner');
    });
  });

  describe('stars and recents', () => {
    it('stars per person, newest first, only what they may read, and forgets stars with access', async () => {
      await adaOwnsDocSharedWithBob();
      await directory().createOwnedDocument('other', 'user-ada', 'Other');

      expect(await directory().starDocument('doc', 'user-bob', at)).toBe(true);
      // Bob is no member of "other": nothing is stored.
      expect(await directory().starDocument('other', 'user-bob', at)).toBe(false);
      expect(await directory().starDocument('other', 'user-ada', at)).toBe(true);
      expect(await directory().starDocument('doc', 'user-ada', later(at, 1_000))).toBe(true);
      // Starring again keeps the first time.
      expect(await directory().starDocument('other', 'user-ada', later(at, 5_000))).toBe(true);

      expect((await directory().listStarredDocuments('user-ada')).map(({ id, starredAt }) => [id, starredAt])).toEqual([
        ['doc', later(at, 1_000)],
        ['other', at],
      ]);
      expect(await directory().listStarredDocuments('user-bob')).toEqual([
        expect.objectContaining({ id: 'doc', role: 'editor', title: 'Plans', starredAt: at }),
      ]);

      await directory().removeMember('doc', 'user-bob');
      expect(await directory().listStarredDocuments('user-bob')).toEqual([]);
      await directory().trashDocument('other', at);
      expect((await directory().listStarredDocuments('user-ada')).map(({ id }) => id)).toEqual(['doc']);
      await directory().restoreDocument('other', 'user-ada');
      expect((await directory().listStarredDocuments('user-ada')).map(({ id }) => id)).toEqual(['doc', 'other']);

      expect(await directory().unstarDocument('doc', 'user-ada')).toBe(true);
      expect(await directory().unstarDocument('doc', 'user-ada')).toBe(false);
      expect((await directory().listStarredDocuments('user-ada')).map(({ id }) => id)).toEqual(['other']);
    });

    it('lists what a person opened, the latest first, up to a limit, only what they may still read', async () => {
      await adaOwnsDocSharedWithBob();
      await directory().createOwnedDocument('other', 'user-ada', 'Other');
      await directory().createOwnedDocument('third', 'user-ada', 'Third');

      await directory().recordOpen('doc', 'user-ada', at);
      await directory().recordOpen('other', 'user-ada', later(at, 1_000));
      await directory().recordOpen('doc', 'user-ada', later(at, 2_000));
      // An older time never moves an open back.
      await directory().recordOpen('other', 'user-ada', at);
      await directory().recordOpen('doc', 'user-bob', at);
      // Not a member: not recorded.
      await directory().recordOpen('other', 'user-bob', at);

      expect((await directory().listRecentDocuments('user-ada', { limit: 10 })).map(({ id, openedAt }) => [id, openedAt])).toEqual([
        ['doc', later(at, 2_000)],
        ['other', later(at, 1_000)],
      ]);
      expect((await directory().listRecentDocuments('user-ada', { limit: 1 })).map(({ id }) => id)).toEqual(['doc']);
      expect(await directory().listRecentDocuments('user-bob', { limit: 10 })).toEqual([
        expect.objectContaining({ id: 'doc', role: 'editor', openedAt: at }),
      ]);

      await directory().trashDocument('doc', at);
      expect((await directory().listRecentDocuments('user-ada', { limit: 10 })).map(({ id }) => id)).toEqual(['other']);
      expect(await directory().listRecentDocuments('user-bob', { limit: 10 })).toEqual([]);
      await directory().deleteDocument('doc');
      await directory().deleteDocument('other');
      expect(await directory().listRecentDocuments('user-ada', { limit: 10 })).toEqual([]);
    });
  });
}
