import type { DOMOutputSpec, Node, NodeSpec } from 'prosemirror-model';
import type { ElementLike } from './element-like';

/** What a mention reads as in plain text (titles, counts, search, Markdown): `@` and the name it was given. */
export function mentionText(node: Node): string {
  return `@${String(node.attrs['label'])}`;
}

export const mentionNodes = {
  /**
   * A person: their user `id`, and the `label` (their name) when the mention was made. Pages show
   * the person's current name from the id; the label is what text exports and older pages fall
   * back to.
   */
  mention: {
    attrs: { id: { validate: 'string' }, label: { default: '', validate: 'string' } },
    inline: true,
    group: 'inline',
    atom: true,
    selectable: true,
    leafText: mentionText,
    parseDOM: [
      {
        tag: 'span[data-mention]',
        getAttrs: (dom: ElementLike) => ({
          id: dom.getAttribute('data-mention') ?? '',
          label: dom.getAttribute('data-label') ?? (dom.textContent ?? '').replace(/^@/, ''),
        }),
      },
    ],
    toDOM: (node): DOMOutputSpec => [
      'span',
      { class: 'quire-mention', 'data-mention': String(node.attrs['id']), 'data-label': String(node.attrs['label']) },
      mentionText(node),
    ],
  },
} satisfies Record<string, NodeSpec>;
