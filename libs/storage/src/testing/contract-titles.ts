import { describe, expect, it } from 'vitest';
import type { UpdateLogContractContext } from './update-log-contract';
import { clockTick, expectRefused } from './helpers';
import { createDocuments } from './test-documents';

/**
 * What an append changes of a document's metadata, in its own transaction: the title derived from
 * the content (unless one was set explicitly) and `updatedAt`. Never the document's existence.
 */
export function describeTitles({ log, documents }: UpdateLogContractContext): void {
  describe('titles and dates', () => {
    it('never creates a document on append, not even one with a derived title', async () => {
      await expectRefused(log().append('doc', [Uint8Array.of(1)], { title: 'Draft' }), 'no-such-document');
      expect(await documents().get('doc')).toBeUndefined();
    });

    it('takes the latest title derived from the content, and keeps it when an append gives none', async () => {
      await createDocuments(documents(), 'doc', 'untitled');
      await log().append('doc', [Uint8Array.of(1)], { title: 'Draft' });
      expect((await documents().get('doc'))?.title).toBe('Draft');

      await log().append('doc', [Uint8Array.of(2)], { title: 'Final' });
      expect((await documents().get('doc'))?.title).toBe('Final');

      await log().append('doc', [Uint8Array.of(3)]);
      expect((await documents().get('doc'))?.title).toBe('Final');

      await log().append('untitled', [Uint8Array.of(1)]);
      expect((await documents().get('untitled'))?.title).toBe('');
    });

    it('takes derived titles for a document created without one', async () => {
      await documents().create('doc');
      await log().append('doc', [Uint8Array.of(1)], { title: 'Derived' });
      expect((await documents().get('doc'))?.title).toBe('Derived');
    });

    it('keeps an explicit title over derived ones', async () => {
      await documents().create('created', 'Chosen');
      await log().append('created', [Uint8Array.of(1)], { title: 'Derived' });
      expect((await documents().get('created'))?.title).toBe('Chosen');

      await createDocuments(documents(), 'renamed');
      await log().append('renamed', [Uint8Array.of(1)], { title: 'Derived' });
      await documents().rename('renamed', 'Renamed');
      await log().append('renamed', [Uint8Array.of(2)], { title: 'Derived again' });
      expect((await documents().get('renamed'))?.title).toBe('Renamed');

      await documents().rename('renamed', 'Renamed twice');
      expect((await documents().get('renamed'))?.title).toBe('Renamed twice');
    });

    it('moves updatedAt on append only, and never createdAt', async () => {
      const created = await documents().create('doc');
      await clockTick();
      await documents().rename('doc', 'Renamed');
      expect(await documents().get('doc')).toMatchObject({ updatedAt: created.updatedAt, createdAt: created.createdAt });

      await log().append('doc', [Uint8Array.of(1)]);
      const appended = await documents().get('doc');
      expect(appended?.updatedAt.getTime()).toBeGreaterThan(created.updatedAt.getTime());
      expect(appended?.createdAt).toEqual(created.createdAt);
    });
  });
}
