import type { DOMOutputSpec } from 'prosemirror-model';
import { describe, expect, it } from 'vitest';
import { schema } from './schema';

const p = (value = '') => schema.node('paragraph', null, value ? [schema.text(value)] : []);
const render = (name: keyof typeof schema.nodes, attrs: Record<string, unknown>): DOMOutputSpec | undefined =>
  schema.nodes[name].spec.toDOM?.(schema.nodes[name].create(attrs));

describe('tables', () => {
  const cell = (type: 'table_cell' | 'table_header', value: string, attrs?: Record<string, unknown>) =>
    schema.node(type, attrs ?? null, [p(value)]);

  it('hold rows of header or data cells, each with blocks and colspan, rowspan and colwidth', () => {
    const table = schema.node('table', null, [
      schema.node('table_row', null, [cell('table_header', 'Name'), cell('table_header', 'Role')]),
      schema.node('table_row', null, [cell('table_cell', 'Ada', { colspan: 2, colwidth: [120, 80] })]),
    ]);
    expect(() => schema.node('doc', null, [table]).check()).not.toThrow();
    expect(table.child(1).child(0).attrs).toEqual({ colspan: 2, rowspan: 1, colwidth: [120, 80] });
    expect(() => schema.node('table', null, [p('loose')]).check()).toThrow(RangeError);
    expect(() => schema.node('table_cell', null, []).check()).toThrow(RangeError);
  });
});

describe('task lists', () => {
  it('hold task items that start with a paragraph and carry checked', () => {
    const list = schema.node('task_list', null, [
      schema.node('task_item', { checked: true }, [p('done')]),
      schema.node('task_item', null, [p('todo'), schema.node('task_list', null, [schema.node('task_item', null, [p('sub')])])]),
    ]);
    expect(() => list.check()).not.toThrow();
    expect(list.child(1).attrs['checked']).toBe(false);
    expect(() => schema.node('task_list', null, [schema.node('list_item', null, [p('x')])]).check()).toThrow(RangeError);
    expect(() => schema.node('task_item', { checked: 'yes' }, [p('x')])).toThrow(RangeError);
  });

  it('render a checkbox the page can click, outside the editable content', () => {
    expect(render('task_item', { checked: true })).toEqual([
      'li',
      { 'data-type': 'task_item', 'data-checked': 'true', class: 'quire-task-item' },
      ['span', { class: 'quire-task-checkbox', contenteditable: 'false' }, ['input', { type: 'checkbox', checked: 'checked' }]],
      ['div', { class: 'quire-task-content' }, 0],
    ]);
  });
});

describe('callouts', () => {
  it('hold blocks and render their kind, an unknown kind as info', () => {
    expect(() => schema.node('callout', { kind: 'warning' }, [p('careful')]).check()).not.toThrow();
    expect(() => schema.node('callout', null, []).check()).toThrow(RangeError);
    expect(render('callout', { kind: 'error' })).toEqual(['div', { 'data-callout': 'error', class: 'quire-callout quire-callout-error', role: 'note' }, 0]);
    expect(render('callout', { kind: 'sparkles' })).toEqual(['div', { 'data-callout': 'info', class: 'quire-callout quire-callout-info', role: 'note' }, 0]);
  });
});

describe('images and attachments', () => {
  it('render a file URL or an http(s) source, never a data: or javascript: one', () => {
    expect(render('image', { src: '/api/files/abc_1', alt: 'Chart', title: 'Q3', width: 320 })).toEqual([
      'figure',
      { class: 'quire-image' },
      ['img', { src: '/api/files/abc_1', alt: 'Chart', title: 'Q3', width: '320' }],
      ['figcaption', 'Q3'],
    ]);
    for (const src of ['javascript:alert(1)', 'data:image/png;base64,AAAA', '/etc/passwd', '/api/files/../x']) {
      expect(render('image', { src }), src).toEqual(['figure', { class: 'quire-image', 'data-unsafe-src': '' }, ['img', { alt: '' }]]);
    }
  });

  it('render an uploading placeholder with its upload id and no source', () => {
    expect(render('image', { src: 'upload:u-1' })).toEqual(['figure', { class: 'quire-image', 'data-upload': 'u-1' }, ['img', { alt: '' }]]);
  });

  it('link an attachment to its file only when it is one of the server files', () => {
    const spec = render('attachment', { src: '/api/files/f1', name: 'plan.pdf', size: 2048, contentType: 'application/pdf' });
    expect(spec).toEqual([
      'div',
      { class: 'quire-attachment', 'data-attachment': '', 'data-src': '/api/files/f1', 'data-name': 'plan.pdf', 'data-size': '2048', 'data-content-type': 'application/pdf' },
      ['a', { href: '/api/files/f1', download: 'plan.pdf', rel: 'noopener noreferrer' }, 'plan.pdf'],
    ]);
    const hostile = render('attachment', { src: 'javascript:alert(1)', name: 'x' }) as unknown as [string, unknown, [string, Record<string, string>]];
    expect(hostile[2][1]).toEqual({ rel: 'noopener noreferrer' });
  });

  it('check attribute types so a wrong one never reaches the page', () => {
    expect(() => schema.node('image', { src: 5 })).toThrow(RangeError);
    expect(() => schema.node('image', {})).toThrow(RangeError);
    expect(() => schema.node('attachment', { src: '/api/files/a', size: '12' })).toThrow(RangeError);
  });
});

describe('mentions', () => {
  it('are inline atoms with the user id and the name at insertion, read as @name', () => {
    const mention = schema.node('mention', { id: 'u1', label: 'Ada' });
    const paragraph = schema.node('paragraph', null, [schema.text('Ask '), mention, schema.text(' today')]);
    expect(() => paragraph.check()).not.toThrow();
    expect(mention.isAtom && mention.isInline).toBe(true);
    expect(paragraph.textContent).toBe('Ask @Ada today');
    expect(render('mention', { id: 'u1', label: 'Ada' })).toEqual(['span', { class: 'quire-mention', 'data-mention': 'u1', 'data-label': 'Ada' }, '@Ada']);
    expect(() => schema.node('code_block', null, [mention]).check()).toThrow(RangeError);
  });
});
