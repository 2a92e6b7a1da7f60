import type { DOMOutputSpec, NodeSpec } from 'prosemirror-model';
import type { ElementLike } from './element-like';

/** Heading levels a document may use; pasted `h4`–`h6` become level 3. */
export const HEADING_LEVELS = [1, 2, 3] as const;
export type HeadingLevel = (typeof HEADING_LEVELS)[number];

function validateHeadingLevel(value: unknown): void {
  if (!HEADING_LEVELS.includes(value as HeadingLevel)) {
    throw new RangeError(`Heading level must be 1, 2 or 3, not ${String(value)}`);
  }
}

function validateListStart(value: unknown): void {
  if (!Number.isInteger(value) || (value as number) < 0) {
    throw new RangeError(`Ordered list start must be a non-negative integer, not ${String(value)}`);
  }
}

function listStart(dom: ElementLike): { order: number } {
  const start = Number.parseInt(dom.getAttribute('start') ?? '1', 10);
  return { order: Number.isInteger(start) && start >= 0 ? start : 1 };
}

/** Node specs, in the order that makes `paragraph` the default block. */
export const nodes = {
  doc: { content: 'block+' },

  paragraph: {
    content: 'inline*',
    group: 'block',
    parseDOM: [{ tag: 'p' }],
    toDOM: (): DOMOutputSpec => ['p', 0],
  },

  heading: {
    attrs: { level: { default: 1, validate: validateHeadingLevel } },
    content: 'inline*',
    group: 'block',
    defining: true,
    parseDOM: [
      { tag: 'h1', attrs: { level: 1 } },
      { tag: 'h2', attrs: { level: 2 } },
      { tag: 'h3', attrs: { level: 3 } },
      { tag: 'h4', attrs: { level: 3 } },
      { tag: 'h5', attrs: { level: 3 } },
      { tag: 'h6', attrs: { level: 3 } },
    ],
    toDOM: (node): DOMOutputSpec => [`h${node.attrs['level'] as HeadingLevel}`, 0],
  },

  blockquote: {
    content: 'block+',
    group: 'block',
    defining: true,
    parseDOM: [{ tag: 'blockquote' }],
    toDOM: (): DOMOutputSpec => ['blockquote', 0],
  },

  code_block: {
    content: 'text*',
    marks: '',
    group: 'block',
    code: true,
    defining: true,
    parseDOM: [{ tag: 'pre', preserveWhitespace: 'full' }],
    toDOM: (): DOMOutputSpec => ['pre', ['code', 0]],
  },

  horizontal_rule: {
    group: 'block',
    parseDOM: [{ tag: 'hr' }],
    toDOM: (): DOMOutputSpec => ['hr'],
  },

  bullet_list: {
    content: 'list_item+',
    group: 'block',
    parseDOM: [{ tag: 'ul' }],
    toDOM: (): DOMOutputSpec => ['ul', 0],
  },

  ordered_list: {
    attrs: { order: { default: 1, validate: validateListStart } },
    content: 'list_item+',
    group: 'block',
    parseDOM: [{ tag: 'ol', getAttrs: (dom) => listStart(dom) }],
    toDOM: (node): DOMOutputSpec =>
      node.attrs['order'] === 1 ? ['ol', 0] : ['ol', { start: String(node.attrs['order']) }, 0],
  },

  list_item: {
    content: 'paragraph block*',
    defining: true,
    parseDOM: [{ tag: 'li' }],
    toDOM: (): DOMOutputSpec => ['li', 0],
  },

  text: { group: 'inline' },

  hard_break: {
    inline: true,
    group: 'inline',
    selectable: false,
    parseDOM: [{ tag: 'br' }],
    toDOM: (): DOMOutputSpec => ['br'],
  },
} satisfies Record<string, NodeSpec>;

export type NodeName = keyof typeof nodes;
