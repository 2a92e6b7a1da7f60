// @vitest-environment happy-dom
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { schema } from '@quire/editor-schema';
import type { Node, Slice } from 'prosemirror-model';
import { describe, expect, it } from 'vitest';
import { markdownSlice, parsePastedHtml, pastedLink } from './paste-transforms';

const fixture = (name: string) => readFileSync(path.join(__dirname, 'fixtures', name), 'utf8');

/** The pasted content as a document, for reading. */
function pasted(name: string): Node {
  const slice: Slice = parsePastedHtml(fixture(name));
  // Not checked: an open slice may start or end inside a block, which a document may not.
  return schema.topNodeType.create(null, slice.content);
}

function all(doc: Node, type: string): Node[] {
  const found: Node[] = [];
  doc.descendants((node) => {
    if (node.type.name === type) found.push(node);
  });
  return found;
}

function marksOn(doc: Node, text: string): string[] {
  let marks: string[] = [];
  doc.descendants((node) => {
    if (node.isText && node.text?.includes(text)) marks = node.marks.map((m) => (m.attrs['color'] ? `${m.type.name}:${String(m.attrs['color'])}` : m.type.name));
  });
  return marks;
}

describe('pasting from Google Docs', () => {
  const doc = pasted('google-docs.html');

  it('keeps the heading, bold and italic (not its bold wrapper), the link without its blue underline, and the highlight', () => {
    expect(all(doc, 'heading').map((h) => [h.attrs['level'], h.textContent])).toEqual([[1, 'Launch plan']]);
    expect(marksOn(doc, 'Bold start')).toEqual(['bold']);
    expect(marksOn(doc, ' then ')).toEqual([]);
    expect(marksOn(doc, 'italic')).toEqual(['italic']);
    expect(marksOn(doc, 'link')).toEqual(['link']);
    expect(marksOn(doc, ' marked')).toEqual(['highlight:yellow']);
  });

  it('keeps the list, the checklist with its ticks, the table and the image', () => {
    expect(all(doc, 'bullet_list')[0]?.textContent).toBe('First pointSecond point');
    const tasks = all(doc, 'task_item');
    expect(tasks.map((t) => [t.attrs['checked'], t.textContent])).toEqual([
      [true, 'Book venue'],
      [false, 'Send invites'],
    ]);
    expect(all(doc, 'table')[0]?.textContent).toBe('OwnerDueAdaFriday');
    expect(all(doc, 'image').map((i) => i.attrs['src'])).toContain('https://lh7-rt.googleusercontent.com/docsz/AD_4nXc9kPq2mN8vR4tY7uW1zX3bL6fH0jK5sD2gA9eQ');
  });
});

describe('pasting from Word', () => {
  const doc = pasted('word.html');

  it('keeps the heading, bold, italic, link, alignment and subscript', () => {
    expect(all(doc, 'heading')[0]?.textContent).toBe('Quarterly report');
    expect(marksOn(doc, 'Revenue')).toEqual(['bold']);
    expect(marksOn(doc, 'mostly')).toEqual(['italic']);
    expect(marksOn(doc, 'Q3')).toEqual(['link']);
    expect(all(doc, 'paragraph').find((p) => p.textContent === 'Centred note')?.attrs['align']).toBe('center');
    expect(marksOn(doc, '2')).toEqual(['subscript']);
  });

  it('turns its list paragraphs into nested bullet and numbered lists without the bullet characters', () => {
    const bullets = all(doc, 'bullet_list');
    expect(bullets[0]?.childCount).toBe(2);
    expect(bullets[0]?.child(0).textContent.trim()).toBe('Hire two engineersOne in Berlin');
    expect(bullets[1]?.textContent.trim()).toBe('One in Berlin');
    expect(all(doc, 'ordered_list')[0]?.textContent).toBe('PlanDo');
    expect(doc.textContent).not.toContain('·');
  });

  it('keeps the table, and drops only the local clip image Word cannot share (its text stays)', () => {
    expect(all(doc, 'table')[0]?.textContent).toBe('RegionSalesEMEA42');
    expect(all(doc, 'image')).toEqual([]);
    expect(doc.textContent).toContain('H2O');
  });
});

