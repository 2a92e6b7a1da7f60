import { describe, expect, it } from 'vitest';
import type { UpdateLogContractContext } from './update-log-contract';
import { EditedDoc, expectRefused, expectSameBytes, snapshotOf, textOf } from './helpers';
import { createDocuments } from './test-documents';

/** Opening, closing and finding the data again after a restart. */
export function describeLifecycle({ storage, log, documents, restart }: UpdateLogContractContext): void {
  describe('lifecycle', () => {
    it('finds everything again after a restart', async () => {
      const edited = new EditedDoc();
      await documents().create('titled', 'Chosen');
      await createDocuments(documents(), 'doc');
      await log().append('doc', [edited.type('a'), edited.type('b')], { title: 'Derived' });
      const before = await log().load('doc');
      await log().compact('doc', snapshotOf(before.updates), before.lastSeq);
      await log().append('doc', [edited.type('c')]);
      const stored = await log().load('doc');
      const described = [await documents().get('doc'), await documents().get('titled')];

      const reopened = await restart();

      expect(await reopened.log.load('doc')).toEqual(stored);
      expect([await reopened.documents.get('doc'), await reopened.documents.get('titled')]).toEqual(described);
      const { lastSeq } = await reopened.log.append('doc', [edited.type('d')]);
      expect(lastSeq).toBeGreaterThan(stored.lastSeq);
      expect(textOf((await reopened.log.load('doc')).updates)).toBe('abcd');
      // The explicit title is still explicit.
      await reopened.log.append('titled', [edited.type('e')], { title: 'Derived' });
      expect((await reopened.documents.get('titled'))?.title).toBe('Chosen');
    });

    it('refuses calls after close() and before open()', async () => {
      await createDocuments(documents(), 'doc');
      await log().append('doc', [Uint8Array.of(1)]);
      const closed = storage();
      await closed.close();
      await closed.close();
      await expectRefused(closed.log.load('doc'), 'closed');
      await expectRefused(closed.log.append('doc', [Uint8Array.of(2)]), 'closed');
      await expectRefused(closed.open(), 'closed');

      const unopened = await restart({ open: false });
      await expectRefused(unopened.log.load('doc'), 'not-open');
      await expectRefused(unopened.documents.get('doc'), 'not-open');
      await unopened.open();
      expectSameBytes((await unopened.log.load('doc')).updates, [Uint8Array.of(1)]);
    });
  });
}
