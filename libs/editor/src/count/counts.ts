import type { Node } from 'prosemirror-model';

/** The document's text as people read it: blocks separated by newlines, a mention as `@name`. */
function readableText(doc: Node): string {
  return doc.textBetween(0, doc.content.size, '\n', (leaf) => leaf.type.spec.leafText?.(leaf) ?? '\n');
}

const segmenter = typeof Intl !== 'undefined' && 'Segmenter' in Intl ? new Intl.Segmenter(undefined, { granularity: 'word' }) : null;

/**
 * Words in the document, counted as the browser's word segmentation does (so Chinese and
 * Japanese text counts words, not one per run of characters), falling back to runs of non-space.
 */
export function countWords(doc: Node): number {
  const text = readableText(doc);
  if (segmenter) {
    let words = 0;
    for (const segment of segmenter.segment(text)) if (segment.isWordLike) words++;
    return words;
  }
  return text.split(/\s+/).filter(Boolean).length;
}

/**
 * Characters in the document's text, as people count them: code points, so an emoji is one;
 * `withSpaces: false` leaves out whitespace. Block breaks are not characters.
 */
export function countCharacters(doc: Node, { withSpaces = true }: { withSpaces?: boolean } = {}): number {
  let count = 0;
  doc.descendants((node) => {
    const text = node.isText ? (node.text ?? '') : node.isLeaf ? (node.type.spec.leafText?.(node) ?? '') : '';
    for (const char of text) if (withSpaces || !/\s/.test(char)) count++;
    return true;
  });
  return count;
}
