import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { deriveTitle, MAX_TITLE_LENGTH } from './title';

function element(name: string, children: (Y.XmlElement | Y.XmlText)[]): Y.XmlElement {
  const node = new Y.XmlElement(name);
  node.insert(0, children);
  return node;
}

function text(content: string): Y.XmlText {
  const node = new Y.XmlText();
  node.insert(0, content);
  return node;
}

function docWith(blocks: () => Y.XmlElement[]): Y.Doc {
  const doc = new Y.Doc();
  doc.getXmlFragment('prosemirror').insert(0, blocks());
  return doc;
}

describe('deriveTitle', () => {
  it('is empty for an empty document', () => {
    expect(deriveTitle(new Y.Doc())).toBe('');
    expect(deriveTitle(docWith(() => [element('paragraph', []), element('horizontal_rule', [])]))).toBe('');
  });

  it('takes the first textblock with non-whitespace text, trimmed', () => {
    const doc = docWith(() => [
      element('paragraph', []),
      element('horizontal_rule', []),
      element('paragraph', [text('   ')]),
      element('heading', [text('  Quarterly '), text('report ')]),
      element('paragraph', [text('body')]),
    ]);
    expect(deriveTitle(doc)).toBe('Quarterly report');
  });

  it('reads the first line inside quotes and lists, not the whole list', () => {
    const quote = docWith(() => [element('blockquote', [element('paragraph', [text('Nested'), element('hard_break', []), text('\n\tquote')])])]);
    expect(deriveTitle(quote)).toBe('Nested quote');
    const list = docWith(() => [
      element('bullet_list', [
        element('list_item', [element('paragraph', [])]),
        element('list_item', [element('paragraph', [text('first item')])]),
        element('list_item', [element('paragraph', [text('second item')])]),
      ]),
    ]);
    expect(deriveTitle(list)).toBe('first item');
  });

  it('lets a hard break separate words', () => {
    expect(deriveTitle(docWith(() => [element('paragraph', [text('Plans'), element('hard_break', []), text('2025')])]))).toBe('Plans 2025');
  });

  it('reads a mention as @ and the name it was given', () => {
    const mention = new Y.XmlElement('mention');
    mention.setAttribute('id', 'u1');
    mention.setAttribute('label', 'Ada');
    expect(deriveTitle(docWith(() => [element('paragraph', [text('Call'), mention, text('today')])]))).toBe('Call @Ada today');
  });

  it('ignores formatting and embeds', () => {
    const doc = new Y.Doc();
    const paragraph = new Y.XmlElement('paragraph');
    const content = new Y.XmlText();
    doc.getXmlFragment('prosemirror').insert(0, [paragraph]);
    paragraph.insert(0, [content]);
    content.insert(0, 'bold', { strong: true });
    content.insertEmbed(4, { image: 'x.png' });
    content.insert(5, ' plain');
    expect(deriveTitle(doc)).toBe('bold plain');
  });

  it(`cuts to ${MAX_TITLE_LENGTH} characters without splitting a surrogate pair`, () => {
    const doc = docWith(() => [element('paragraph', [text('😀'.repeat(300))])]);
    const title = deriveTitle(doc);
    expect(Array.from(title)).toHaveLength(MAX_TITLE_LENGTH);
    expect(title).toBe('😀'.repeat(MAX_TITLE_LENGTH));
  });

  it('skips deleted blocks, and reads blocks added later by another client', () => {
    const doc = docWith(() => [element('heading', [text('Old title')]), element('paragraph', [text('Second')])]);
    doc.getXmlFragment('prosemirror').delete(0, 1);
    expect(deriveTitle(doc)).toBe('Second');

    const other = new Y.Doc();
    Y.applyUpdate(other, Y.encodeStateAsUpdate(doc));
    other.getXmlFragment('prosemirror').insert(0, [element('heading', [text('New title')])]);
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(other, Y.encodeStateVector(doc)));
    expect(deriveTitle(doc)).toBe('New title');
  });
});
