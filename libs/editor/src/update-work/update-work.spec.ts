import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { UPDATE_PART_BYTES } from '../connection/update-parts';
import { doUpdateWork, partsOfUpdate, readKeptCopy, type UpdateWork, type UpdateWorkResult } from './update-work';
import { readCopyOffThePage, updatePartsOffThePage } from './update-work-client';
import { serveUpdateWork } from './update-worker';
import { typedDocument } from '../testing/typed-document';

/** A document of `paragraphs` paragraphs, some with their first words deleted, and every update that made it. */
function longDocument(paragraphs: number): { doc: Y.Doc; updates: Uint8Array[] } {
  const { doc, updates, texts } = typedDocument(paragraphs);
  texts.forEach((text, index) => {
    if (index % 7 === 0) text.delete(0, 10);
  });
  return { doc, updates };
}

const rebuilt = (parts: readonly Uint8Array[]) => {
  const doc = new Y.Doc();
  for (const part of parts) Y.applyUpdate(doc, part);
  return doc;
};
const textOf = (doc: Y.Doc) => doc.getXmlFragment('prosemirror').toString();

describe('update work (done in the update worker where the page has one)', () => {
  it('cuts a large update into parts of about a part’s size that make the same document, and leaves a small one whole', () => {
    const { doc } = longDocument(300);
    const whole = Y.encodeStateAsUpdate(doc);
    expect(whole.length).toBeGreaterThan(4 * UPDATE_PART_BYTES);
    const parts = partsOfUpdate(whole);
    expect(parts.length).toBeGreaterThan(3);
    for (const part of parts) expect(part.length).toBeLessThan(2 * UPDATE_PART_BYTES);
    expect(textOf(rebuilt(parts))).toBe(textOf(doc));
    const small = Y.encodeStateAsUpdate(longDocument(2).doc);
    expect(partsOfUpdate(small)).toEqual([small]);
  });

  it('reads a copy kept on this device: whole, its parts make the document; missing an update, not whole and nothing to merge', () => {
    const { doc, updates } = longDocument(300);
    const copy = readKeptCopy(updates);
    expect(copy.whole).toBe(true);
    expect(copy.parts.length).toBeGreaterThan(3);
    expect(textOf(rebuilt(copy.parts))).toBe(textOf(doc));
    expect(readKeptCopy(updates.slice(1))).toEqual({ whole: false, parts: [] });
    expect(readKeptCopy([Uint8Array.of(1, 2, 3)])).toEqual({ whole: false, parts: [] });
    expect(readKeptCopy([])).toEqual({ whole: true, parts: [] });
  });

  it('answers an update Yjs cannot read with an error, not a throw', () => {
    expect(doUpdateWork({ kind: 'parts', update: new Uint8Array(3 * UPDATE_PART_BYTES).fill(255) })).toHaveProperty('error');
  });

  it('is served over a message port as the worker serves it, the parts transferred', async () => {
    const { port1: page, port2: worker } = new MessageChannel();
    serveUpdateWork(worker);
    const { doc } = longDocument(300);
    const reply = new Promise<{ id: number; result: UpdateWorkResult }>((resolve) => {
      page.onmessage = (event: MessageEvent<{ id: number; result: UpdateWorkResult }>) => resolve(event.data);
    });
    page.postMessage({ id: 7, work: { kind: 'parts', update: Y.encodeStateAsUpdate(doc) } satisfies UpdateWork });
    const { id, result } = await reply;
    page.close();
    expect(id).toBe(7);
    if ('error' in result) throw new Error(result.error);
    expect(textOf(rebuilt(result.parts))).toBe(textOf(doc));
  });

  it('answers null where there is no worker, so that the caller does the work on the page', async () => {
    const { doc, updates } = longDocument(300);
    expect(await updatePartsOffThePage(Y.encodeStateAsUpdate(doc))).toBeNull();
    expect(await readCopyOffThePage(updates)).toBeNull();
  });
});
