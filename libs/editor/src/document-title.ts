import type { Node } from 'prosemirror-model';

/** Longest title derived from a document's text. */
export const MAX_TITLE_LENGTH = 80;

/** A document's title as its first line of text, like a word processor names a new file. */
export function titleFromDocument(doc: Node): string {
  let title = '';
  doc.descendants((node) => {
    if (title) return false;
    if (node.isTextblock) {
      title = node.textContent.replace(/\s+/g, ' ').trim();
      return false;
    }
    return true;
  });
  const chars = Array.from(title);
  return chars.length > MAX_TITLE_LENGTH ? `${chars.slice(0, MAX_TITLE_LENGTH - 1).join('').trimEnd()}…` : title;
}
