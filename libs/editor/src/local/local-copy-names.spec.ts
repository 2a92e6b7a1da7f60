import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { decodesWhole } from './local-copy';
import { belongsTo, documentOf, localCopyName, setAsideName } from './local-copy-names';
import { mergeSummaryText } from './merge-summary';

describe('local copies', () => {
  it('are named per account and document, so another account never opens them', () => {
    expect(localCopyName('u1', 'doc-1')).toBe('quire-doc:u1:doc-1');
    expect(belongsTo(localCopyName('u1', 'doc-1'), 'u1')).toBe(true);
    expect(belongsTo(setAsideName('u1', 'doc-1', 5), 'u1')).toBe(true);
    expect(belongsTo(localCopyName('u1', 'doc-1'), 'u')).toBe(false);
    expect(belongsTo(localCopyName('u10', 'doc-1'), 'u1')).toBe(false);
    expect(documentOf(localCopyName('u1', 'doc-1'), 'u1')).toBe('doc-1');
    expect(documentOf(setAsideName('u1', 'doc-1', 5), 'u1')).toBeUndefined();
  });

  it('are merged only when every update reads and none depends on a missing one', async () => {
    const doc = new Y.Doc();
    const updates: Uint8Array[] = [];
    doc.on('update', (update: Uint8Array) => updates.push(update));
    doc.getText('t').insert(0, 'a');
    doc.getText('t').insert(1, 'b');
    expect(await decodesWhole(updates)).toBe(true);
    expect(await decodesWhole([updates[1]!])).toBe(false);
    expect(await decodesWhole([Uint8Array.of(1, 2, 3)])).toBe(false);
  });

  it('say in one line what a long offline session merged', () => {
    expect(mergeSummaryText({ mine: 12, others: 40 })).toBe('12 changes from you and 40 from others merged');
    expect(mergeSummaryText({ mine: 1, others: 0 })).toBe('1 change from you sent and saved');
    expect(mergeSummaryText({ mine: 0, others: 1 })).toBe('1 change from others merged');
    expect(mergeSummaryText({ mine: 0, others: 0 })).toBeUndefined();
  });
});
