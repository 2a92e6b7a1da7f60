import { PROSEMIRROR_FRAGMENT } from '@quire/constants';
import * as Y from 'yjs';
import { schema } from './schema';

/** Longest title derived from content, in characters (code points); explicit titles have the same bound. */
export const MAX_TITLE_LENGTH = 200;

/**
 * A document's title as its content stands, as a word processor names a new file: the text of its
 * first textblock (paragraph, heading, code block; inside a list or a quote too) that has any
 * non-whitespace text, whitespace runs collapsed, cut to {@link MAX_TITLE_LENGTH} characters; ''
 * when no block has text. Read from the Y.Doc, which the server and the editor both hold: the
 * server stores it with each append, the editor shows it until the server's title arrives, and
 * the two agree.
 */
export function deriveTitle(doc: Y.Doc): string {
  return firstText(doc.getXmlFragment(PROSEMIRROR_FRAGMENT)) ?? '';
}

// The server runs this for every stored batch of keystrokes: walk the children in place and stop
// at the first textblock with text, where `toArray()` would copy every block of a long document.
function firstText(parent: Y.XmlFragment | Y.XmlElement): string | undefined {
  for (let item = parent._first; item !== null; item = item.right) {
    if (item.deleted || !item.countable) continue;
    for (const node of item.content.getContent() as (Y.XmlElement | Y.XmlText | Y.XmlHook)[]) {
      const text = node instanceof Y.XmlElement && !isTextblock(node) ? firstText(node) : collapse(textOf(node));
      if (text) return cut(text, MAX_TITLE_LENGTH);
    }
  }
  return undefined;
}

export function isTextblock(element: Y.XmlElement): boolean {
  return schema.nodes[element.nodeName]?.isTextblock ?? false;
}

export function textOf(node: Y.XmlElement | Y.XmlText | Y.XmlHook): string {
  if (node instanceof Y.XmlText) {
    let text = '';
    // Embeds (images, mentions) are objects in the delta and carry no title text.
    for (const op of node.toDelta() as { insert?: unknown }[]) {
      if (typeof op.insert === 'string') text += op.insert;
    }
    return text;
  }
  // A mention reads as its name; another inline node (a hard break) separates the words around it.
  if (node instanceof Y.XmlElement && node.nodeName === 'mention') return ` @${String(node.getAttribute('label') ?? '')} `;
  if (node instanceof Y.XmlElement) return node.length === 0 ? ' ' : node.toArray().map(textOf).join('');
  return '';
}

export function collapse(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

// Cut by code points so a title never ends in half a surrogate pair.
function cut(text: string, max: number): string {
  const chars = Array.from(text);
  return chars.length <= max ? text : chars.slice(0, max).join('').trimEnd();
}
