import { describe, expect, it } from 'vitest';
import type { ContractContext } from './document-store-contract';
import { createDocuments, EditedDoc, expectRefused, expectSameBytes, snapshotOf, textOf } from './helpers';

/** Opening, closing and finding the data again after a restart. */
export function describeLifecycle({ store, restart }: ContractContext): void {
  describe('lifecycle', () => {
    it('finds everything again after a restart', async () => {
      const edited = new EditedDoc();
      await store().createDocument('titled', 'Chosen');
      await createDocuments(store(), 'doc');
      await store().append('doc', [edited.type('a'), edited.type('b')], { title: 'Derived' });
      const before = await store().load('doc');
      await store().compact('doc', snapshotOf(before.updates), before.lastSeq);
      await store().append('doc', [edited.type('c')]);
      const stored = await store().load('doc');
      const listed = await store().listDocuments();

      const reopened = await restart();

      expect(await reopened.load('doc')).toEqual(stored);
      expect(await reopened.listDocuments()).toEqual(listed);
      const { lastSeq } = await reopened.append('doc', [edited.type('d')]);
      expect(lastSeq).toBeGreaterThan(stored.lastSeq);
      expect(textOf((await reopened.load('doc')).updates)).toBe('abcd');
      // The explicit title is still explicit.
      await reopened.append('titled', [edited.type('e')], { title: 'Derived' });
      expect((await reopened.getDocument('titled'))?.title).toBe('Chosen');
    });

    it('refuses calls after close() and before open()', async () => {
      await createDocuments(store(), 'doc');
      await store().append('doc', [Uint8Array.of(1)]);
      const closed = store();
      await closed.close();
      await closed.close();
      await expectRefused(closed.load('doc'), 'closed');
      await expectRefused(closed.append('doc', [Uint8Array.of(2)]), 'closed');
      await expectRefused(closed.open(), 'closed');

      const unopened = await restart({ open: false });
      await expectRefused(unopened.load('doc'), 'not-open');
      await expectRefused(unopened.listDocuments(), 'not-open');
      await unopened.open();
      expectSameBytes((await unopened.load('doc')).updates, [Uint8Array.of(1)]);
    });
  });
}
