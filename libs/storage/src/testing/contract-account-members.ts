import { describe, expect, it } from 'vitest';
import type { LinkRole } from '../account-store';
import type { AccountContractContext } from './account-store-contract';
import { newUser } from './account-fixtures';
import { clockTick, createDocuments, expectRefused } from './helpers';

/** Owned documents, members and their roles. */
export function describeMembers({ accounts, store }: AccountContractContext): void {
  /** Ada owns `doc`; Bob and Cy have accounts and no role on it. */
  async function adaOwnsDoc(): Promise<void> {
    for (const name of ['ada', 'bob', 'cy']) await accounts().createUser(newUser(name));
    await accounts().createOwnedDocument('doc', 'user-ada', 'Plans');
  }

  async function rolesOf(documentId: string): Promise<string[]> {
    return (await accounts().listMembers(documentId)).map(({ user, role }) => `${user.id}:${role}`);
  }

  describe('owned documents', () => {
    it('creates a document its creator owns, with an explicit title', async () => {
      await accounts().createUser(newUser('ada'));
      const created = await accounts().createOwnedDocument('doc', 'user-ada', 'Plans');

      expect(created).toEqual({
        id: 'doc',
        title: 'Plans',
        createdAt: expect.any(Date),
        updatedAt: created.createdAt,
        role: 'owner',
        owner: { id: 'user-ada', name: 'Ada' },
      });
      expect(await accounts().getMemberDocument('doc', 'user-ada')).toEqual(created);
      expect(await accounts().getRole('doc', 'user-ada')).toBe('owner');
      await store().append('doc', [Uint8Array.of(1)], { title: 'Derived' });
      expect((await store().getDocument('doc'))?.title).toBe('Plans');
      expect((await accounts().createOwnedDocument('untitled', 'user-ada')).title).toBe('');
    });

    it('refuses a taken id and an unknown owner, leaving nothing behind', async () => {
      await accounts().createUser(newUser('ada'));
      await accounts().createUser(newUser('bob'));
      await accounts().createOwnedDocument('doc', 'user-ada');
      await createDocuments(store(), 'written');
      await store().append('written', [Uint8Array.of(1)]);

      await expectRefused(accounts().createOwnedDocument('doc', 'user-bob'), 'document-exists');
      await expectRefused(accounts().createOwnedDocument('written', 'user-bob'), 'document-exists');
      await expectRefused(accounts().createOwnedDocument('new', 'user-nobody'), 'invalid-argument');
      expect(await rolesOf('doc')).toEqual(['user-ada:owner']);
      expect(await accounts().listMembers('written')).toEqual([]);
      expect(await store().getDocument('new')).toBeUndefined();
    });

    it('lists the documents a user is a member of, most recently changed first, with role and owner', async () => {
      await adaOwnsDoc();
      await clockTick();
      await accounts().createOwnedDocument('bobs', 'user-bob', 'Bob’s');
      await accounts().setMember('bobs', 'user-ada', 'viewer');
      await clockTick();
      await accounts().createOwnedDocument('cys', 'user-cy');
      await createDocuments(store(), 'ownerless');
      await store().append('ownerless', [Uint8Array.of(1)]);

      expect((await accounts().listMemberDocuments('user-ada')).map(({ id, role }) => `${id}:${role}`)).toEqual([
        'bobs:viewer',
        'doc:owner',
      ]);
      await clockTick();
      await store().append('doc', [Uint8Array.of(1)]);
      const listed = await accounts().listMemberDocuments('user-ada');
      expect(listed.map(({ id }) => id)).toEqual(['doc', 'bobs']);
      expect(listed[1]).toEqual({ ...(await store().getDocument('bobs')), role: 'viewer', owner: { id: 'user-bob', name: 'Bob' } });
      expect(listed[0]).toEqual(await accounts().getMemberDocument('doc', 'user-ada'));
      expect(await accounts().listMemberDocuments('user-nobody')).toEqual([]);
    });

    it('tells no role and no document to a non-member', async () => {
      await adaOwnsDoc();
      expect(await accounts().getRole('doc', 'user-bob')).toBeUndefined();
      expect(await accounts().getMemberDocument('doc', 'user-bob')).toBeUndefined();
      expect(await accounts().getRole('missing', 'user-ada')).toBeUndefined();
      expect(await accounts().getMemberDocument('missing', 'user-ada')).toBeUndefined();
    });
  });

  describe('members', () => {
    it('adds members and changes their roles, listing the owner first, then by when they were added', async () => {
      await adaOwnsDoc();
      await accounts().setMember('doc', 'user-cy', 'viewer');
      await accounts().setMember('doc', 'user-bob', 'editor');
      await accounts().setMember('doc', 'user-cy', 'editor');
      await accounts().setMember('doc', 'user-bob', 'viewer');

      const members = await accounts().listMembers('doc');
      expect(members.map(({ user, role }) => `${user.id}:${role}`)).toEqual(['user-ada:owner', 'user-cy:editor', 'user-bob:viewer']);
      const cy = (await accounts().listUsers()).find((user) => user.id === 'user-cy');
      expect(members[1]).toEqual({ user: cy, role: 'editor', addedAt: expect.any(Date) });
      expect(await accounts().getMemberDocument('doc', 'user-bob')).toMatchObject({ role: 'viewer', owner: { id: 'user-ada', name: 'Ada' } });
    });

    it('never changes the owner’s role nor makes a second owner', async () => {
      await adaOwnsDoc();
      await accounts().setMember('doc', 'user-bob', 'editor');

      await expectRefused(accounts().setMember('doc', 'user-ada', 'viewer'), 'invalid-argument');
      await expectRefused(accounts().setMember('doc', 'user-bob', 'owner' as LinkRole), 'invalid-argument');
      await expectRefused(accounts().setMember('doc', 'user-cy', 'owner' as LinkRole), 'invalid-argument');
      await expectRefused(accounts().joinAsMember('doc', 'user-cy', 'owner' as LinkRole), 'invalid-argument');
      expect(await rolesOf('doc')).toEqual(['user-ada:owner', 'user-bob:editor']);
    });

    it('refuses members of a missing document and unknown users', async () => {
      await adaOwnsDoc();
      await expectRefused(accounts().setMember('missing', 'user-bob', 'editor'), 'no-such-document');
      await expectRefused(accounts().joinAsMember('missing', 'user-bob', 'editor'), 'no-such-document');
      await expectRefused(accounts().setMember('doc', 'user-nobody', 'editor'), 'invalid-argument');
      await expectRefused(accounts().joinAsMember('doc', 'user-nobody', 'viewer'), 'invalid-argument');
      expect(await rolesOf('doc')).toEqual(['user-ada:owner']);
      expect(await store().getDocument('missing')).toBeUndefined();
    });

    it('joins through a link without ever lowering a role', async () => {
      await adaOwnsDoc();
      expect(await accounts().joinAsMember('doc', 'user-bob', 'viewer')).toBe('viewer');
      expect(await accounts().joinAsMember('doc', 'user-bob', 'viewer')).toBe('viewer');
      expect(await accounts().joinAsMember('doc', 'user-bob', 'editor')).toBe('editor');
      expect(await accounts().joinAsMember('doc', 'user-bob', 'viewer')).toBe('editor');
      expect(await accounts().joinAsMember('doc', 'user-ada', 'viewer')).toBe('owner');
      expect(await accounts().joinAsMember('doc', 'user-ada', 'editor')).toBe('owner');
      expect(await accounts().joinAsMember('doc', 'user-cy', 'editor')).toBe('editor');

      expect(await rolesOf('doc')).toEqual(['user-ada:owner', 'user-bob:editor', 'user-cy:editor']);
    });

    it('removes a member once, and refuses to remove the owner (invalid-argument)', async () => {
      await adaOwnsDoc();
      await accounts().setMember('doc', 'user-bob', 'editor');

      expect(await accounts().removeMember('doc', 'user-bob')).toBe(true);
      expect(await accounts().removeMember('doc', 'user-bob')).toBe(false);
      expect(await accounts().removeMember('doc', 'user-cy')).toBe(false);
      expect(await accounts().removeMember('missing', 'user-cy')).toBe(false);
      await expectRefused(accounts().removeMember('doc', 'user-ada'), 'invalid-argument');
      expect(await rolesOf('doc')).toEqual(['user-ada:owner']);
      expect(await accounts().listMemberDocuments('user-bob')).toEqual([]);
    });
  });
}
