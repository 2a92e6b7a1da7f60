import { describe, expect, it } from 'vitest';
import type { ShareRole } from '@quire/api-contract';
import type { DirectoryContractContext } from './directory-contract';
import { newUser, ticketFor } from './directory-fixtures';
import { clockTick, expectRefused, expectSameBytes } from './helpers';

/** Renaming and deleting documents, and share links. */
export function describeDocumentsAndLinks({ directory, log, another, addDocumentWithoutOwner }: DirectoryContractContext): void {
  const link = (id: string, role: ShareRole = 'viewer', documentId = 'doc') => ({ id, documentId, role, createdBy: 'user-ada' });

  async function adaOwnsDoc(): Promise<void> {
    await directory().createUser(newUser('ada'));
    await directory().createUser(newUser('bob'));
    await directory().createOwnedDocument('doc', 'user-ada', 'Plans');
  }

  describe('renaming and deleting', () => {
    it('renames a document explicitly, and refuses a missing one', async () => {
      await adaOwnsDoc();
      await log().append('doc', [Uint8Array.of(1)], { title: 'Derived' });
      await directory().renameDocument('doc', 'Renamed');
      await log().append('doc', [Uint8Array.of(2)], { title: 'Derived again' });

      expect((await directory().getMemberDocument('doc', 'user-ada'))?.title).toBe('Renamed');
      await expectRefused(directory().renameDocument('missing', 'Title'), 'no-such-document');
      expect(await directory().getDocument('missing')).toBeUndefined();
    });

    it('deletes a document with its log, members, links and tickets, and nothing of other documents', async () => {
      await adaOwnsDoc();
      await directory().createOwnedDocument('kept', 'user-ada', 'Kept');
      const now = new Date();
      for (const documentId of ['doc', 'kept']) {
        await log().append(documentId, [Uint8Array.of(1), Uint8Array.of(2)]);
        await directory().setMember(documentId, 'user-bob', 'editor');
        await directory().createLink(link(`link-${documentId}`, 'viewer', documentId));
        await directory().createTicket(ticketFor(documentId, 'user-bob', now));
      }

      expect(await directory().deleteDocument('doc')).toBe(true);

      expect(await log().load('doc')).toEqual({ updates: [], lastSeq: 0, byteLength: 0 });
      expect(await directory().getDocument('doc')).toBeUndefined();
      expect(await directory().listMembers('doc')).toEqual([]);
      expect(await directory().getRole('doc', 'user-ada')).toBeUndefined();
      expect(await directory().getLink('link-doc')).toBeUndefined();
      expect(await directory().listLinks('doc')).toEqual([]);
      expect(await directory().consumeTicket(ticketFor('doc', 'user-bob', now).digest, now)).toBeUndefined();
      expect((await directory().listMemberDocuments('user-bob')).map(({ id }) => id)).toEqual(['kept']);
      expect(await directory().deleteDocument('doc')).toBe(false);
      expect(await directory().deleteDocument('never-existed')).toBe(false);

      expect((await log().load('kept')).updates).toHaveLength(2);
      expect(await directory().getRole('kept', 'user-bob')).toBe('editor');
      expect(await directory().getLink('link-kept')).toMatchObject({ documentId: 'kept', revokedAt: null });
      expect(await directory().consumeTicket(ticketFor('kept', 'user-bob', now).digest, now)).toMatchObject({ documentId: 'kept' });
    });

    it('refuses a late append to a deleted document, from any instance, and revives nothing', async () => {
      await adaOwnsDoc();
      await directory().setMember('doc', 'user-bob', 'editor');
      await log().append('doc', [Uint8Array.of(1)], { title: 'Derived' });
      const other = await another();

      expect(await directory().deleteDocument('doc')).toBe(true);
      // Edits that were on their way when the owner deleted the document, here and at another instance.
      await expectRefused(log().append('doc', [Uint8Array.of(2)], { title: 'Late' }), 'no-such-document');
      await expectRefused(other.log.append('doc', [Uint8Array.of(3)]), 'no-such-document');

      expect(await directory().getDocument('doc')).toBeUndefined();
      expect(await other.directory.getDocument('doc')).toBeUndefined();
      expect(await log().load('doc')).toEqual({ updates: [], lastSeq: 0, byteLength: 0 });
      expect(await directory().listMembers('doc')).toEqual([]);
      expect(await directory().getRole('doc', 'user-ada')).toBeUndefined();
      expect(await directory().getRole('doc', 'user-bob')).toBeUndefined();
      expect(await directory().listMemberDocuments('user-ada')).toEqual([]);
      expect(await directory().listMemberDocuments('user-bob')).toEqual([]);
      expect(await directory().deleteDocument('doc')).toBe(false);
    });

    it('starts a document created again with a deleted id empty, and takes its appends', async () => {
      await adaOwnsDoc();
      // 'plain' has no owner, as documents written before accounts existed.
      await addDocumentWithoutOwner('plain');
      for (const documentId of ['doc', 'plain']) {
        await log().append(documentId, [Uint8Array.of(1), Uint8Array.of(2)], { title: 'Old' });
        await directory().deleteDocument(documentId);
      }

      await directory().createOwnedDocument('doc', 'user-bob', 'New');
      await addDocumentWithoutOwner('plain');
      for (const documentId of ['doc', 'plain']) {
        expect(await log().load(documentId)).toEqual({ updates: [], lastSeq: 0, byteLength: 0 });
        const { lastSeq } = await log().append(documentId, [Uint8Array.of(3)], { title: 'Derived' });
        const loaded = await log().load(documentId);
        expectSameBytes(loaded.updates, [Uint8Array.of(3)]);
        expect(loaded.lastSeq).toBe(lastSeq);
      }
      expect((await directory().getDocument('doc'))?.title).toBe('New');
      expect((await directory().getDocument('plain'))?.title).toBe('Derived');
      expect((await directory().listMembers('doc')).map(({ user, role }) => `${user.id}:${role}`)).toEqual(['user-bob:owner']);
      expect(await directory().listMembers('plain')).toEqual([]);
    });

    it('leaves a deleted id free for a new document with no members', async () => {
      await adaOwnsDoc();
      await directory().setMember('doc', 'user-bob', 'viewer');
      await directory().deleteDocument('doc');

      const again = await directory().createOwnedDocument('doc', 'user-bob', 'New');
      expect(again).toMatchObject({ role: 'owner', owner: { id: 'user-bob' } });
      expect((await directory().listMembers('doc')).map(({ user, role }) => `${user.id}:${role}`)).toEqual(['user-bob:owner']);
    });
  });

  describe('share links', () => {
    it('creates links, lists the working ones newest first, and revokes each once', async () => {
      await adaOwnsDoc();
      const viewer = await directory().createLink(link('link-viewer'));
      await clockTick();
      const editor = await directory().createLink(link('link-editor', 'editor'));

      expect(viewer).toEqual({
        id: 'link-viewer',
        documentId: 'doc',
        role: 'viewer',
        createdBy: 'user-ada',
        createdAt: expect.any(Date),
        revokedAt: null,
      });
      expect(await directory().getLink('link-viewer')).toEqual(viewer);
      expect(await directory().listLinks('doc')).toEqual([editor, viewer]);

      expect(await directory().revokeLink('other-doc', 'link-viewer')).toBe(false);
      expect(await directory().revokeLink('doc', 'link-viewer')).toBe(true);
      expect(await directory().revokeLink('doc', 'link-viewer')).toBe(false);
      expect(await directory().revokeLink('doc', 'link-unknown')).toBe(false);

      expect(await directory().listLinks('doc')).toEqual([editor]);
      const revoked = await directory().getLink('link-viewer');
      expect(revoked).toEqual({ ...viewer, revokedAt: expect.any(Date) });
      expect(Math.abs(revoked!.revokedAt!.getTime() - Date.now())).toBeLessThan(60_000);
      expect(await directory().getLink('link-unknown')).toBeUndefined();
    });

    it('refuses a link to a missing document, an owner link, a taken id and an unknown creator', async () => {
      await adaOwnsDoc();
      await directory().createLink(link('link-1'));

      await expectRefused(directory().createLink(link('link-2', 'viewer', 'missing')), 'no-such-document');
      await expectRefused(directory().createLink(link('link-3', 'owner' as ShareRole)), 'invalid-argument');
      await expectRefused(directory().createLink(link('link-1', 'editor')), 'conflict');
      await expectRefused(directory().createLink({ ...link('link-4'), createdBy: 'user-nobody' }), 'invalid-argument');
      expect((await directory().listLinks('doc')).map(({ id, role }) => `${id}:${role}`)).toEqual(['link-1:viewer']);
      expect(await directory().getDocument('missing')).toBeUndefined();
    });
  });
}
