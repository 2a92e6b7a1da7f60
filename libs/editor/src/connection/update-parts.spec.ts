import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { cutUpdate, partsFor, UPDATE_PART_BYTES } from './update-parts';

const splitUpdate = (update: Uint8Array, count: number) => cutUpdate(update, count).map((part) => part());

/** Paragraphs of text typed by two people in turns, some formatted, some deleted. */
function editedDocument(): Y.Doc {
  const ada = new Y.Doc();
  const grace = new Y.Doc();
  const sync = (from: Y.Doc, to: Y.Doc) => Y.applyUpdate(to, Y.encodeStateAsUpdate(from, Y.encodeStateVector(to)));
  for (let round = 0; round < 40; round++) {
    const writer = round % 2 === 0 ? ada : grace;
    const fragment = writer.getXmlFragment('prosemirror');
    const paragraph = new Y.XmlElement('paragraph');
    const text = new Y.XmlText();
    paragraph.insert(0, [text]);
    fragment.insert(fragment.length, [paragraph]);
    text.insert(0, `Round ${round}: the committee discussed item ${round} at length.`);
    text.format(10, 9, { comment: { threadId: `thread-${round}` } });
    if (round > 2) ((fragment.get(round - 2) as Y.XmlElement).get(0) as Y.XmlText).delete(0, 6);
    writer.getMap('threads').set(`thread-${round}`, { resolved: round % 3 === 0 });
    sync(ada, grace);
    sync(grace, ada);
  }
  return ada;
}

const contentOf = (doc: Y.Doc) => ({ text: doc.getXmlFragment('prosemirror').toString(), threads: doc.getMap('threads').toJSON() });

describe('splitting an update into parts', () => {
  it('makes the same document from the parts, applied in order, as from the whole', () => {
    const source = editedDocument();
    const whole = Y.encodeStateAsUpdate(source);
    for (const count of [2, 3, 7, 20]) {
      const parts = splitUpdate(whole, count);
      expect(parts.length).toBe(count);
      const doc = new Y.Doc();
      for (const part of parts) Y.applyUpdate(doc, part);
      expect(contentOf(doc)).toEqual(contentOf(source));
      expect(Y.encodeStateVector(doc)).toEqual(Y.encodeStateVector(source));
      // Nothing left waiting for a missing struct or deletion.
      expect(doc.store.pendingStructs).toBeNull();
      expect(doc.store.pendingDs).toBeNull();
    }
  });

  it('gives parts that are each a share of the whole, the first already showing text', () => {
    const source = editedDocument();
    const whole = Y.encodeStateAsUpdate(source);
    const parts = splitUpdate(whole, 4);
    const doc = new Y.Doc();
    Y.applyUpdate(doc, parts[0] as Uint8Array);
    expect(doc.getXmlFragment('prosemirror').length).toBeGreaterThan(0);
    for (const part of parts) expect(part.length).toBeLessThan(whole.length * 0.6);
  });

  it('hands each part the deletions of the structs it completes, leaving none for one heavy last part', () => {
    const source = editedDocument();
    const whole = Y.encodeStateAsUpdate(source);
    const deletedIn = (part: Uint8Array) =>
      [...(Y.decodeUpdate(part).ds.clients.values() as Iterable<{ len: number }[]>)].flat().reduce((sum, range) => sum + range.len, 0);
    const parts = splitUpdate(whole, 5);
    const perPart = parts.map(deletedIn);
    expect(perPart.reduce((sum, count) => sum + count, 0)).toBe(deletedIn(whole));
    expect(perPart.filter((count) => count > 0).length).toBeGreaterThan(2);
    expect(Math.max(...perPart)).toBeLessThan(deletedIn(whole));
    // Each part's deletions apply at once: none waits for a struct of a later part.
    const doc = new Y.Doc();
    for (const part of parts) {
      Y.applyUpdate(doc, part);
      expect(doc.store.pendingDs).toBeNull();
    }
  });

  it('keeps a small update whole', () => {
    const update = Y.encodeStateAsUpdate(editedDocument());
    expect(splitUpdate(update, 1)).toEqual([update]);
    expect(partsFor(2 * UPDATE_PART_BYTES)).toBe(1);
    expect(partsFor(2 * UPDATE_PART_BYTES + 1)).toBe(3);
  });
});
