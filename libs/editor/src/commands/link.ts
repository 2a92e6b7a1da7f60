import { isSafeHref, schema } from '@quire/editor-schema';
import type { Command, EditorState } from 'prosemirror-state';
import { markExtent } from './mark-extent';

/** The outcome of reading what a person typed as a link address. */
export type LinkInput = { ok: true; href: string } | { ok: false; message: string };

const HAS_SCHEME = /^[a-z][a-z\d+.-]*:/i;
const EMAIL = /^[^\s@/:]+@[^\s@/:]+\.[^\s@/:]+$/;
const HOST_LIKE = /^[^\s/@:?#]+\.[^\s/@:?#]{2,}(?::\d+)?([/?#]\S*)?$/;

/** Messages shown next to the link field; they say what to type instead. */
export const LinkMessage = {
  Empty: 'Enter a web address, like https://example.com.',
  UnsafeScheme: 'Only web (http, https) and email (mailto) links are allowed.',
  NotAnAddress: 'That does not look like a web address. Try https://example.com.',
} as const;

/**
 * Reads a link address as typed: `example.com` becomes `https://example.com` and `ada@example.com`
 * becomes `mailto:ada@example.com`; anything not safe by `isSafeHref` is refused with a message.
 */
export function parseLinkInput(input: string): LinkInput {
  // Browsers drop tabs and newlines inside a URL, so `java\tscript:` names a scheme too.
  const text = input.trim().replace(/[\t\n\r]/g, '');
  if (text === '') return { ok: false, message: LinkMessage.Empty };
  let href: string;
  if (text.startsWith('//')) href = `https:${text}`;
  else if (HAS_SCHEME.test(text) && !HOST_LIKE.test(text)) href = text;
  else if (EMAIL.test(text)) href = `mailto:${text}`;
  else if (HOST_LIKE.test(text)) href = `https://${text}`;
  else return { ok: false, message: LinkMessage.NotAnAddress };
  if (isSafeHref(href)) return { ok: true, href };
  return { ok: false, message: HAS_SCHEME.test(text) ? LinkMessage.UnsafeScheme : LinkMessage.NotAnAddress };
}

/** The link under the selection: its address and the range it covers. */
export interface SelectedLink {
  href: string;
  from: number;
  to: number;
}

/** The link the selection sits in or starts in, or null. */
export function linkAtSelection(state: EditorState): SelectedLink | null {
  const extent = markExtent(state.selection.$from, schema.marks.link);
  if (!extent) return null;
  return { href: extent.mark.attrs['href'] as string, from: extent.from, to: extent.to };
}

/**
 * Links the selection to `href`. With an empty selection, it changes the link around the cursor, or
 * inserts the address itself as linked text. Refuses (returns false) an href that `isSafeHref`
 * refuses, so no command can write a `javascript:` link.
 */
export function setLink(href: string): Command {
  return (state, dispatch) => {
    if (!isSafeHref(href)) return false;
    const type = schema.marks.link;
    const { empty, from, to, $from } = state.selection;
    if (!$from.parent.inlineContent || !$from.parent.type.allowsMarkType(type)) return false;
    if (!dispatch) return true;
    const mark = type.create({ href: href.trim() });
    const tr = state.tr;
    if (!empty) {
      tr.removeMark(from, to, type).addMark(from, to, mark);
    } else {
      const current = linkAtSelection(state);
      if (current) {
        tr.removeMark(current.from, current.to, type).addMark(current.from, current.to, mark);
      } else {
        const text = href.trim().replace(/^mailto:/i, '');
        tr.insert(from, schema.text(text, [...$from.marks(), mark]));
      }
    }
    dispatch(tr.scrollIntoView());
    return true;
  };
}

/** Removes the link from the selection, or the whole link around an empty cursor. */
export const removeLink: Command = (state, dispatch) => {
  const type = schema.marks.link;
  const { empty, from, to } = state.selection;
  const range = empty ? linkAtSelection(state) : state.doc.rangeHasMark(from, to, type) ? { from, to } : null;
  if (!range) return false;
  if (dispatch) dispatch(state.tr.removeMark(range.from, range.to, type).scrollIntoView());
  return true;
};
