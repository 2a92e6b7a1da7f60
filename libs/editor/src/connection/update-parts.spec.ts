import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { cutUpdate, partsFor, UPDATE_PART_BYTES } from './update-parts';
import { typedDocument } from '../testing/typed-document';

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

  it('spreads the anchors of many one-change clients over the parts, each after the text it marks', () => {
    // As the server anchors threads: each mark made on a copy under a client id of its own.
    const { doc: source } = typedDocument(60);
    const fragment = source.getXmlFragment('prosemirror');
    const textOnly = Y.encodeStateVector(source);
    const text = Y.encodeStateAsUpdate(source);
    for (let index = 0; index < 60; index++) {
      const anchor = new Y.Doc();
      Y.applyUpdate(anchor, Y.encodeStateAsUpdate(source));
      const text = (anchor.getXmlFragment('prosemirror').get(index) as Y.XmlElement).get(0) as Y.XmlText;
      text.format(0, 5, { comment: { threadId: `thread-${index}` } });
      Y.applyUpdate(source, Y.encodeStateAsUpdate(anchor, Y.encodeStateVector(source)));
    }
    const whole = Y.encodeStateAsUpdate(source);
    const parts = splitUpdate(whole, 6);
    const anchorClients = (part: Uint8Array) => new Set(Y.decodeUpdate(part).structs.map((struct) => struct.id.client)).size - 1;
    const perPart = parts.map(anchorClients);
    expect(perPart.reduce((sum, count) => sum + Math.max(count, 0), 0)).toBeGreaterThanOrEqual(60);
    // By shares alone, all 60 went in the last part.
    expect(Math.max(...perPart)).toBeLessThan(30);
    const doc = new Y.Doc();
    for (const part of parts) {
      Y.applyUpdate(doc, part);
      // No mark arrives before the text it marks.
      expect(doc.store.pendingStructs).toBeNull();
    }
    expect(doc.getXmlFragment('prosemirror').toString()).toBe(fragment.toString());

    // The anchors alone (a device that has the text already): each refers only to what it has, and
    // they go in the parts in turn, not all in the first.
    const anchorsOnly = splitUpdate(Y.encodeStateAsUpdate(source, textOnly), 4);
    const clientsIn = (part: Uint8Array) => new Set(Y.decodeUpdate(part).structs.map((struct) => struct.id.client)).size;
    expect(anchorsOnly.map(clientsIn).reduce((sum, count) => sum + count, 0)).toBe(60);
    expect(Math.max(...anchorsOnly.map(clientsIn))).toBeLessThanOrEqual(15);
    const device = new Y.Doc();
    Y.applyUpdate(device, text);
    for (const part of anchorsOnly) {
      Y.applyUpdate(device, part);
      expect(device.store.pendingStructs).toBeNull();
    }
    expect(device.getXmlFragment('prosemirror').toString()).toBe(fragment.toString());
  });

  it('spreads a chain of one-change clients over the parts (a map key set by each in turn)', () => {
    const source = new Y.Doc();
    source.getMap('threads').set('revision', 0);
    const before = Y.encodeStateAsUpdate(source);
    const beforeVector = Y.encodeStateVector(source);
    for (let index = 1; index <= 300; index++) {
      const other = new Y.Doc();
      Y.applyUpdate(other, Y.encodeStateAsUpdate(source));
      other.getMap('threads').set('revision', index);
      Y.applyUpdate(source, Y.encodeStateAsUpdate(other, Y.encodeStateVector(source)));
    }
    const parts = splitUpdate(Y.encodeStateAsUpdate(source, beforeVector), 4);
    const structsIn = (part: Uint8Array) => Y.decodeUpdate(part).structs.length;
    expect(parts.map(structsIn).reduce((sum, count) => sum + count, 0)).toBe(300);
    // Each refers to the one before: by reference alone, all 300 went in one part.
    expect(Math.max(...parts.map(structsIn))).toBeLessThanOrEqual(75);
    const device = new Y.Doc();
    Y.applyUpdate(device, before);
    for (const part of parts) Y.applyUpdate(device, part);
    expect(device.getMap('threads').get('revision')).toBe(300);
    expect(device.store.pendingStructs).toBeNull();
    expect(device.store.pendingDs).toBeNull();
  });

  it('keeps a small update whole', () => {
    const update = Y.encodeStateAsUpdate(editedDocument());
    expect(splitUpdate(update, 1)).toEqual([update]);
    expect(partsFor(2 * UPDATE_PART_BYTES)).toBe(1);
    expect(partsFor(2 * UPDATE_PART_BYTES + 1)).toBe(3);
  });
});
