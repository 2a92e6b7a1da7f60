import { PROSEMIRROR_FRAGMENT } from '@quire/constants';
import * as Y from 'yjs';

/** Longest title derived from content, in characters (code points). */
export const MAX_TITLE_LENGTH = 200;

/**
 * The document's title as its content stands: the text of the first top-level block of the
 * `prosemirror` fragment that has any non-whitespace text, whitespace runs collapsed, cut to
 * {@link MAX_TITLE_LENGTH} characters; '' when no block has text.
 */
export function deriveTitle(doc: Y.Doc): string {
  const fragment = doc.getXmlFragment(PROSEMIRROR_FRAGMENT);
  // It runs for every stored batch of keystrokes: walk the blocks in place and stop at the first
  // with text, where `toArray()` would copy every block of a long document each time.
  for (let item = fragment._first; item !== null; item = item.right) {
    if (item.deleted || !item.countable) continue;
    for (const block of item.content.getContent() as (Y.XmlElement | Y.XmlText | Y.XmlHook)[]) {
      const text = textOf(block).replace(/\s+/g, ' ').trim();
      if (text !== '') return cut(text, MAX_TITLE_LENGTH);
    }
  }
  return '';
}

function textOf(node: Y.XmlElement | Y.XmlText | Y.XmlHook): string {
  if (node instanceof Y.XmlText) {
    let text = '';
    // Embeds (images, mentions) are objects in the delta and carry no title text.
    for (const op of node.toDelta() as { insert?: unknown }[]) {
      if (typeof op.insert === 'string') text += op.insert;
    }
    return text;
  }
  if (node instanceof Y.XmlElement) {
    let text = '';
    for (const child of node.toArray()) text += textOf(child);
    return text;
  }
  return '';
}

// Cut by code points so a title never ends in half a surrogate pair.
function cut(text: string, max: number): string {
  const chars = Array.from(text);
  return chars.length <= max ? text : chars.slice(0, max).join('').trimEnd();
}
