import { describe, expect, it } from 'vitest';
import type { ShareRole } from '@quire/api-contract';
import type { DirectoryContractContext } from './directory-contract';
import { newUser } from './directory-fixtures';
import { clockTick, expectRefused } from './helpers';

/** Owned documents, members and their roles. */
export function describeMembers({ directory, log, addDocumentWithoutOwner }: DirectoryContractContext): void {
  /** Ada owns `doc`; Bob and Cy have accounts and no role on it. */
  async function adaOwnsDoc(): Promise<void> {
    for (const name of ['ada', 'bob', 'cy']) await directory().createUser(newUser(name));
    await directory().createOwnedDocument('doc', 'user-ada', 'Plans');
  }

  async function rolesOf(documentId: string): Promise<string[]> {
    return (await directory().listMembers(documentId)).map(({ user, role }) => `${user.id}:${role}`);
  }

  describe('owned documents', () => {
    it('creates a document its creator owns, with an explicit title', async () => {
      await directory().createUser(newUser('ada'));
      const created = await directory().createOwnedDocument('doc', 'user-ada', 'Plans');

      expect(created).toEqual({
        id: 'doc',
        title: 'Plans',
        createdAt: expect.any(Date),
        updatedAt: created.createdAt,
        role: 'owner',
        owner: { id: 'user-ada', name: 'Ada' },
        starred: false,
      });
      expect(await directory().getMemberDocument('doc', 'user-ada')).toEqual(created);
      expect(await directory().getRole('doc', 'user-ada')).toBe('owner');
      await log().append('doc', [Uint8Array.of(1)], { title: 'Derived' });
      expect((await directory().getDocument('doc'))?.title).toBe('Plans');
      expect((await directory().createOwnedDocument('untitled', 'user-ada')).title).toBe('');
    });

    it('describes a created document with getDocument: untitled, dated now, with an empty log', async () => {
      await directory().createUser(newUser('ada'));
      const created = await directory().createOwnedDocument('doc', 'user-ada');

      expect(await directory().getDocument('doc')).toEqual({
        id: 'doc',
        title: '',
        createdAt: created.createdAt,
        updatedAt: created.updatedAt,
      });
      expect(created.createdAt).toBeInstanceOf(Date);
      expect(created.updatedAt.getTime()).toBe(created.createdAt.getTime());
      expect(Math.abs(created.createdAt.getTime() - Date.now())).toBeLessThan(60_000);
      expect(await log().load('doc')).toEqual({ updates: [], lastSeq: 0, byteLength: 0 });
      expect(await directory().getDocument('missing')).toBeUndefined();

      // Created again once written to: refused, and the title the log derived stays.
      await log().append('doc', [Uint8Array.of(1)], { title: 'Written' });
      await expectRefused(directory().createOwnedDocument('doc', 'user-ada', 'Second'), 'document-exists');
      expect((await directory().getDocument('doc'))?.title).toBe('Written');
    });

    it('refuses a taken id and an unknown owner, leaving nothing behind', async () => {
      await directory().createUser(newUser('ada'));
      await directory().createUser(newUser('bob'));
      await directory().createOwnedDocument('doc', 'user-ada');
      await addDocumentWithoutOwner('written');
      await log().append('written', [Uint8Array.of(1)]);

      await expectRefused(directory().createOwnedDocument('doc', 'user-bob'), 'document-exists');
      await expectRefused(directory().createOwnedDocument('written', 'user-bob'), 'document-exists');
      await expectRefused(directory().createOwnedDocument('new', 'user-nobody'), 'invalid-argument');
      expect(await rolesOf('doc')).toEqual(['user-ada:owner']);
      expect(await directory().listMembers('written')).toEqual([]);
      expect(await directory().getDocument('new')).toBeUndefined();
    });

    it('lists the documents a user is a member of, most recently changed first, with role and owner', async () => {
      await adaOwnsDoc();
      await clockTick();
      await directory().createOwnedDocument('bobs', 'user-bob', 'Bob’s');
      await directory().setMember('bobs', 'user-ada', 'viewer');
      await clockTick();
      await directory().createOwnedDocument('cys', 'user-cy');
      await addDocumentWithoutOwner('ownerless');
      await log().append('ownerless', [Uint8Array.of(1)]);

      expect((await directory().listMemberDocuments('user-ada')).map(({ id, role }) => `${id}:${role}`)).toEqual([
        'bobs:viewer',
        'doc:owner',
      ]);
      await clockTick();
      await log().append('doc', [Uint8Array.of(1)]);
      const listed = await directory().listMemberDocuments('user-ada');
      expect(listed.map(({ id }) => id)).toEqual(['doc', 'bobs']);
      expect(listed[1]).toEqual({ ...(await directory().getDocument('bobs')), role: 'viewer', owner: { id: 'user-bob', name: 'Bob' }, starred: false });
      expect(listed[0]).toEqual(await directory().getMemberDocument('doc', 'user-ada'));
      expect(await directory().listMemberDocuments('user-nobody')).toEqual([]);
    });

    it('tells no role and no document to a non-member', async () => {
      await adaOwnsDoc();
      expect(await directory().getRole('doc', 'user-bob')).toBeUndefined();
      expect(await directory().getMemberDocument('doc', 'user-bob')).toBeUndefined();
      expect(await directory().getRole('missing', 'user-ada')).toBeUndefined();
      expect(await directory().getMemberDocument('missing', 'user-ada')).toBeUndefined();
    });
  });

  describe('members', () => {
    it('adds members and changes their roles, listing the owner first, then by when they were added', async () => {
      await adaOwnsDoc();
      await directory().setMember('doc', 'user-cy', 'viewer');
      await directory().setMember('doc', 'user-bob', 'editor');
      await directory().setMember('doc', 'user-cy', 'editor');
      await directory().setMember('doc', 'user-bob', 'viewer');

      const members = await directory().listMembers('doc');
      expect(members.map(({ user, role }) => `${user.id}:${role}`)).toEqual(['user-ada:owner', 'user-cy:editor', 'user-bob:viewer']);
      const cy = (await directory().listUsers()).find((user) => user.id === 'user-cy');
      expect(members[1]).toEqual({ user: cy, role: 'editor', addedAt: expect.any(Date) });
      expect(await directory().getMemberDocument('doc', 'user-bob')).toMatchObject({ role: 'viewer', owner: { id: 'user-ada', name: 'Ada' } });
    });

    it('never changes the owner’s role nor makes a second owner', async () => {
      await adaOwnsDoc();
      await directory().setMember('doc', 'user-bob', 'editor');

      await expectRefused(directory().setMember('doc', 'user-ada', 'viewer'), 'invalid-argument');
      await expectRefused(directory().setMember('doc', 'user-bob', 'owner' as ShareRole), 'invalid-argument');
      await expectRefused(directory().setMember('doc', 'user-cy', 'owner' as ShareRole), 'invalid-argument');
      await expectRefused(directory().joinAsMember('doc', 'user-cy', 'owner' as ShareRole), 'invalid-argument');
      expect(await rolesOf('doc')).toEqual(['user-ada:owner', 'user-bob:editor']);
    });

    it('refuses members of a missing document and unknown users', async () => {
      await adaOwnsDoc();
      await expectRefused(directory().setMember('missing', 'user-bob', 'editor'), 'no-such-document');
      await expectRefused(directory().joinAsMember('missing', 'user-bob', 'editor'), 'no-such-document');
      await expectRefused(directory().setMember('doc', 'user-nobody', 'editor'), 'invalid-argument');
      await expectRefused(directory().joinAsMember('doc', 'user-nobody', 'viewer'), 'invalid-argument');
      expect(await rolesOf('doc')).toEqual(['user-ada:owner']);
      expect(await directory().getDocument('missing')).toBeUndefined();
    });

    it('joins through a link without ever lowering a role', async () => {
      await adaOwnsDoc();
      expect(await directory().joinAsMember('doc', 'user-bob', 'viewer')).toBe('viewer');
      expect(await directory().joinAsMember('doc', 'user-bob', 'viewer')).toBe('viewer');
      expect(await directory().joinAsMember('doc', 'user-bob', 'editor')).toBe('editor');
      expect(await directory().joinAsMember('doc', 'user-bob', 'viewer')).toBe('editor');
      expect(await directory().joinAsMember('doc', 'user-ada', 'viewer')).toBe('owner');
      expect(await directory().joinAsMember('doc', 'user-ada', 'editor')).toBe('owner');
      expect(await directory().joinAsMember('doc', 'user-cy', 'editor')).toBe('editor');

      expect(await rolesOf('doc')).toEqual(['user-ada:owner', 'user-bob:editor', 'user-cy:editor']);
    });

    it('gives members and links the commenter role, which a link raises to editor but never lowers to viewer', async () => {
      await adaOwnsDoc();
      await directory().setMember('doc', 'user-cy', 'commenter');
      expect(await directory().getRole('doc', 'user-cy')).toBe('commenter');
      expect(await directory().joinAsMember('doc', 'user-bob', 'viewer')).toBe('viewer');
      expect(await directory().joinAsMember('doc', 'user-bob', 'commenter')).toBe('commenter');
      expect(await directory().joinAsMember('doc', 'user-bob', 'viewer')).toBe('commenter');
      expect(await directory().joinAsMember('doc', 'user-bob', 'editor')).toBe('editor');
      expect(await directory().joinAsMember('doc', 'user-bob', 'commenter')).toBe('editor');
      const link = await directory().createLink({ id: 'link-c', documentId: 'doc', role: 'commenter', createdBy: 'user-ada' });
      expect(link.role).toBe('commenter');
      expect((await directory().getLink('link-c'))?.role).toBe('commenter');
      expect(await rolesOf('doc')).toEqual(['user-ada:owner', 'user-cy:commenter', 'user-bob:editor']);
    });

    it('removes a member once, and refuses to remove the owner (invalid-argument)', async () => {
      await adaOwnsDoc();
      await directory().setMember('doc', 'user-bob', 'editor');

      expect(await directory().removeMember('doc', 'user-bob')).toBe(true);
      expect(await directory().removeMember('doc', 'user-bob')).toBe(false);
      expect(await directory().removeMember('doc', 'user-cy')).toBe(false);
      expect(await directory().removeMember('missing', 'user-cy')).toBe(false);
      await expectRefused(directory().removeMember('doc', 'user-ada'), 'invalid-argument');
      expect(await rolesOf('doc')).toEqual(['user-ada:owner']);
      expect(await directory().listMemberDocuments('user-bob')).toEqual([]);
    });
  });
}
