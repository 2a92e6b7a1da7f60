import type { VersionChange } from '@quire/api-contract';
import { colorForUserId } from '@quire/editor';
import { schema } from '@quire/editor-schema';
import type { Decoration } from 'prosemirror-view';
import { describe, expect, it } from 'vitest';
import { authorNames, changeColor, changeCounts, diffDecorations, formatWords } from './diff-decorations';

const authors = [
  { id: 'u-ada', name: 'Ada' },
  { id: 'u-grace', name: 'Grace' },
];

// "Hello brave world" in a paragraph, then a heading: positions 1–18 are the paragraph's text.
const doc = schema.node('doc', null, [
  schema.node('paragraph', null, [schema.text('Hello '), schema.text('brave', [schema.marks['bold']!.create()]), schema.text(' world')]),
  schema.node('heading', { level: 2 }, [schema.text('Title')]),
]);

/** The attributes a decoration puts on the DOM (kept on its `type`, which ProseMirror does not type publicly). */
function specOf(decoration: Decoration): Record<string, string> {
  return (decoration as unknown as { type: { attrs?: Record<string, string> } }).type.attrs ?? {};
}

describe('diff decorations', () => {
  it('colours a change as its author’s cursor is coloured, and names its authors', () => {
    expect(changeColor(['u-ada', 'u-grace'])).toBe(colorForUserId('u-ada'));
    expect(changeColor([])).toMatch(/^#[0-9a-f]{6}$/);
    expect(authorNames(['u-ada'], authors)).toBe('Ada');
    expect(authorNames(['u-ada', 'u-grace', 'u-gone'], authors)).toBe('Ada, Grace and Former member');
    expect(authorNames([], authors)).toBe('someone');
  });

  it('marks insertions in their author’s colour, deletions where they stood, formatting and node changes', () => {
    const changes: VersionChange[] = [
      { type: 'insert', kind: 'text', from: 7, to: 12, authorIds: ['u-grace'] },
      { type: 'delete', kind: 'text', at: 18, fromA: 18, toA: 22, slice: { content: [{ type: 'text', text: ' old' }] }, authorIds: ['u-ada'] },
      { type: 'format', from: 7, to: 12, added: [{ type: 'bold' }], removed: [], authorIds: ['u-ada'] },
      { type: 'node', from: 19, to: 26, before: { type: 'heading', attrs: { level: 1 } }, after: { type: 'heading', attrs: { level: 2 } }, authorIds: ['u-ada'] },
      { type: 'insert', kind: 'node', from: 19, to: 26, authorIds: ['u-ada'] },
    ];
    const set = diffDecorations(doc, changes, authors);
    const found = set.find();
    expect(found).toHaveLength(5);

    const insertion = found.find((d) => specOf(d).class === 'quire-diff-insert')!;
    expect([insertion.from, insertion.to]).toEqual([7, 12]);
    expect(specOf(insertion).nodeName).toBe('ins');
    expect(specOf(insertion).style).toBe(`--quire-diff-color: ${colorForUserId('u-grace')}`);
    expect(specOf(insertion).title).toBe('Added by Grace');

    const deletion = found.find((d) => d.from === 18 && d.to === 18)!;
    expect(deletion.spec).toMatchObject({ side: -1 });

    const format = found.find((d) => specOf(d).class === 'quire-diff-format')!;
    expect(specOf(format).title).toBe('Formatting changed by Ada: added bold');

    const node = found.find((d) => specOf(d).class === 'quire-diff-node')!;
    expect([node.from, node.to]).toEqual([19, 26]);
    expect(found.some((d) => specOf(d).class === 'quire-diff-insert-block' && d.from === 19)).toBe(true);
  });

  it('leaves out a change whose positions do not fit the document rather than drawing it wrong', () => {
    const changes: VersionChange[] = [
      { type: 'insert', kind: 'text', from: 20, to: 400, authorIds: ['u-ada'] },
      { type: 'delete', kind: 'node', at: 999, fromA: 0, toA: 3, slice: {}, authorIds: [] },
    ];
    expect(diffDecorations(doc, changes, authors).find()).toHaveLength(0);
  });

  it('says what formatting changed and counts changes by sort', () => {
    const format: Extract<VersionChange, { type: 'format' }> = {
      type: 'format',
      from: 1,
      to: 3,
      added: [{ type: 'text_color', attrs: { color: 'red' } }],
      removed: [{ type: 'italic' }],
      authorIds: ['u-grace'],
    };
    expect(formatWords(format, authors)).toBe('Formatting changed by Grace: added text color; removed italic');
    expect(changeCounts([format, { type: 'insert', kind: 'text', from: 1, to: 2, authorIds: [] }])).toEqual({ insertions: 1, deletions: 0, formatting: 1 });
  });
});
