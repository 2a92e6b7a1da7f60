import { PROSEMIRROR_FRAGMENT } from '@quire/constants';
import * as Y from 'yjs';
import { collapse, isTextblock, textOf } from './title';

/**
 * A document's text as its content stands, read from its Y.Doc: one line per textblock that has
 * text (at any depth: list items, quotes, table cells), in document order, whitespace collapsed,
 * mentions as `@name`, as `deriveTitle` reads the first one. What the server's search index holds.
 */
export function documentText(doc: Y.Doc): string {
  const lines: string[] = [];
  collect(doc.getXmlFragment(PROSEMIRROR_FRAGMENT), lines);
  return lines.join('\n');
}

// Walks the children in place, as deriveTitle does, rather than copying every block with toArray().
function collect(parent: Y.XmlFragment | Y.XmlElement, lines: string[]): void {
  for (let item = parent._first; item !== null; item = item.right) {
    if (item.deleted || !item.countable) continue;
    for (const node of item.content.getContent() as (Y.XmlElement | Y.XmlText | Y.XmlHook)[]) {
      if (node instanceof Y.XmlElement && !isTextblock(node)) {
        // An image's caption and alternative text, an attachment's name: words people look for.
        for (const name of ['alt', 'title', 'name']) {
          const value = node.getAttribute(name);
          if (typeof value === 'string' && value.trim()) lines.push(collapse(value));
        }
        collect(node, lines);
        continue;
      }
      const text = collapse(textOf(node));
      if (text) lines.push(text);
    }
  }
}