describe('pasting from Notion', () => {
  const doc = pasted('notion.html');

  it('keeps headings, bold, links, the to-do list with its ticks, numbered list, code with its language, quote, callout, table, image', () => {
    expect(all(doc, 'heading')[0]?.attrs['level']).toBe(2);
    expect(marksOn(doc, 'on Friday')).toEqual(['bold']);
    expect(marksOn(doc, 'the spec')).toEqual(['link']);
    expect(all(doc, 'task_item').map((t) => [t.attrs['checked'], t.textContent.trim()])).toEqual([
      [true, 'Write release notes'],
      [false, 'Tag the build'],
    ]);
    expect(all(doc, 'ordered_list')[0]?.textContent).toBe('FreezeTest');
    expect(all(doc, 'code_block').map((c) => [c.attrs['language'], c.textContent])).toEqual([['javascript', 'const ready = true;\nconsole.log(ready);']]);
    expect(all(doc, 'blockquote')[0]?.textContent).toBe('Ship small, ship often.');
    expect(all(doc, 'callout')[0]?.textContent).toContain('Remember the changelog');
    expect(all(doc, 'table_header').map((c) => c.textContent)).toEqual(['Task', 'Owner']);
    expect(all(doc, 'image').map((i) => [i.attrs['src'], i.attrs['title']])).toEqual([['https://images.example.com/board.png', 'Sprint board']]);
  });
});

describe('pasting from a web page', () => {
  const doc = pasted('web-page.html');

  it('keeps headings (h5 as level 4), lists with nesting, links, emphasis, the figure and its caption, the table', () => {
    expect(all(doc, 'heading').map((h) => [h.attrs['level'], h.textContent])).toEqual([
      [1, 'How we test'],
      [3, 'Tools'],
      [4, 'Fine print'],
    ]);
    expect(marksOn(doc, 'not')).toEqual(['italic']);
    expect(marksOn(doc, 'the guide')).toEqual(['link']);
    expect(all(doc, 'bullet_list')).toHaveLength(2);
    expect(all(doc, 'image').map((i) => i.attrs)).toEqual([{ src: 'https://example.org/wp-content/uploads/pyramid.png', alt: 'Test pyramid', title: 'The test pyramid', width: 640 }]);
    expect(all(doc, 'table')[0]?.textContent).toContain('unit3s');
  });

  it('refuses the javascript: link and the data: image but keeps their text, and drops scripts', () => {
    expect(marksOn(doc, 'this')).toEqual([]);
    expect(doc.textContent).toContain('Read the guide or this.');
    expect(doc.textContent).toContain('Tracking pixel above.');
    expect(doc.textContent).not.toContain('track()');
    expect(marksOn(doc, 'Red warning')).toEqual(['text_color:red']);
    expect(marksOn(doc, 'marked text')).toEqual(['highlight:yellow']);
    expect(doc.textContent).toContain('Last line.');
  });
});

describe('pasting plain text', () => {
  it('turns Markdown into structure', () => {
    const slice = markdownSlice('# Title\n\n- [ ] task\n\n| a | b |\n| --- | --- |\n| 1 | 2 |');
    expect(slice?.content.childCount).toBe(3);
    expect(slice?.content.child(1).type.name).toBe('task_list');
    expect(slice?.content.child(2).type.name).toBe('table');
  });

  it('leaves prose as text', () => {
    expect(markdownSlice('Just a line, 5 * 3.')).toBeNull();
  });

  it('recognises one safe address for linking a selection, not script or data URLs or sentences', () => {
    expect(pastedLink(' https://example.com/a ')).toBe('https://example.com/a');
    expect(pastedLink('javascript:alert(1)')).toBeNull();
    expect(pastedLink('data:text/html,x')).toBeNull();
    expect(pastedLink('see https://example.com')).toBeNull();
  });
});
