import { describe, expect, it } from 'vitest';
import type { ContractContext } from './document-store-contract';
import { clockTick, createDocuments, expectRefused, listedIds } from './helpers';

/** Creating, describing and listing documents, and the title rules. */
export function describeMetadata({ store }: ContractContext): void {
  describe('documents', () => {
    it('creates an empty document that getDocument describes', async () => {
      const created = await store().createDocument('doc');

      expect(created).toMatchObject({ id: 'doc', title: '' });
      expect(created.createdAt).toBeInstanceOf(Date);
      expect(created.updatedAt.getTime()).toBe(created.createdAt.getTime());
      expect(Math.abs(created.createdAt.getTime() - Date.now())).toBeLessThan(60_000);
      expect(await store().getDocument('doc')).toEqual(created);
      expect(await store().load('doc')).toEqual({ updates: [], lastSeq: 0, byteLength: 0 });
    });

    it('refuses to create a document twice, whether only created or written to', async () => {
      await store().createDocument('created', 'First');
      await createDocuments(store(), 'written');
      await store().append('written', [Uint8Array.of(1)], { title: 'Written' });

      await expectRefused(store().createDocument('created', 'Second'), 'document-exists');
      await expectRefused(store().createDocument('written'), 'document-exists');
      expect((await store().getDocument('created'))?.title).toBe('First');
      expect((await store().getDocument('written'))?.title).toBe('Written');
    });

    it('never creates a document on append, not even one with a derived title', async () => {
      await expectRefused(store().append('doc', [Uint8Array.of(1)], { title: 'Draft' }), 'no-such-document');
      expect(await store().getDocument('doc')).toBeUndefined();
      expect(await store().listDocuments()).toEqual([]);
    });

    it('takes the latest title derived from the content, and keeps it when an append gives none', async () => {
      await createDocuments(store(), 'doc', 'untitled');
      await store().append('doc', [Uint8Array.of(1)], { title: 'Draft' });
      expect((await store().getDocument('doc'))?.title).toBe('Draft');

      await store().append('doc', [Uint8Array.of(2)], { title: 'Final' });
      expect((await store().getDocument('doc'))?.title).toBe('Final');

      await store().append('doc', [Uint8Array.of(3)]);
      expect((await store().getDocument('doc'))?.title).toBe('Final');

      await store().append('untitled', [Uint8Array.of(1)]);
      expect((await store().getDocument('untitled'))?.title).toBe('');
    });

    it('takes derived titles for a document created without one', async () => {
      await store().createDocument('doc');
      await store().append('doc', [Uint8Array.of(1)], { title: 'Derived' });
      expect((await store().getDocument('doc'))?.title).toBe('Derived');
    });

    it('keeps an explicit title over derived ones', async () => {
      await store().createDocument('created', 'Chosen');
      await store().append('created', [Uint8Array.of(1)], { title: 'Derived' });
      expect((await store().getDocument('created'))?.title).toBe('Chosen');

      await createDocuments(store(), 'renamed');
      await store().append('renamed', [Uint8Array.of(1)], { title: 'Derived' });
      await store().setTitle('renamed', 'Renamed');
      await store().append('renamed', [Uint8Array.of(2)], { title: 'Derived again' });
      expect((await store().getDocument('renamed'))?.title).toBe('Renamed');

      await store().setTitle('renamed', 'Renamed twice');
      expect((await store().getDocument('renamed'))?.title).toBe('Renamed twice');
    });

    it('refuses to set the title of an unknown document', async () => {
      await expectRefused(store().setTitle('unknown', 'Title'), 'no-such-document');
      expect(await store().getDocument('unknown')).toBeUndefined();
    });

    it('moves updatedAt on append only, and never createdAt', async () => {
      const created = await store().createDocument('doc');
      await clockTick();
      await store().setTitle('doc', 'Renamed');
      expect(await store().getDocument('doc')).toMatchObject({ updatedAt: created.updatedAt, createdAt: created.createdAt });

      await store().append('doc', [Uint8Array.of(1)]);
      const appended = await store().getDocument('doc');
      expect(appended?.updatedAt.getTime()).toBeGreaterThan(created.updatedAt.getTime());
      expect(appended?.createdAt).toEqual(created.createdAt);
    });

    it('lists documents most recently changed first', async () => {
      expect(await store().listDocuments()).toEqual([]);
      await store().createDocument('a', 'A');
      await clockTick();
      await createDocuments(store(), 'b');
      await store().append('b', [Uint8Array.of(1)], { title: 'B' });
      await clockTick();
      await store().createDocument('c');
      expect(await listedIds(store())).toEqual(['c', 'b', 'a']);

      await clockTick();
      await store().append('a', [Uint8Array.of(1)]);
      expect(await listedIds(store())).toEqual(['a', 'c', 'b']);
      const listed = await store().listDocuments();
      expect(listed[0]).toEqual(await store().getDocument('a'));
      expect(listed.map((document) => document.title)).toEqual(['A', '', 'B']);
    });
  });
}
