import type { DOMOutputSpec, NodeSpec } from 'prosemirror-model';
import { alignAttr, alignmentOf, alignmentStyle } from './alignment';
import { calloutNodes } from './callout-nodes';
import { codeLanguageOf } from './code-language';
import type { ElementLike } from './element-like';
import { mediaNodes } from './media-nodes';
import { mentionNodes } from './mention-nodes';
import { tableNodeSpecs } from './table-nodes';
import { taskNodes } from './task-nodes';

/** Heading levels a document may use; pasted `h5` and `h6` become level 4. */
export const HEADING_LEVELS = [1, 2, 3, 4] as const;
export type HeadingLevel = (typeof HEADING_LEVELS)[number];

function validateHeadingLevel(value: unknown): void {
  if (!HEADING_LEVELS.includes(value as HeadingLevel)) {
    throw new RangeError(`Heading level must be 1, 2, 3 or 4, not ${String(value)}`);
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

const headingRule = (tag: string, level: HeadingLevel) => ({
  tag,
  getAttrs: (dom: ElementLike) => ({ level, align: alignmentOf(dom) }),
});

/** Node specs, in the order that makes `paragraph` the default block. */
export const nodes = {
  doc: { content: 'block+' },

  paragraph: {
    attrs: { align: alignAttr },
    content: 'inline*',
    group: 'block',
    parseDOM: [{ tag: 'p', getAttrs: (dom: ElementLike) => ({ align: alignmentOf(dom) }) }],
    toDOM: (node): DOMOutputSpec => ['p', alignmentStyle(node.attrs['align']), 0],
  },

  heading: {
    attrs: { level: { default: 1, validate: validateHeadingLevel }, align: alignAttr },
    content: 'inline*',
    group: 'block',
    defining: true,
    parseDOM: [
      headingRule('h1', 1),
      headingRule('h2', 2),
      headingRule('h3', 3),
      headingRule('h4', 4),
      headingRule('h5', 4),
      headingRule('h6', 4),
      // Word's Title and Subtitle styles are paragraphs with a class.
      { ...headingRule('p.MsoTitle', 1), priority: 60 },
      { ...headingRule('p.MsoSubtitle', 2), priority: 60 },
    ],
    toDOM: (node): DOMOutputSpec => [`h${node.attrs['level'] as HeadingLevel}`, alignmentStyle(node.attrs['align']), 0],
  },

  blockquote: {
    content: 'block+',
    group: 'block',
    defining: true,
    parseDOM: [{ tag: 'blockquote' }],
    toDOM: (): DOMOutputSpec => ['blockquote', 0],
  },

  ...calloutNodes,

  code_block: {
    // A string, not a list of known languages: a language this version cannot highlight is still
    // kept, and shown as plain text.
    attrs: { language: { default: null, validate: 'string|null' } },
    content: 'text*',
    marks: '',
    group: 'block',
    code: true,
    defining: true,
    parseDOM: [{ tag: 'pre', preserveWhitespace: 'full', getAttrs: (dom: ElementLike) => ({ language: codeLanguageOf(dom) }) }],
    toDOM: (node): DOMOutputSpec => {
      const language = node.attrs['language'] as string | null;
      return language ? ['pre', { 'data-language': language }, ['code', { class: `language-${language}` }, 0]] : ['pre', ['code', 0]];
    },
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
    parseDOM: [{ tag: 'ol', getAttrs: (dom: ElementLike) => listStart(dom) }],
    toDOM: (node): DOMOutputSpec =>
      node.attrs['order'] === 1 ? ['ol', 0] : ['ol', { start: String(node.attrs['order']) }, 0],
  },

  list_item: {
    content: 'paragraph block*',
    defining: true,
    parseDOM: [{ tag: 'li' }],
    toDOM: (): DOMOutputSpec => ['li', 0],
  },

  ...taskNodes,
  ...tableNodeSpecs,
  ...mediaNodes,

  text: { group: 'inline' },

  hard_break: {
    inline: true,
    group: 'inline',
    selectable: false,
    parseDOM: [{ tag: 'br' }],
    toDOM: (): DOMOutputSpec => ['br'],
  },

  ...mentionNodes,
} satisfies Record<string, NodeSpec>;

export type NodeName = keyof typeof nodes;
