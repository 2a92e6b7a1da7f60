import { describe, expect, it } from 'vitest';
import { schema } from './schema';
import { SCHEMA_VERSION } from './version';

const text = (value: string) => schema.text(value);
const paragraph = (...content: string[]) => schema.node('paragraph', null, content.map(text));

describe('schema', () => {
  it('has exactly the documented nodes and marks', () => {
    expect(Object.keys(schema.nodes).sort()).toEqual(
      [
        'attachment',
        'blockquote',
        'bullet_list',
        'callout',
        'code_block',
        'doc',
        'hard_break',
        'heading',
        'horizontal_rule',
        'image',
        'list_item',
        'mention',
        'ordered_list',
        'paragraph',
        'table',
        'table_cell',
        'table_header',
        'table_row',
        'task_item',
        'task_list',
        'text',
      ].sort(),
    );
    expect(Object.keys(schema.marks).sort()).toEqual(
      ['bold', 'code', 'comment', 'highlight', 'italic', 'link', 'strike', 'subscript', 'superscript', 'text_color', 'underline'].sort(),
    );
  });

  it('is at version 3', () => {
    expect(SCHEMA_VERSION).toBe(3);
  });

  it('makes a paragraph the default block of an empty document', () => {
    const doc = schema.topNodeType.createAndFill();
    expect(doc?.toJSON()).toEqual({ type: 'doc', content: [{ type: 'paragraph', attrs: { align: null } }] });
  });

  it('accepts heading levels 1 to 4 only', () => {
    for (const level of [1, 2, 3, 4]) {
      expect(() => schema.node('heading', { level }, [text('Title')]).check()).not.toThrow();
    }
    for (const level of [0, 5, 6, '1', null]) {
      expect(() => schema.node('heading', { level }, [text('Title')]), String(level)).toThrow(RangeError);
    }
    expect(schema.node('heading', null).attrs['level']).toBe(1);
  });

  it('keeps code blocks as plain text without marks', () => {
    const bold = schema.marks.bold.create();
    expect(() => schema.node('code_block', null, [schema.text('x', [bold])]).check()).toThrow(RangeError);
    expect(() => schema.node('code_block', null, [schema.node('hard_break')])).toThrow(RangeError);
    expect(schema.nodes.code_block.spec.code).toBe(true);
  });

  it('requires a list item to start with a paragraph and allows nested lists after it', () => {
    const item = schema.node('list_item', null, [
      paragraph('one'),
      schema.node('bullet_list', null, [schema.node('list_item', null, [paragraph('nested')])]),
    ]);
    expect(() => schema.node('ordered_list', null, [item]).check()).not.toThrow();
    expect(() => schema.node('list_item', null, [schema.node('heading', null, [text('x')])]).check()).toThrow(
      RangeError,
    );
    expect(() => schema.node('bullet_list', null, [paragraph('not an item')]).check()).toThrow(RangeError);
  });

  it('lets blockquotes hold any blocks but not be empty', () => {
    expect(() => schema.node('blockquote', null, [paragraph('a'), schema.node('horizontal_rule')]).check()).not.toThrow();
    expect(() => schema.node('blockquote', null, []).check()).toThrow(RangeError);
  });

  it('numbers ordered lists from a non-negative start', () => {
    expect(schema.node('ordered_list', null, [schema.node('list_item', null, [paragraph('a')])]).attrs['order']).toBe(1);
    expect(() => schema.node('ordered_list', { order: -1 }, [])).toThrow(RangeError);
    expect(() => schema.node('ordered_list', { order: 1.5 }, [])).toThrow(RangeError);
  });

  it('renders nodes to the expected elements', () => {
    const dom = (name: keyof typeof schema.nodes, attrs?: Record<string, unknown>) => {
      const type = schema.nodes[name];
      return type.spec.toDOM?.(type.create(attrs));
    };
    expect(dom('paragraph')).toEqual(['p', {}, 0]);
    expect(dom('paragraph', { align: 'center' })).toEqual(['p', { style: 'text-align: center' }, 0]);
    expect(dom('paragraph', { align: 'sideways' })).toEqual(['p', {}, 0]);
    expect(dom('heading', { level: 2 })).toEqual(['h2', {}, 0]);
    expect(dom('heading', { level: 4, align: 'right' })).toEqual(['h4', { style: 'text-align: right' }, 0]);
    expect(dom('blockquote')).toEqual(['blockquote', 0]);
    expect(dom('code_block')).toEqual(['pre', ['code', 0]]);
    expect(dom('code_block', { language: 'typescript' })).toEqual([
      'pre',
      { 'data-language': 'typescript' },
      ['code', { class: 'language-typescript' }, 0],
    ]);
    expect(dom('horizontal_rule')).toEqual(['hr']);
    expect(dom('bullet_list')).toEqual(['ul', 0]);
    expect(dom('ordered_list')).toEqual(['ol', 0]);
    expect(dom('ordered_list', { order: 3 })).toEqual(['ol', { start: '3' }, 0]);
    expect(dom('list_item')).toEqual(['li', 0]);
    expect(dom('hard_break')).toEqual(['br']);
  });

  it('round-trips a rich document through JSON', () => {
    const link = schema.marks.link.create({ href: 'https://example.com' });
    const doc = schema.node('doc', null, [
      schema.node('heading', { level: 1 }, [text('Plan')]),
      schema.node('paragraph', null, [
        schema.text('bold', [schema.marks.bold.create()]),
        schema.node('hard_break'),
        schema.text('link', [link]),
      ]),
      schema.node('code_block', null, [text('const x = 1;')]),
    ]);
    doc.check();
    expect(schema.nodeFromJSON(doc.toJSON()).eq(doc)).toBe(true);
  });
});
