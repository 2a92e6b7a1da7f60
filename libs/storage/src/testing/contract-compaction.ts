import { describe, expect, it } from 'vitest';
import type { ContractContext } from './document-store-contract';
import { createDocuments, EditedDoc, expectRefused, expectSameBytes, nextTurn, snapshotOf, textOf, totalBytes } from './helpers';

/** Replacing the log rows a snapshot covers, while others keep appending. */
export function describeCompaction({ store }: ContractContext): void {
  describe('compaction', () => {
    it('replaces exactly the rows through throughSeq and keeps those appended meanwhile', async () => {
      await createDocuments(store(), 'doc');
      const edited = new EditedDoc();
      await store().append('doc', [edited.type('one '), edited.type('two ')]);
      await store().append('doc', [edited.type('three ')]);
      const before = await store().load('doc');
      // Another connection (or instance) appends between the load and the compaction.
      const meanwhile = [edited.type('four '), edited.type('five')];
      const { lastSeq } = await store().append('doc', meanwhile);

      const snapshot = snapshotOf(before.updates);
      await store().compact('doc', snapshot, before.lastSeq);

      const after = await store().load('doc');
      expectSameBytes(after.updates, [snapshot, ...meanwhile]);
      expect(after.lastSeq).toBe(lastSeq);
      expect(after.byteLength).toBe(totalBytes([snapshot, ...meanwhile]));
      expect(textOf(after.updates)).toBe('one two three four five');
    });

    it('keeps the snapshot first when appends continue after it', async () => {
      await createDocuments(store(), 'doc');
      const edited = new EditedDoc();
      await store().append('doc', [edited.type('a'), edited.type('b')]);
      const before = await store().load('doc');
      const snapshot = snapshotOf(before.updates);
      await store().compact('doc', snapshot, before.lastSeq);
      const later = [edited.type('c'), edited.type('d')];
      const { lastSeq } = await store().append('doc', later);

      const after = await store().load('doc');
      expect(lastSeq).toBeGreaterThan(before.lastSeq);
      expectSameBytes(after.updates, [snapshot, ...later]);
      expect(textOf(after.updates)).toBe('abcd');
    });

    it('compacts again over an earlier snapshot', async () => {
      await createDocuments(store(), 'doc');
      const edited = new EditedDoc();
      await store().append('doc', [edited.type('a'), edited.type('b')]);
      const first = await store().load('doc');
      await store().compact('doc', snapshotOf(first.updates), first.lastSeq);
      await store().append('doc', [edited.type('c')]);
      const second = await store().load('doc');
      const snapshot = snapshotOf(second.updates);
      await store().compact('doc', snapshot, second.lastSeq);

      const after = await store().load('doc');
      expectSameBytes(after.updates, [snapshot]);
      expect(after.lastSeq).toBe(second.lastSeq);
      expect(textOf(after.updates)).toBe('abc');
    });

    it('loses nothing when a stale compaction comes after a newer one', async () => {
      await createDocuments(store(), 'doc');
      const edited = new EditedDoc();
      await store().append('doc', [edited.type('a'), edited.type('b')]);
      const stale = await store().load('doc');
      await store().append('doc', [edited.type('c')]);
      const fresh = await store().load('doc');
      await store().compact('doc', snapshotOf(fresh.updates), fresh.lastSeq);
      await store().append('doc', [edited.type('d')]);

      await store().compact('doc', snapshotOf(stale.updates), stale.lastSeq);

      const after = await store().load('doc');
      expect(textOf(after.updates)).toBe('abcd');
      expect(after.lastSeq).toBeGreaterThan(fresh.lastSeq);
    });

    it('loses nothing when a compaction through an older seq overlaps a newer one', async () => {
      await createDocuments(store(), 'doc');
      const edited = new EditedDoc();
      await store().append('doc', [edited.type('a'), edited.type('b')]);
      const older = await store().load('doc');
      await store().append('doc', [edited.type('c'), edited.type('d')]);
      const newer = await store().load('doc');

      // Two instances compact at once; the one that read less commits first.
      await store().compact('doc', snapshotOf(older.updates), older.lastSeq);
      const snapshot = snapshotOf(newer.updates);
      await store().compact('doc', snapshot, newer.lastSeq);

      const after = await store().load('doc');
      expectSameBytes(after.updates, [snapshot]);
      expect(textOf(after.updates)).toBe('abcd');
      expect(after.lastSeq).toBe(newer.lastSeq);
    });

    it('loses nothing when appends and compactions run at once', async () => {
      await createDocuments(store(), 'doc');
      // Three clients, each appending its own edits one call after another (as an instance's group
      // commits do), while a compactor loads and compacts whatever it finds until they are done.
      const writers = ['a', 'b', 'c'].map((name) => ({ name, edited: new EditedDoc(), sent: [] as Uint8Array[] }));
      let writing = true;
      let compactions = 0;
      const write = async ({ name, edited, sent }: (typeof writers)[number]) => {
        for (let round = 0; round < 12; round += 1) {
          const batch = [edited.type(`${name}${round} `)];
          sent.push(...batch);
          await store().append('doc', batch);
          await nextTurn();
        }
      };
      const compactWhileWriting = async () => {
        while (writing) {
          const loaded = await store().load('doc');
          // Let the writers append between this load and the compaction.
          await nextTurn();
          if (loaded.updates.length > 1) {
            await store().compact('doc', snapshotOf(loaded.updates), loaded.lastSeq);
            compactions += 1;
          }
          await nextTurn();
        }
      };

      const compactor = compactWhileWriting();
      await Promise.all(writers.map(write)).finally(() => {
        writing = false;
      });
      await compactor;

      const after = await store().load('doc');
      expect(compactions).toBeGreaterThan(0);
      expect(textOf(after.updates)).toBe(textOf(writers.flatMap(({ sent }) => sent)));
      for (const { edited } of writers) expect(textOf(after.updates)).toContain(edited.text);
    });

    it('leaves other documents alone, even rows interleaved with the compacted ones', async () => {
      await createDocuments(store(), 'doc', 'other');
      const edited = new EditedDoc();
      await store().append('doc', [edited.type('a')]);
      await store().append('other', [Uint8Array.of(1)]);
      await store().append('doc', [edited.type('b')]);
      await store().append('other', [Uint8Array.of(2)]);
      const before = await store().load('doc');

      await store().compact('doc', snapshotOf(before.updates), before.lastSeq);

      expectSameBytes((await store().load('other')).updates, [Uint8Array.of(1), Uint8Array.of(2)]);
      expect(textOf((await store().load('doc')).updates)).toBe('ab');
    });

    it('refuses a throughSeq beyond the last row, an empty snapshot and an unknown document', async () => {
      await createDocuments(store(), 'doc');
      const edited = new EditedDoc();
      const updates = [edited.type('a'), edited.type('b')];
      const { lastSeq } = await store().append('doc', updates);
      const snapshot = snapshotOf(updates);

      await expectRefused(store().compact('doc', snapshot, lastSeq + 1), 'invalid-argument');
      await expectRefused(store().compact('doc', snapshot, 0), 'invalid-argument');
      await expectRefused(store().compact('doc', snapshot, 1.5), 'invalid-argument');
      await expectRefused(store().compact('doc', new Uint8Array(0), lastSeq), 'invalid-argument');
      await expectRefused(store().compact('unknown', snapshot, 1), 'no-such-document');
      expectSameBytes((await store().load('doc')).updates, updates);
    });
  });
}
