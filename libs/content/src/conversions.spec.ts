import { zipSync, strToU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import { schema } from '@quire/editor-schema';
import { ContentError } from './content-error';
import { documentFromJson } from './document-json';
import { fromDocx } from './docx-import';
import { toHtml } from './html-export';
import { fromHtml, MAX_HTML_DEPTH, nestingDepth } from './html-import';
import { importFormatOf } from './formats';
import { convertFile, importTitle } from './import-file';
import { fromMarkdown, toMarkdown } from './markdown';
import { fromText, toText } from './text';

const everyNode = fromMarkdown(
  [
    '# Title',
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
    'print("<hi>")',
    '```',
    '',
    '> [!WARNING]',
    '> Careful',
    '',
    '![alt text](/api/files/img1 "The caption")',
    '',
    '3. three',
    '4. four',
    '',
    '---',
  ].join('\n'),
).doc;

/** A minimal Word document: the three parts a .docx needs, zipped. */
function docx(body: string): Uint8Array {
  return zipSync({
    '[Content_Types].xml': strToU8(
      '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
    ),
    '_rels/.rels': strToU8(
      '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
    ),
    'word/document.xml': strToU8(
      `<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${body}</w:body></w:document>`,
    ),
  });
}

describe('toHtml', () => {
  it('writes a standalone file with inline styles and every node', () => {
    const html = toHtml(everyNode, { title: 'My <doc>' });
    expect(html).toMatch(/^<!doctype html>/);
    expect(html).toContain('<title>My &lt;doc&gt;</title>');
    expect(html).not.toMatch(/<style|<script|<link/);
    for (const piece of ['<h1 style=', '<strong>bold</strong>', '<em>italic</em>', '<s>gone</s>', '<code style=', 'href="https://example.com"', 'type="checkbox" disabled checked', '<table', '<th', 'class="language-python"', 'print(&quot;&lt;hi&gt;&quot;)', 'data-callout="warning"', '<figcaption', '<ol start="3"', '<hr']) {
      expect(html, piece).toContain(piece);
    }
  });

  it('embeds an image whose bytes are given as a data: URL, and points others at the server', () => {
    const bytes = new Uint8Array([137, 80, 78, 71]);
    expect(toHtml(everyNode, { images: new Map([['/api/files/img1', { bytes, contentType: 'image/png' }]]) })).toContain('src="data:image/png;base64,iVBORw=="');
    expect(toHtml(everyNode, { baseUrl: 'https://quire.example/' })).toContain('src="https://quire.example/api/files/img1"');
  });

  it('never writes an unsafe link that a hostile client stored', () => {
    const doc = schema.node('doc', null, [schema.node('paragraph', null, [schema.text('x', [schema.marks.link.create({ href: 'javascript:alert(1)' })])])]);
    expect(toHtml(doc)).not.toContain('javascript:');
  });
});

describe('fromHtml', () => {
  it('keeps structure and drops scripts, styles, event handlers and javascript: links, saying so', async () => {
    const { doc, changes } = await fromHtml(
      '<html><head><style>p{color:red}</style><script>alert(1)</script></head><body><h2 onclick="steal()">Hello</h2><p>A <a href="javascript:alert(1)">bad</a> and <a href="https://ok.example">good</a> link<img src="x" onerror="alert(2)"></p><details><summary>More</summary>Hidden text</details><ul><li>one</li></ul><iframe src="https://evil.example"></iframe></body></html>',
    );
    doc.check();
    const json = JSON.stringify(doc.toJSON());
    expect(json).not.toMatch(/alert|steal|javascript:|onclick|onerror|color:red|evil/);
    expect(doc.child(0).type.name).toBe('heading');
    expect(doc.textContent).toContain('Hidden text');
    expect(json).toContain('https://ok.example');
    expect(changes.join('\n')).toMatch(/<script>/);
    expect(changes.join('\n')).toMatch(/event-handler/);
    expect(changes.join('\n')).toMatch(/javascript:/);
    expect(changes.join('\n')).toMatch(/<details>/);
  });

  it('refuses 100,000 nested divs in bounded time, and takes nesting up to the bound', async () => {
    const deep = '<div>'.repeat(100_000) + 'x' + '</div>'.repeat(100_000);
    const started = performance.now();
    await expect(fromHtml(deep)).rejects.toThrow(ContentError);
    expect(performance.now() - started).toBeLessThan(2_000);
    expect(nestingDepth('<div><p>a<br>b</p><img src=x></div>')).toBe(2);
    const { doc } = await fromHtml('<div>'.repeat(MAX_HTML_DEPTH - 1) + 'deep' + '</div>'.repeat(MAX_HTML_DEPTH - 1));
    expect(doc.textContent).toBe('deep');
  });

  it('reads back what toHtml writes', async () => {
    const { doc } = await fromHtml(toHtml(everyNode));
    expect(toMarkdown(doc)).toBe(toMarkdown(everyNode));
  });
});

describe('fromMarkdown', () => {
  it('takes a 1 MB line in bounded time', () => {
    const line = 'word *emphasis* [x] '.repeat(52_429);
    const started = performance.now();
    const { doc } = fromMarkdown(line);
    expect(performance.now() - started).toBeLessThan(5_000);
    expect(doc.childCount).toBe(1);
  });

  it('says what it changed', () => {
    expect(fromMarkdown('###### six\n\n<b>raw</b>\n\none\ntwo').changes).toHaveLength(3);
  });
});

describe('typed text through Markdown', () => {
  it('reads back as the same text: leading and trailing spaces, entities, bare domains, Markdown syntax typed as text', () => {
    const lines = ['  two spaces first', '    four, not code', 'a &amp; b &#32; c', 'see arxiv.org or www.example.com', '1. not a list', '# not a heading', '> not a quote', 'trailing space ', '*stars* and _under_ and `ticks`', '\\backslash'];
    const doc = schema.node('doc', null, lines.map((line) => schema.node('paragraph', null, [schema.text(line)])));
    const again = fromMarkdown(toMarkdown(doc)).doc;
    expect(toText(again)).toBe(toText(doc));
    expect(again.rangeHasMark(0, again.content.size, schema.marks.link)).toBe(false);
  });
});

describe('fromDocx', () => {
  it('reads headings, paragraphs and bold text of a Word document', async () => {
    const { doc } = await fromDocx(
      docx('<w:p><w:pPr><w:pStyle w:val="Heading1"/></w:pPr><w:r><w:t>Report</w:t></w:r></w:p><w:p><w:r><w:rPr><w:b/></w:rPr><w:t>Bold</w:t></w:r><w:r><w:t xml:space="preserve"> words</w:t></w:r></w:p>'),
    );
    expect(doc.child(0).type.name).toBe('heading');
    expect(toMarkdown(doc)).toBe('# Report\n\n**Bold** words');
  });

  it('refuses a file that is not a zip, and a zip that is not a Word document, with a message', async () => {
    await expect(fromDocx(new TextEncoder().encode('just text pretending'))).rejects.toThrow(/not a zip/);
    await expect(fromDocx(zipSync({ 'a.txt': strToU8('hi') }))).rejects.toThrow(ContentError);
  });
});

describe('files, text and JSON', () => {
  it('knows formats by extension, else by content type', () => {
    expect(importFormatOf('application/octet-stream', 'notes.MD')).toBe('markdown');
    expect(importFormatOf('text/html; charset=utf-8')).toBe('html');
    expect(importFormatOf('application/vnd.openxmlformats-officedocument.wordprocessingml.document')).toBe('docx');
    expect(importFormatOf('image/png', 'x.png')).toBeUndefined();
  });

  it('titles an import from its first heading, else the file name', async () => {
    expect(importTitle(fromMarkdown('intro\n\n## Second\n\n# First').doc, 'a.md')).toBe('Second');
    expect(importTitle(fromText('no heading').doc, 'C:\\docs\\Meeting notes.txt')).toBe('Meeting notes');
    expect(importTitle((await convertFile('text', new TextEncoder().encode('x'))).doc, undefined)).toBe('Imported document');
  });

  it('writes and reads plain text', () => {
    expect(toText(everyNode)).toContain('Title\nSome bold, italic, gone, code and a link.\ntodo\ndone\n');
    expect(fromText('a\r\n\r\nb\u0000').doc.childCount).toBe(2);
  });

  it('leaves out comment anchors, from HTML and from JSON, saying so', async () => {
    const fromPage = await convertFile('html', new TextEncoder().encode('<p>see <span data-thread-id="t1">this</span></p>'));
    expect(fromPage.doc.rangeHasMark(0, fromPage.doc.content.size, schema.marks.comment)).toBe(false);
    expect(fromPage.doc.textContent).toBe('see this');
    expect(fromPage.changes.join()).toMatch(/comment anchors/);
    const json = { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'x', marks: [{ type: 'comment', attrs: { threadId: 't2' } }] }] }] };
    const fromJson = await convertFile('json', new TextEncoder().encode(JSON.stringify(json)));
    expect(fromJson.doc.rangeHasMark(0, fromJson.doc.content.size, schema.marks.comment)).toBe(false);
  });

  it('refuses JSON that is no Quire document, and bytes that are not UTF-8', async () => {
    expect(() => documentFromJson({ type: 'doc', content: [{ type: 'script' }] })).toThrow(ContentError);
    expect(() => documentFromJson([])).toThrow(ContentError);
    expect(documentFromJson(everyNode.toJSON()).eq(everyNode)).toBe(true);
    await expect(convertFile('markdown', new Uint8Array([0xff, 0xfe, 0x00]))).rejects.toThrow(/UTF-8/);
  });
});
