import { describe, expect, it } from 'vitest';
import type { UpdateLogContractContext } from './update-log-contract';
import { EditedDoc, expectRefused, expectSameBytes, nextTurn, snapshotOf, textOf, totalBytes } from './helpers';
import { createDocuments } from './test-documents';

/** Replacing the log rows a snapshot covers, while others keep appending. */
export function describeCompaction({ log, documents }: UpdateLogContractContext): void {
  describe('compaction', () => {
    it('replaces exactly the rows through throughSeq and keeps those appended meanwhile', async () => {
      await createDocuments(documents(), 'doc');
      const edited = new EditedDoc();
      await log().append('doc', [edited.type('one '), edited.type('two ')]);
      await log().append('doc', [edited.type('three ')]);
      const before = await log().load('doc');
      // Another connection (or instance) appends between the load and the compaction.
      const meanwhile = [edited.type('four '), edited.type('five')];
      const { lastSeq } = await log().append('doc', meanwhile);

      const snapshot = snapshotOf(before.updates);
      await log().compact('doc', snapshot, before.lastSeq);

      const after = await log().load('doc');
      expectSameBytes(after.updates, [snapshot, ...meanwhile]);
      expect(after.lastSeq).toBe(lastSeq);
      expect(after.byteLength).toBe(totalBytes([snapshot, ...meanwhile]));
      expect(textOf(after.updates)).toBe('one two three four five');
    });

    it('keeps the snapshot first when appends continue after it', async () => {
      await createDocuments(documents(), 'doc');
      const edited = new EditedDoc();
      await log().append('doc', [edited.type('a'), edited.type('b')]);
      const before = await log().load('doc');
      const snapshot = snapshotOf(before.updates);
      await log().compact('doc', snapshot, before.lastSeq);
      const later = [edited.type('c'), edited.type('d')];
      const { lastSeq } = await log().append('doc', later);

      const after = await log().load('doc');
      expect(lastSeq).toBeGreaterThan(before.lastSeq);
      expectSameBytes(after.updates, [snapshot, ...later]);
      expect(textOf(after.updates)).toBe('abcd');
    });

    it('compacts again over an earlier snapshot', async () => {
      await createDocuments(documents(), 'doc');
      const edited = new EditedDoc();
      await log().append('doc', [edited.type('a'), edited.type('b')]);
      const first = await log().load('doc');
      await log().compact('doc', snapshotOf(first.updates), first.lastSeq);
      await log().append('doc', [edited.type('c')]);
      const second = await log().load('doc');
      const snapshot = snapshotOf(second.updates);
      await log().compact('doc', snapshot, second.lastSeq);

      const after = await log().load('doc');
      expectSameBytes(after.updates, [snapshot]);
      expect(after.lastSeq).toBe(second.lastSeq);
      expect(textOf(after.updates)).toBe('abc');
    });

    it('loses nothing when a stale compaction comes after a newer one', async () => {
      await createDocuments(documents(), 'doc');
      const edited = new EditedDoc();
      await log().append('doc', [edited.type('a'), edited.type('b')]);
      const stale = await log().load('doc');
      await log().append('doc', [edited.type('c')]);
      const fresh = await log().load('doc');
      await log().compact('doc', snapshotOf(fresh.updates), fresh.lastSeq);
      await log().append('doc', [edited.type('d')]);

      await log().compact('doc', snapshotOf(stale.updates), stale.lastSeq);

      const after = await log().load('doc');
      expect(textOf(after.updates)).toBe('abcd');
      expect(after.lastSeq).toBeGreaterThan(fresh.lastSeq);
    });

    it('loses nothing when a compaction through an older seq overlaps a newer one', async () => {
      await createDocuments(documents(), 'doc');
      const edited = new EditedDoc();
      await log().append('doc', [edited.type('a'), edited.type('b')]);
      const older = await log().load('doc');
      await log().append('doc', [edited.type('c'), edited.type('d')]);
      const newer = await log().load('doc');

      // Two instances compact at once; the one that read less commits first.
      await log().compact('doc', snapshotOf(older.updates), older.lastSeq);
      const snapshot = snapshotOf(newer.updates);
      await log().compact('doc', snapshot, newer.lastSeq);

      const after = await log().load('doc');
      expectSameBytes(after.updates, [snapshot]);
      expect(textOf(after.updates)).toBe('abcd');
      expect(after.lastSeq).toBe(newer.lastSeq);
    });

    it('loses nothing when appends and compactions run at once', async () => {
      await createDocuments(documents(), 'doc');
      // Three clients, each appending its own edits one call after another (as an instance's group
      // commits do), while a compactor loads and compacts whatever it finds until they are done.
      const writers = ['a', 'b', 'c'].map((name) => ({ name, edited: new EditedDoc(), sent: [] as Uint8Array[] }));
      let writing = true;
      let compactions = 0;
      const write = async ({ name, edited, sent }: (typeof writers)[number]) => {
        for (let round = 0; round < 12; round += 1) {
          const batch = [edited.type(`${name}${round} `)];
          sent.push(...batch);
          await log().append('doc', batch);
          await nextTurn();
        }
      };
      const compactWhileWriting = async () => {
        while (writing) {
          const loaded = await log().load('doc');
          // Let the writers append between this load and the compaction.
          await nextTurn();
          if (loaded.updates.length > 1) {
            await log().compact('doc', snapshotOf(loaded.updates), loaded.lastSeq);
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

      const after = await log().load('doc');
      expect(compactions).toBeGreaterThan(0);
      expect(textOf(after.updates)).toBe(textOf(writers.flatMap(({ sent }) => sent)));
      for (const { edited } of writers) expect(textOf(after.updates)).toContain(edited.text);
    });

    it('leaves other documents alone, even rows interleaved with the compacted ones', async () => {
      await createDocuments(documents(), 'doc', 'other');
      const edited = new EditedDoc();
      await log().append('doc', [edited.type('a')]);
      await log().append('other', [Uint8Array.of(1)]);
      await log().append('doc', [edited.type('b')]);
      await log().append('other', [Uint8Array.of(2)]);
      const before = await log().load('doc');

      await log().compact('doc', snapshotOf(before.updates), before.lastSeq);

      expectSameBytes((await log().load('other')).updates, [Uint8Array.of(1), Uint8Array.of(2)]);
      expect(textOf((await log().load('doc')).updates)).toBe('ab');
    });

    it('refuses a throughSeq beyond the last row, an empty snapshot and an unknown document', async () => {
      await createDocuments(documents(), 'doc');
      const edited = new EditedDoc();
      const updates = [edited.type('a'), edited.type('b')];
      const { lastSeq } = await log().append('doc', updates);
      const snapshot = snapshotOf(updates);

      await expectRefused(log().compact('doc', snapshot, lastSeq + 1), 'invalid-argument');
      await expectRefused(log().compact('doc', snapshot, 0), 'invalid-argument');
      await expectRefused(log().compact('doc', snapshot, 1.5), 'invalid-argument');
      await expectRefused(log().compact('doc', new Uint8Array(0), lastSeq), 'invalid-argument');
      await expectRefused(log().compact('unknown', snapshot, 1), 'no-such-document');
      expectSameBytes((await log().load('doc')).updates, updates);
    });
  });
}
