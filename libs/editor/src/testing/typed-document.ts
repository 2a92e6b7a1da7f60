import * as Y from 'yjs';

/**
 * A document of `paragraphs` paragraphs typed one after another (a Yjs transaction each), the
 * updates that made it, as a page keeps them, and each paragraph's text (to format or delete in).
 */
export function typedDocument(paragraphs: number): { doc: Y.Doc; updates: Uint8Array[]; texts: Y.XmlText[] } {
  const doc = new Y.Doc();
  const updates: Uint8Array[] = [];
  doc.on('update', (update: Uint8Array) => updates.push(update));
  const fragment = doc.getXmlFragment('prosemirror');
  const texts: Y.XmlText[] = [];
  for (let index = 0; index < paragraphs; index++) {
    const text = new Y.XmlText(`Point ${index + 1}: the committee discussed item ${index + 1} at length and agreed to revisit it.`);
    const paragraph = new Y.XmlElement('paragraph');
    paragraph.insert(0, [text]);
    fragment.insert(fragment.length, [paragraph]);
    texts.push(text);
  }
  return { doc, updates, texts };
}
