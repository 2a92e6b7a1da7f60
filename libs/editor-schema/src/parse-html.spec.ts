import { Window } from 'happy-dom';
import { DOMParser as ProseMirrorParser, DOMSerializer, type Node } from 'prosemirror-model';
import { describe, expect, it } from 'vitest';
import { schema } from './schema';

/** Parses `html` as ProseMirror reads a paste or a drop, in a DOM like the browser's. */
function parse(html: string): Node {
  const document = new Window().document;
  const body = document.createElement('body');
  body.innerHTML = html;
  return ProseMirrorParser.fromSchema(schema).parse(body as unknown as Parameters<ProseMirrorParser['parse']>[0]);
}

const types = (doc: Node) => {
  const names: string[] = [];
  doc.descendants((node) => {
    if (!node.isText) names.push(node.type.name);
  });
  return names;
};

describe('parsing HTML into the new nodes', () => {
  it('reads headings to level 4, h5 and h6 as 4, and text alignment', () => {
    const doc = parse('<h4>Four</h4><h6>Six</h6><p style="text-align: center">Mid</p><p align="right">Word</p><h2 style="text-align:justify">J</h2>');
    expect(doc.child(0).attrs).toEqual({ level: 4, align: null });
    expect(doc.child(1).attrs).toEqual({ level: 4, align: null });
    expect(doc.child(2).attrs).toEqual({ align: 'center' });
    expect(doc.child(3).attrs).toEqual({ align: 'right' });
    expect(doc.child(4).attrs).toEqual({ level: 2, align: 'justify' });
  });

  it('reads a code block language from data-language or a language- class', () => {
    const doc = parse('<pre data-language="rust"><code>fn</code></pre><pre><code class="language-JavaScript">let</code></pre><pre>plain</pre>');
    expect([0, 1, 2].map((i) => doc.child(i).attrs['language'])).toEqual(['rust', 'javascript', null]);
  });

  it('reads tables with a header row and spans', () => {
    const doc = parse('<table><tr><th>A</th><th>B</th></tr><tr><td colspan="2">C</td></tr></table>');
    expect(types(doc)).toEqual(['table', 'table_row', 'table_header', 'paragraph', 'table_header', 'paragraph', 'table_row', 'table_cell', 'paragraph']);
    expect(doc.child(0).child(1).child(0).attrs['colspan']).toBe(2);
  });

  it('reads task lists from Quire, GitHub, Notion and aria-checked items, ticked or not', () => {
    const sources = [
      '<ul data-type="task_list"><li data-type="task_item" data-checked="true"><p>a</p></li><li data-type="task_item" data-checked="false"><p>b</p></li></ul>',
      '<ul class="contains-task-list"><li class="task-list-item"><input type="checkbox" checked disabled> a</li><li class="task-list-item"><input type="checkbox" disabled> b</li></ul>',
      '<ul class="to-do-list"><li><div class="checkbox checkbox-on"></div> <span class="to-do-children-checked">a</span></li><li><div class="checkbox checkbox-off"></div> <span class="to-do-children-unchecked">b</span></li></ul>',
      '<ul><li role="checkbox" aria-checked="true"><p>a</p></li><li role="checkbox" aria-checked="false"><p>b</p></li></ul>',
    ];
    for (const html of sources) {
      const list = parse(html).child(0);
      expect(list.type.name, html).toBe('task_list');
      expect([list.child(0).attrs['checked'], list.child(1).attrs['checked']], html).toEqual([true, false]);
      expect(list.textContent.replace(/\s/g, ''), html).toBe('ab');
    }
  });

  it('keeps an ordinary list a bullet list', () => {
    expect(parse('<ul><li>a</li><li>b</li></ul>').child(0).type.name).toBe('bullet_list');
  });

  it('reads callouts, GitHub alerts and asides, keeping their text', () => {
    const doc = parse('<div data-callout="warning"><p>Careful</p></div><div class="markdown-alert markdown-alert-caution"><p>Stop</p></div><aside>Aside</aside>');
    expect([0, 1, 2].map((i) => [doc.child(i).type.name, doc.child(i).attrs['kind']])).toEqual([
      ['callout', 'warning'],
      ['callout', 'error'],
      ['callout', 'info'],
    ]);
    expect(doc.textContent).toBe('CarefulStopAside');
  });

  it('reads images with safe sources, a figure caption as the title, and refuses data: and script sources', () => {
    const doc = parse(
      '<figure><img src="https://example.com/a.png" alt="A" width="300"><figcaption>Caption</figcaption></figure>' +
        '<p>before<img src="/api/files/f1" alt="B">after</p>' +
        '<img src="data:image/png;base64,AAAA"><img src="javascript:alert(1)"><p>end</p>',
    );
    const images: Record<string, unknown>[] = [];
    doc.descendants((node) => {
      if (node.type.name === 'image') images.push(node.attrs);
    });
    expect(images).toEqual([
      { src: 'https://example.com/a.png', alt: 'A', title: 'Caption', width: 300 },
      { src: '/api/files/f1', alt: 'B', title: '', width: null },
    ]);
    expect(doc.textContent).toBe('beforeafterend');
  });

  it('reads attachments and mentions written by Quire', () => {
    const doc = parse(
      '<div data-attachment data-src="/api/files/f2" data-name="plan.pdf" data-size="10" data-content-type="application/pdf"><a>plan.pdf</a></div>' +
        '<p>Hi <span data-mention="u1" data-label="Ada">@Ada</span></p>' +
        '<div data-attachment data-src="https://evil.example/x"><a>x</a></div>',
    );
    expect(doc.child(0).attrs).toEqual({ src: '/api/files/f2', name: 'plan.pdf', size: 10, contentType: 'application/pdf' });
    expect(doc.child(1).child(1).attrs).toEqual({ id: 'u1', label: 'Ada' });
    expect(doc.child(2).type.name).toBe('paragraph');
    expect(doc.child(2).textContent).toBe('x');
  });

  it('reads highlight, colour, sub and superscript from tags and styles, not black text or white backgrounds', () => {
    const doc = parse(
      '<p><mark data-color="green">g</mark><span style="background-color:#ffff00">y</span><span style="color:#ff0000">r</span>' +
        '<span style="color:#000000;background-color:transparent">plain</span><sub>s</sub><span style="vertical-align:super">S</span></p>',
    );
    const marksOf = (text: string) => {
      let found: string[] = [];
      doc.descendants((node) => {
        if (node.isText && node.text === text) found = node.marks.map((m) => (m.attrs['color'] ? `${m.type.name}:${String(m.attrs['color'])}` : m.type.name));
      });
      return found;
    };
    expect(marksOf('g')).toEqual(['highlight:green']);
    expect(marksOf('y')).toEqual(['highlight:yellow']);
    expect(marksOf('r')).toEqual(['text_color:red']);
    expect(marksOf('plain')).toEqual([]);
    expect(marksOf('s')).toEqual(['subscript']);
    expect(marksOf('S')).toEqual(['superscript']);
  });

  it('round-trips its own rendering of the new nodes and marks', () => {
    const render = (node: Node) => {
      const document = new Window().document;
      const fragment = DOMSerializer.fromSchema(schema).serializeFragment(node.content, { document: document as never });
      const body = document.createElement('body');
      body.appendChild(fragment as never);
      return body.innerHTML;
    };
    const p = (...content: Node[]) => schema.node('paragraph', null, content);
    const doc = schema.node('doc', null, [
      schema.node('heading', { level: 4, align: 'center' }, [schema.text('H')]),
      schema.node('task_list', null, [schema.node('task_item', { checked: true }, [p(schema.text('done'))])]),
      schema.node('callout', { kind: 'success' }, [p(schema.text('yay'))]),
      schema.node('code_block', { language: 'python' }, [schema.text('print(1)')]),
      schema.node('image', { src: '/api/files/i1', alt: 'alt', title: 'cap', width: 200 }),
      schema.node('attachment', { src: '/api/files/f1', name: 'a.txt', size: 3, contentType: 'text/plain' }),
      schema.node('table', null, [
        schema.node('table_row', null, [schema.node('table_header', null, [p(schema.text('h'))])]),
        schema.node('table_row', null, [schema.node('table_cell', null, [p(schema.text('c'))])]),
      ]),
      p(
        schema.text('hl', [schema.marks.highlight.create({ color: 'pink' })]),
        schema.text('col', [schema.marks.text_color.create({ color: 'blue' })]),
        schema.text('sub', [schema.marks.subscript.create()]),
        schema.text('sup', [schema.marks.superscript.create()]),
        schema.node('mention', { id: 'u1', label: 'Ada' }),
      ),
    ]);
    expect(parse(render(doc)).eq(doc)).toBe(true);
  });
});
