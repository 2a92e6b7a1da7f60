import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { UpdateLogContractContext } from './update-log-contract';
import { EditedDoc, expectRefused, expectSameBytes, textOf, totalBytes } from './helpers';
import { createDocuments } from './test-documents';

const MiB = 1024 * 1024;

/** Appending and loading the update log. */
export function describeLog({ log, documents }: UpdateLogContractContext): void {
  describe('update log', () => {
    it('loads an unknown document as empty, with lastSeq 0', async () => {
      expect(await log().load('never-written')).toEqual({ updates: [], lastSeq: 0, byteLength: 0 });
      expect(await documents().get('never-written')).toBeUndefined();
    });

    it('refuses an append to a document never created, and stores nothing of it', async () => {
      await expectRefused(log().append('unknown', [Uint8Array.of(1), Uint8Array.of(2)], { title: 'Derived' }), 'no-such-document');

      expect(await documents().get('unknown')).toBeUndefined();
      expect(await log().load('unknown')).toEqual({ updates: [], lastSeq: 0, byteLength: 0 });
      // Created afterwards, the document starts empty: the refused rows were not kept aside.
      await documents().create('unknown');
      expect(await log().load('unknown')).toEqual({ updates: [], lastSeq: 0, byteLength: 0 });
      await log().append('unknown', [Uint8Array.of(3)]);
      expectSameBytes((await log().load('unknown')).updates, [Uint8Array.of(3)]);
      expect((await documents().get('unknown'))?.title).toBe('');
    });

    it('refuses appends to a trashed document and keeps its log, which takes appends again once restored', async () => {
      await createDocuments(documents(), 'doc');
      await log().append('doc', [Uint8Array.of(1)]);
      expect(await documents().trash('doc')).toBe(true);

      await expectRefused(log().append('doc', [Uint8Array.of(2)], { title: 'Late' }), 'no-such-document');
      expect(await documents().get('doc')).toBeUndefined();
      expectSameBytes((await log().load('doc')).updates, [Uint8Array.of(1)]);
      expect(await documents().trash('doc')).toBe(false);

      expect(await documents().restore('doc')).toBe(true);
      await log().append('doc', [Uint8Array.of(3)]);
      expectSameBytes((await log().load('doc')).updates, [Uint8Array.of(1), Uint8Array.of(3)]);
      expect(await documents().restore('doc')).toBe(false);
    });

    it('loads the appended bytes in order, with the lastSeq append returned', async () => {
      const updates = [Uint8Array.of(1, 2, 3), Uint8Array.of(4), Uint8Array.of(5, 6)];
      await createDocuments(documents(), 'doc');
      const { lastSeq } = await log().append('doc', updates);

      const loaded = await log().load('doc');
      expectSameBytes(loaded.updates, updates);
      expect(loaded.lastSeq).toBe(lastSeq);
      expect(loaded.byteLength).toBe(6);
    });

    it('writes several updates in one call, and lastSeq grows from call to call', async () => {
      await createDocuments(documents(), 'doc');
      const first = await log().append('doc', [Uint8Array.of(1), Uint8Array.of(2)]);
      const second = await log().append('doc', [Uint8Array.of(3)]);
      const third = await log().append('doc', [Uint8Array.of(4), Uint8Array.of(5), Uint8Array.of(6)]);

      expect(first.lastSeq).toBeGreaterThan(0);
      expect(second.lastSeq).toBeGreaterThan(first.lastSeq);
      expect(third.lastSeq).toBeGreaterThan(second.lastSeq + 2);
      const loaded = await log().load('doc');
      expectSameBytes(loaded.updates, [1, 2, 3, 4, 5, 6].map((byte) => Uint8Array.of(byte)));
      expect(loaded.lastSeq).toBe(third.lastSeq);
    });

    it('writes nothing for an empty list, and answers the current lastSeq', async () => {
      expect(await log().append('empty', [], { title: 'Ignored' })).toEqual({ lastSeq: 0 });
      expect(await documents().get('empty')).toBeUndefined();

      await createDocuments(documents(), 'doc');
      expect(await log().append('doc', [])).toEqual({ lastSeq: 0 });
      const { lastSeq } = await log().append('doc', [Uint8Array.of(1)]);
      expect(await log().append('doc', [])).toEqual({ lastSeq });
      expect((await log().load('doc')).updates).toHaveLength(1);
    });

    it('refuses an empty update and writes none of its batch', async () => {
      await createDocuments(documents(), 'doc');
      await log().append('doc', [Uint8Array.of(1)]);
      await expectRefused(log().append('doc', [Uint8Array.of(2), new Uint8Array(0)]), 'invalid-argument');
      expectSameBytes((await log().load('doc')).updates, [Uint8Array.of(1)]);
    });

    it('loads more than a hundred rows in the order they were appended', async () => {
      // Past 9 and 99: a seq compared as text would sort 10 before 9.
      const updates = Array.from({ length: 120 }, (_, index) => Uint8Array.of(index + 1));
      await createDocuments(documents(), 'doc');
      let lastSeq = 0;
      for (const update of updates.slice(0, 100)) ({ lastSeq } = await log().append('doc', [update]));
      ({ lastSeq } = await log().append('doc', updates.slice(100)));

      const loaded = await log().load('doc');
      expectSameBytes(loaded.updates, updates);
      expect(loaded.lastSeq).toBe(lastSeq);
    });

    it('keeps documents apart', async () => {
      await createDocuments(documents(), 'a', 'b');
      await log().append('a', [Uint8Array.of(1)]);
      await log().append('b', [Uint8Array.of(10), Uint8Array.of(11)]);
      await log().append('a', [Uint8Array.of(2)]);
      await log().append('b', [Uint8Array.of(12)]);

      expectSameBytes((await log().load('a')).updates, [Uint8Array.of(1), Uint8Array.of(2)]);
      expectSameBytes((await log().load('b')).updates, [Uint8Array.of(10), Uint8Array.of(11), Uint8Array.of(12)]);
    });

    it('round-trips an 8 MiB update between small ones', async () => {
      const large = new Uint8Array(randomBytes(8 * MiB));
      const updates = [Uint8Array.of(1), large, Uint8Array.of(2)];
      await createDocuments(documents(), 'large');
      await log().append('large', updates);

      const loaded = await log().load('large');
      expectSameBytes(loaded.updates, updates);
      expect(loaded.byteLength).toBe(8 * MiB + 2);
    });

    it('keeps its own copy: changing the given or the loaded bytes changes nothing stored', async () => {
      const buffer = Uint8Array.of(1, 2, 3);
      await createDocuments(documents(), 'doc');
      await log().append('doc', [buffer]);
      buffer.fill(9);
      (await log().load('doc')).updates[0].fill(7);

      expectSameBytes((await log().load('doc')).updates, [Uint8Array.of(1, 2, 3)]);
    });

    it('stores Yjs updates that rebuild the document in a fresh Y.Doc', async () => {
      const edited = new EditedDoc();
      await createDocuments(documents(), 'yjs');
      await log().append('yjs', [edited.type('Hello'), edited.type(', world')], { title: 'Hello' });
      await log().append('yjs', [edited.erase(0, 1), edited.type('!')]);
      await log().append('yjs', [edited.type(' Bye.')]);

      const loaded = await log().load('yjs');
      expect(loaded.updates).toHaveLength(5);
      expect(loaded.byteLength).toBe(totalBytes(loaded.updates));
      expect(textOf(loaded.updates)).toBe('ello, world! Bye.');
      expect(textOf(loaded.updates)).toBe(edited.text);
    });
  });
}
