import type { Node } from 'prosemirror-model';

/**
 * A document as plain text: one line per textblock, every textblock at any depth (a list item's
 * paragraph, a table cell's, a quote's) in document order, each line its text. An inline node
 * other than text reads as its spec's `leafText` (a mention's `@name`), or a space when it has
 * none (a hard break). Lines end with `\n`; an empty document is the empty string.
 */
export function plainText(doc: Node): string {
  const lines: string[] = [];
  doc.descendants((node) => {
    if (!node.isTextblock) return true;
    lines.push(node.textBetween(0, node.content.size, '', leafText));
    return false;
  });
  return lines.map((line) => `${line}\n`).join('');
}

function leafText(node: Node): string {
  return node.type.spec.leafText?.(node) ?? ' ';
}
