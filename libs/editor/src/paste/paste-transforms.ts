import { isSafeHref, looksLikeMarkdown, parseMarkdown, schema } from '@quire/editor-schema';
import { DOMParser as ProseMirrorParser, Fragment, Slice, type Node } from 'prosemirror-model';
import { normalizeWordLists } from './word-lists';

/** A table's caption, which a table cannot hold, becomes a paragraph just before the table. */
function captionsBeforeTables(root: Element): void {
  for (const caption of Array.from(root.querySelectorAll('table > caption'))) {
    const paragraph = root.ownerDocument.createElement('p');
    paragraph.append(...Array.from(caption.childNodes));
    caption.parentElement?.before(paragraph);
    caption.remove();
  }
}

/**
 * Pasted HTML made ready for the schema's parse rules, which see one element at a time: Word's
 * list paragraphs become lists, table captions paragraphs.
 */
export function normalizePastedHtml(html: string, document: Document = globalThis.document): string {
  if (!/mso-list|<caption/i.test(html)) return html;
  const body = document.createElement('body');
  body.innerHTML = html;
  normalizeWordLists(body);
  captionsBeforeTables(body);
  return body.innerHTML;
}

// Editors draw a link blue and underlined, and put both on the clipboard as formatting of the
// text (Google Docs: `color:#1155cc; text-decoration:underline`); in Quire that is the link's look.
function withoutLinkLook(fragment: Fragment): Fragment {
  const nodes: Node[] = [];
  fragment.forEach((node) => {
    if (node.isText && schema.marks.link.isInSet(node.marks)) {
      nodes.push(node.mark(node.marks.filter((mark) => mark.type !== schema.marks.underline && mark.type !== schema.marks.text_color)));
    } else {
      nodes.push(node.copy(withoutLinkLook(node.content)));
    }
  });
  return Fragment.from(nodes);
}

/** A parsed paste, tidied: links lose the underline and colour other editors draw them with. */
export function cleanPastedSlice(slice: Slice): Slice {
  return new Slice(withoutLinkLook(slice.content), slice.openStart, slice.openEnd);
}

/** Pasted HTML as the editor takes it: normalised, parsed with the schema's rules, tidied. */
export function parsePastedHtml(html: string, document: Document = globalThis.document): Slice {
  const body = document.createElement('body');
  body.innerHTML = normalizePastedHtml(html, document);
  return cleanPastedSlice(ProseMirrorParser.fromSchema(schema).parseSlice(body, { preserveWhitespace: false }));
}

/** Pasted plain text that looks like Markdown, as structure; null for other text (pasted as text). */
export function markdownSlice(text: string): Slice | null {
  if (!looksLikeMarkdown(text)) return null;
  const doc = parseMarkdown(text);
  return Slice.maxOpen(doc.content);
}

/** The address when pasted text is one web or e-mail address and nothing else; null otherwise (unsafe schemes included). */
export function pastedLink(text: string): string | null {
  const candidate = text.trim();
  return candidate !== '' && !/\s/.test(candidate) && isSafeHref(candidate) ? candidate : null;
}
