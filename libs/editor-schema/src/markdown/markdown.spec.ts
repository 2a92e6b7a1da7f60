import type { Node } from 'prosemirror-model';
import { describe, expect, it } from 'vitest';
import { schema } from '../schema';
import { looksLikeMarkdown } from './looks-like-markdown';
import { parseMarkdown } from './parser';
import { serializeMarkdown } from './serializer';

const summary = (doc: Node) => doc.content.content.map((node) => node.type.name);

describe('parseMarkdown', () => {
  it('turns headings, lists, quotes, rules and code with its language into structure', () => {
    const doc = parseMarkdown('# One\n\n#### Four\n\n###### Six\n\n- a\n- b\n\n3. c\n\n> quoted\n\n---\n\n```ts\nconst x = 1;\n```\n');
    doc.check();
    expect(summary(doc)).toEqual(['heading', 'heading', 'heading', 'bullet_list', 'ordered_list', 'blockquote', 'horizontal_rule', 'code_block']);
    expect(doc.child(2).attrs['level']).toBe(4);
    expect(doc.child(4).attrs['order']).toBe(3);
    expect(doc.child(7).attrs['language']).toBe('ts');
    expect(doc.child(7).textContent).toBe('const x = 1;');
  });

  it('reads marks: bold, italic, strike, code, links and bare URLs', () => {
    const paragraph = parseMarkdown('**b** *i* ~~s~~ `c` [l](https://example.com) https://bare.example').child(0);
    const marks: string[] = [];
    paragraph.forEach((node) => marks.push(`${node.text}:${node.marks.map((m) => m.type.name).join(',')}`));
    expect(marks).toEqual(['b:bold', ' :', 'i:italic', ' :', 's:strike', ' :', 'c:code', ' :', 'l:link', ' :', 'https://bare.example:link']);
  });

  it('reads GitHub task lists, and leaves a list that mixes tasks and items a bullet list with its text', () => {
    const tasks = parseMarkdown('- [ ] todo\n- [x] done\n- [X] also\n').child(0);
    expect(tasks.type.name).toBe('task_list');
    expect(tasks.content.content.map((item) => [item.attrs['checked'], item.textContent])).toEqual([
      [false, 'todo'],
      [true, 'done'],
      [true, 'also'],
    ]);
    const mixed = parseMarkdown('- [ ] todo\n- plain\n').child(0);
    expect(mixed.type.name).toBe('bullet_list');
    expect(mixed.textContent).toBe('[ ] todoplain');
  });

  it('reads pipe tables with a header row and column alignment', () => {
    const table = parseMarkdown('| Name | Role |\n| :--: | --- |\n| Ada | Eng |\n').child(0);
    table.check();
    expect(table.type.name).toBe('table');
    expect(table.child(0).child(0).type.name).toBe('table_header');
    expect(table.child(1).child(0).type.name).toBe('table_cell');
    expect(table.child(1).child(0).child(0).attrs['align']).toBe('center');
    expect(table.textContent).toBe('NameRoleAdaEng');
  });

  it('reads GitHub alerts as callouts', () => {
    const callout = parseMarkdown('> [!WARNING]\n> Mind the gap\n').child(0);
    expect(callout.type.name).toBe('callout');
    expect(callout.attrs['kind']).toBe('warning');
    expect(callout.textContent).toBe('Mind the gap');
  });

  it('lifts images out of paragraphs as blocks, and keeps unsafe ones and unsafe links as text', () => {
    const doc = parseMarkdown('see ![chart](https://example.com/c.png "Q3") here\n\n![x](data:image/png;base64,AA) [y](javascript:alert(1))');
    doc.check();
    expect(summary(doc)).toEqual(['paragraph', 'image', 'paragraph', 'paragraph']);
    expect(doc.child(1).attrs).toEqual({ src: 'https://example.com/c.png', alt: 'chart', title: 'Q3', width: null });
    expect(doc.child(0).textContent).toBe('see');
    expect(doc.child(2).textContent).toBe('here');
    expect(doc.child(3).textContent).toBe('![x](data:image/png;base64,AA) [y](javascript:alert(1))');
    expect(doc.rangeHasMark(0, doc.content.size, schema.marks.link)).toBe(false);
  });

  it('keeps raw HTML as text', () => {
    expect(parseMarkdown('<script>alert(1)</script>').textContent).toBe('<script>alert(1)</script>');
  });
});

describe('serializeMarkdown', () => {
  it('writes what parseMarkdown reads back to the same document', () => {
    const source = [
      '# Plan',
      '',
      'Some **bold**, *italic*, ~~gone~~, `code` and [a link](https://example.com).',
      '',
      '- [ ] todo',
      '- [x] done',
      '',
      '| A | B |',
      '| --- | --- |',
      '| 1 | 2 |',
      '',
      '```python',
      'print(1)',
      '```',
      '',
      '> [!TIP]',
      '> Nice',
      '',
      '![alt](https://example.com/i.png "cap")',
      '',
      '1. one',
      '2. two',
    ].join('\n');
    const doc = parseMarkdown(source);
    const again = parseMarkdown(serializeMarkdown(doc));
    expect(again.eq(doc)).toBe(true);
  });

  it('keeps the text of what Markdown cannot say', () => {
    const doc = schema.node('doc', null, [
      schema.node('paragraph', { align: 'center' }, [
        schema.text('hi', [schema.marks.highlight.create({ color: 'yellow' })]),
        schema.text(' '),
        schema.node('mention', { id: 'u1', label: 'Ada' }),
      ]),
      schema.node('attachment', { src: '/api/files/f1', name: 'plan.pdf' }),
    ]);
    expect(serializeMarkdown(doc)).toBe('hi @Ada\n\n[plan.pdf](/api/files/f1)');
  });
});

describe('looksLikeMarkdown', () => {
  it('recognises Markdown structure and inline syntax', () => {
    for (const text of ['# Title\nbody', '- [ ] task', '```\ncode\n```', '| a | b |\n| --- | --- |', '- one\n- two', '1. a\n2. b', 'a **bold** claim', 'see [docs](https://x.y)', '> quote']) {
      expect(looksLikeMarkdown(text), text).toBe(true);
    }
  });

  it('leaves ordinary prose alone', () => {
    for (const text of ['Just a sentence.', 'A well-known fact - mostly', '5 * 3 = 15', '#hashtag', 'one line\n- a dash']) {
      expect(looksLikeMarkdown(text), text).toBe(false);
    }
  });
});
