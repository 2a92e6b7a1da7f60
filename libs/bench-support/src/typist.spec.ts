import { PROSEMIRROR_FRAGMENT } from '@quire/constants';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { keystrokeUpdates, LINE_LENGTH, Typist } from './typist';

describe('Typist', () => {
  it('types one update per key into paragraphs of the prosemirror fragment, Enter every LINE_LENGTH characters', () => {
    const doc = new Y.Doc();
    let updates = 0;
    doc.on('update', () => (updates += 1));
    const typist = new Typist(doc);
    expect(typist.caret).toBeUndefined();
    for (let key = 0; key < LINE_LENGTH + 3; key++) typist.press();
    expect(updates).toBe(LINE_LENGTH + 3);
    const paragraphs = doc.getXmlFragment(PROSEMIRROR_FRAGMENT).toArray() as Y.XmlElement[];
    expect(paragraphs.map((paragraph) => paragraph.nodeName)).toEqual(['paragraph', 'paragraph']);
    expect((paragraphs[0].get(0) as Y.XmlText).toString()).toHaveLength(LINE_LENGTH);
    expect((paragraphs[1].get(0) as Y.XmlText).toString()).toHaveLength(1);
    expect(typist.caret?.index).toBe(1);
  });

  it('gives updates that rebuild the text in another document (an Enter, then 49 characters)', () => {
    const updates = keystrokeUpdates(50);
    expect(updates).toHaveLength(50);
    const copy = new Y.Doc();
    for (const update of updates) Y.applyUpdate(copy, update);
    expect(copy.getXmlFragment(PROSEMIRROR_FRAGMENT).toString()).toBe('<paragraph>Whatever any collaborator has seen survives a kil</paragraph>');
  });
});
