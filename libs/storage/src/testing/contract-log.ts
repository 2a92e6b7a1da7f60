import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { ContractContext } from './document-store-contract';
import { createDocuments, EditedDoc, expectRefused, expectSameBytes, textOf, totalBytes } from './helpers';

const MiB = 1024 * 1024;

/** Appending and loading the update log. */
export function describeLog({ store }: ContractContext): void {
  describe('update log', () => {
    it('loads an unknown document as empty, with lastSeq 0', async () => {
      expect(await store().load('never-written')).toEqual({ updates: [], lastSeq: 0, byteLength: 0 });
      expect(await store().getDocument('never-written')).toBeUndefined();
    });

    it('refuses an append to a document never created, and stores nothing of it', async () => {
      await expectRefused(store().append('unknown', [Uint8Array.of(1), Uint8Array.of(2)], { title: 'Derived' }), 'no-such-document');

      expect(await store().getDocument('unknown')).toBeUndefined();
      expect(await store().load('unknown')).toEqual({ updates: [], lastSeq: 0, byteLength: 0 });
      expect(await store().listDocuments()).toEqual([]);
      // Created afterwards, the document starts empty: the refused rows were not kept aside.
      await store().createDocument('unknown');
      expect(await store().load('unknown')).toEqual({ updates: [], lastSeq: 0, byteLength: 0 });
      await store().append('unknown', [Uint8Array.of(3)]);
      expectSameBytes((await store().load('unknown')).updates, [Uint8Array.of(3)]);
      expect((await store().getDocument('unknown'))?.title).toBe('');
    });

    it('loads the appended bytes in order, with the lastSeq append returned', async () => {
      const updates = [Uint8Array.of(1, 2, 3), Uint8Array.of(4), Uint8Array.of(5, 6)];
      await createDocuments(store(), 'doc');
      const { lastSeq } = await store().append('doc', updates);

      const loaded = await store().load('doc');
      expectSameBytes(loaded.updates, updates);
      expect(loaded.lastSeq).toBe(lastSeq);
      expect(loaded.byteLength).toBe(6);
    });

    it('writes several updates in one call, and lastSeq grows from call to call', async () => {
      await createDocuments(store(), 'doc');
      const first = await store().append('doc', [Uint8Array.of(1), Uint8Array.of(2)]);
      const second = await store().append('doc', [Uint8Array.of(3)]);
      const third = await store().append('doc', [Uint8Array.of(4), Uint8Array.of(5), Uint8Array.of(6)]);

      expect(first.lastSeq).toBeGreaterThan(0);
      expect(second.lastSeq).toBeGreaterThan(first.lastSeq);
      expect(third.lastSeq).toBeGreaterThan(second.lastSeq + 2);
      const loaded = await store().load('doc');
      expectSameBytes(loaded.updates, [1, 2, 3, 4, 5, 6].map((byte) => Uint8Array.of(byte)));
      expect(loaded.lastSeq).toBe(third.lastSeq);
    });

    it('writes nothing for an empty list, and answers the current lastSeq', async () => {
      expect(await store().append('empty', [], { title: 'Ignored' })).toEqual({ lastSeq: 0 });
      expect(await store().getDocument('empty')).toBeUndefined();

      await createDocuments(store(), 'doc');
      expect(await store().append('doc', [])).toEqual({ lastSeq: 0 });
      const { lastSeq } = await store().append('doc', [Uint8Array.of(1)]);
      expect(await store().append('doc', [])).toEqual({ lastSeq });
      expect((await store().load('doc')).updates).toHaveLength(1);
    });

    it('refuses an empty update and writes none of its batch', async () => {
      await createDocuments(store(), 'doc');
      await store().append('doc', [Uint8Array.of(1)]);
      await expectRefused(store().append('doc', [Uint8Array.of(2), new Uint8Array(0)]), 'invalid-argument');
      expectSameBytes((await store().load('doc')).updates, [Uint8Array.of(1)]);
    });

    it('loads more than a hundred rows in the order they were appended', async () => {
      // Past 9 and 99: a seq compared as text would sort 10 before 9.
      const updates = Array.from({ length: 120 }, (_, index) => Uint8Array.of(index + 1));
      await createDocuments(store(), 'doc');
      let lastSeq = 0;
      for (const update of updates.slice(0, 100)) ({ lastSeq } = await store().append('doc', [update]));
      ({ lastSeq } = await store().append('doc', updates.slice(100)));

      const loaded = await store().load('doc');
      expectSameBytes(loaded.updates, updates);
      expect(loaded.lastSeq).toBe(lastSeq);
    });

    it('keeps documents apart', async () => {
      await createDocuments(store(), 'a', 'b');
      await store().append('a', [Uint8Array.of(1)]);
      await store().append('b', [Uint8Array.of(10), Uint8Array.of(11)]);
      await store().append('a', [Uint8Array.of(2)]);
      await store().append('b', [Uint8Array.of(12)]);

      expectSameBytes((await store().load('a')).updates, [Uint8Array.of(1), Uint8Array.of(2)]);
      expectSameBytes((await store().load('b')).updates, [Uint8Array.of(10), Uint8Array.of(11), Uint8Array.of(12)]);
    });

    it('round-trips an 8 MiB update between small ones', async () => {
      const large = new Uint8Array(randomBytes(8 * MiB));
      const updates = [Uint8Array.of(1), large, Uint8Array.of(2)];
      await createDocuments(store(), 'large');
      await store().append('large', updates);

      const loaded = await store().load('large');
      expectSameBytes(loaded.updates, updates);
      expect(loaded.byteLength).toBe(8 * MiB + 2);
    });

    it('keeps its own copy: changing the given or the loaded bytes changes nothing stored', async () => {
      const buffer = Uint8Array.of(1, 2, 3);
      await createDocuments(store(), 'doc');
      await store().append('doc', [buffer]);
      buffer.fill(9);
      (await store().load('doc')).updates[0].fill(7);

      expectSameBytes((await store().load('doc')).updates, [Uint8Array.of(1, 2, 3)]);
    });

    it('stores Yjs updates that rebuild the document in a fresh Y.Doc', async () => {
      const edited = new EditedDoc();
      await createDocuments(store(), 'yjs');
      await store().append('yjs', [edited.type('Hello'), edited.type(', world')], { title: 'Hello' });
      await store().append('yjs', [edited.erase(0, 1), edited.type('!')]);
      await store().append('yjs', [edited.type(' Bye.')]);

      const loaded = await store().load('yjs');
      expect(loaded.updates).toHaveLength(5);
      expect(loaded.byteLength).toBe(totalBytes(loaded.updates));
      expect(textOf(loaded.updates)).toBe('ello, world! Bye.');
      expect(textOf(loaded.updates)).toBe(edited.text);
    });
  });
}
