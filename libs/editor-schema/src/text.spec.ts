import { PROSEMIRROR_FRAGMENT } from '@quire/constants';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { documentText } from './text';

function element(name: string, children: (Y.XmlElement | Y.XmlText)[], attributes: Record<string, string> = {}): Y.XmlElement {
  const node = new Y.XmlElement(name);
  for (const [key, value] of Object.entries(attributes)) node.setAttribute(key, value);
  node.insert(0, children);
  return node;
}

const text = (value: string) => new Y.XmlText(value);

describe('documentText', () => {
  it('reads every textblock with text, nested ones too, one line each, with captions and mentions', () => {
    const doc = new Y.Doc();
    doc.getXmlFragment(PROSEMIRROR_FRAGMENT).insert(0, [
      element('heading', [text('Garden   plans')], { level: '1' }),
      element('paragraph', []),
      element('bullet_list', [element('list_item', [element('paragraph', [text('Tomatoes')])])]),
      element('blockquote', [element('paragraph', [text('A quote'), element('mention', [], { id: 'u1', label: 'Ada' })])]),
      element('image', [], { src: '/api/files/x', alt: 'The shed', title: 'Built in May' }),
      element('table', [element('table_row', [element('table_cell', [element('paragraph', [text('Cell')])])])]),
    ]);
    expect(documentText(doc)).toBe('Garden plans\nTomatoes\nA quote @Ada\nThe shed\nBuilt in May\nCell');
  });

  it('is empty for an empty document, and leaves deleted blocks out', () => {
    const doc = new Y.Doc();
    expect(documentText(doc)).toBe('');
    const fragment = doc.getXmlFragment(PROSEMIRROR_FRAGMENT);
    fragment.insert(0, [element('paragraph', [text('Gone')]), element('paragraph', [text('Kept')])]);
    fragment.delete(0, 1);
    expect(documentText(doc)).toBe('Kept');
  });
});
