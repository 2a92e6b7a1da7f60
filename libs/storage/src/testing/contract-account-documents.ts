import { describe, expect, it } from 'vitest';
import type { LinkRole } from '../account-store';
import type { AccountContractContext } from './account-store-contract';
import { newUser, ticketFor } from './account-fixtures';
import { clockTick, expectRefused, expectSameBytes } from './helpers';

/** Renaming and deleting documents, and share links. */
export function describeDocumentsAndLinks({ accounts, store, another }: AccountContractContext): void {
  const link = (id: string, role: LinkRole = 'viewer', documentId = 'doc') => ({ id, documentId, role, createdBy: 'user-ada' });

  async function adaOwnsDoc(): Promise<void> {
    await accounts().createUser(newUser('ada'));
    await accounts().createUser(newUser('bob'));
    await accounts().createOwnedDocument('doc', 'user-ada', 'Plans');
  }

  describe('renaming and deleting', () => {
    it('renames a document explicitly, and refuses a missing one', async () => {
      await adaOwnsDoc();
      await store().append('doc', [Uint8Array.of(1)], { title: 'Derived' });
      await accounts().renameDocument('doc', 'Renamed');
      await store().append('doc', [Uint8Array.of(2)], { title: 'Derived again' });

      expect((await accounts().getMemberDocument('doc', 'user-ada'))?.title).toBe('Renamed');
      await expectRefused(accounts().renameDocument('missing', 'Title'), 'no-such-document');
      expect(await store().getDocument('missing')).toBeUndefined();
    });

    it('deletes a document with its log, members, links and tickets, and nothing of other documents', async () => {
      await adaOwnsDoc();
      await accounts().createOwnedDocument('kept', 'user-ada', 'Kept');
      const now = new Date();
      for (const documentId of ['doc', 'kept']) {
        await store().append(documentId, [Uint8Array.of(1), Uint8Array.of(2)]);
        await accounts().setMember(documentId, 'user-bob', 'editor');
        await accounts().createLink(link(`link-${documentId}`, 'viewer', documentId));
        await accounts().createTicket(ticketFor(documentId, 'user-bob', now));
      }

      expect(await accounts().deleteDocument('doc')).toBe(true);

      expect(await store().load('doc')).toEqual({ updates: [], lastSeq: 0, byteLength: 0 });
      expect(await store().getDocument('doc')).toBeUndefined();
      expect(await accounts().listMembers('doc')).toEqual([]);
      expect(await accounts().getRole('doc', 'user-ada')).toBeUndefined();
      expect(await accounts().getLink('link-doc')).toBeUndefined();
      expect(await accounts().listLinks('doc')).toEqual([]);
      expect(await accounts().consumeTicket(ticketFor('doc', 'user-bob', now).digest, now)).toBeUndefined();
      expect((await accounts().listMemberDocuments('user-bob')).map(({ id }) => id)).toEqual(['kept']);
      expect(await accounts().deleteDocument('doc')).toBe(false);
      expect(await accounts().deleteDocument('never-existed')).toBe(false);

      expect((await store().load('kept')).updates).toHaveLength(2);
      expect(await accounts().getRole('kept', 'user-bob')).toBe('editor');
      expect(await accounts().getLink('link-kept')).toMatchObject({ documentId: 'kept', revokedAt: null });
      expect(await accounts().consumeTicket(ticketFor('kept', 'user-bob', now).digest, now)).toMatchObject({ documentId: 'kept' });
    });

    it('refuses a late append to a deleted document, from any instance, and revives nothing', async () => {
      await adaOwnsDoc();
      await accounts().setMember('doc', 'user-bob', 'editor');
      await store().append('doc', [Uint8Array.of(1)], { title: 'Derived' });
      const other = await another();

      expect(await accounts().deleteDocument('doc')).toBe(true);
      // Edits that were on their way when the owner deleted the document, here and at another instance.
      await expectRefused(store().append('doc', [Uint8Array.of(2)], { title: 'Late' }), 'no-such-document');
      await expectRefused(other.append('doc', [Uint8Array.of(3)]), 'no-such-document');

      expect(await store().getDocument('doc')).toBeUndefined();
      expect(await other.getDocument('doc')).toBeUndefined();
      expect(await store().listDocuments()).toEqual([]);
      expect(await store().load('doc')).toEqual({ updates: [], lastSeq: 0, byteLength: 0 });
      expect(await accounts().listMembers('doc')).toEqual([]);
      expect(await accounts().getRole('doc', 'user-ada')).toBeUndefined();
      expect(await accounts().getRole('doc', 'user-bob')).toBeUndefined();
      expect(await accounts().listMemberDocuments('user-ada')).toEqual([]);
      expect(await accounts().listMemberDocuments('user-bob')).toEqual([]);
      expect(await accounts().deleteDocument('doc')).toBe(false);
    });

    it('starts a document created again with a deleted id empty, and takes its appends', async () => {
      await adaOwnsDoc();
      await store().createDocument('plain');
      for (const documentId of ['doc', 'plain']) {
        await store().append(documentId, [Uint8Array.of(1), Uint8Array.of(2)], { title: 'Old' });
        await accounts().deleteDocument(documentId);
      }

      await accounts().createOwnedDocument('doc', 'user-bob', 'New');
      await store().createDocument('plain');
      for (const documentId of ['doc', 'plain']) {
        expect(await store().load(documentId)).toEqual({ updates: [], lastSeq: 0, byteLength: 0 });
        const { lastSeq } = await store().append(documentId, [Uint8Array.of(3)], { title: 'Derived' });
        const loaded = await store().load(documentId);
        expectSameBytes(loaded.updates, [Uint8Array.of(3)]);
        expect(loaded.lastSeq).toBe(lastSeq);
      }
      expect((await store().getDocument('doc'))?.title).toBe('New');
      expect((await store().getDocument('plain'))?.title).toBe('Derived');
      expect((await accounts().listMembers('doc')).map(({ user, role }) => `${user.id}:${role}`)).toEqual(['user-bob:owner']);
      expect(await accounts().listMembers('plain')).toEqual([]);
    });

    it('leaves a deleted id free for a new document with no members', async () => {
      await adaOwnsDoc();
      await accounts().setMember('doc', 'user-bob', 'viewer');
      await accounts().deleteDocument('doc');

      const again = await accounts().createOwnedDocument('doc', 'user-bob', 'New');
      expect(again).toMatchObject({ role: 'owner', owner: { id: 'user-bob' } });
      expect((await accounts().listMembers('doc')).map(({ user, role }) => `${user.id}:${role}`)).toEqual(['user-bob:owner']);
    });
  });

  describe('share links', () => {
    it('creates links, lists the working ones newest first, and revokes each once', async () => {
      await adaOwnsDoc();
      const viewer = await accounts().createLink(link('link-viewer'));
      await clockTick();
      const editor = await accounts().createLink(link('link-editor', 'editor'));

      expect(viewer).toEqual({
        id: 'link-viewer',
        documentId: 'doc',
        role: 'viewer',
        createdBy: 'user-ada',
        createdAt: expect.any(Date),
        revokedAt: null,
      });
      expect(await accounts().getLink('link-viewer')).toEqual(viewer);
      expect(await accounts().listLinks('doc')).toEqual([editor, viewer]);

      expect(await accounts().revokeLink('other-doc', 'link-viewer')).toBe(false);
      expect(await accounts().revokeLink('doc', 'link-viewer')).toBe(true);
      expect(await accounts().revokeLink('doc', 'link-viewer')).toBe(false);
      expect(await accounts().revokeLink('doc', 'link-unknown')).toBe(false);

      expect(await accounts().listLinks('doc')).toEqual([editor]);
      const revoked = await accounts().getLink('link-viewer');
      expect(revoked).toEqual({ ...viewer, revokedAt: expect.any(Date) });
      expect(Math.abs(revoked!.revokedAt!.getTime() - Date.now())).toBeLessThan(60_000);
      expect(await accounts().getLink('link-unknown')).toBeUndefined();
    });

    it('refuses a link to a missing document, an owner link, a taken id and an unknown creator', async () => {
      await adaOwnsDoc();
      await accounts().createLink(link('link-1'));

      await expectRefused(accounts().createLink(link('link-2', 'viewer', 'missing')), 'no-such-document');
      await expectRefused(accounts().createLink(link('link-3', 'owner' as LinkRole)), 'invalid-argument');
      await expectRefused(accounts().createLink(link('link-1', 'editor')), 'conflict');
      await expectRefused(accounts().createLink({ ...link('link-4'), createdBy: 'user-nobody' }), 'invalid-argument');
      expect((await accounts().listLinks('doc')).map(({ id, role }) => `${id}:${role}`)).toEqual(['link-1:viewer']);
      expect(await store().getDocument('missing')).toBeUndefined();
    });
  });
}
