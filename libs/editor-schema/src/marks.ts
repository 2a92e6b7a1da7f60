import type { DOMOutputSpec, MarkSpec } from 'prosemirror-model';
import type { ElementLike } from './element-like';
import { isSafeHref } from './href';
import { HIGHLIGHT_COLORS, isPaletteColor, nearestHighlightColor, nearestTextColor, TEXT_COLORS } from './palette';

const BOLD_WEIGHT = /^(bold(er)?|[5-9]\d\d)$/;

/** Mark specs. The order is the nesting order when marks are rendered (outermost first). */
export const marks = {
  /**
   * A comment thread's anchor (`threadId`): the text a thread is about. Only the server adds it
   * (apps/server, comments), so people who may comment but not edit get anchors too. A mark
   * follows its text through concurrent edits and through cut and paste within the document
   * (copied HTML carries `data-thread-id`). Several threads may cover the same text (`excludes:
   * ''`: marks of this type with other ids stay), and typing at either end does not extend it.
   */
  comment: {
    attrs: { threadId: { validate: 'string' } },
    inclusive: false,
    excludes: '',
    parseDOM: [
      {
        tag: 'span[data-thread-id]',
        getAttrs: (dom: ElementLike) => {
          const threadId = dom.getAttribute('data-thread-id');
          return threadId ? { threadId } : false;
        },
      },
    ],
    toDOM: (mark): DOMOutputSpec => ['span', { class: 'quire-comment', 'data-thread-id': mark.attrs['threadId'] as string }, 0],
  },

  link: {
    attrs: { href: { validate: 'string' } },
    // Typing at the end of a link should not extend it.
    inclusive: false,
    parseDOM: [
      {
        tag: 'a[href]',
        getAttrs: (dom: ElementLike) => {
          const href = dom.getAttribute('href') ?? '';
          return isSafeHref(href) ? { href: href.trim() } : false;
        },
      },
    ],
    // Content arrives from other people: render an unsafe href (which commands and parsing never
    // produce, but a hostile client could write) as a link that goes nowhere.
    toDOM: (mark): DOMOutputSpec => {
      const href = mark.attrs['href'] as string;
      return [
        'a',
        isSafeHref(href)
          ? { href: href.trim(), rel: 'noopener noreferrer', target: '_blank' }
          : { rel: 'noopener noreferrer', target: '_blank' },
        0,
      ];
    },
  },

  bold: {
    parseDOM: [
      { tag: 'strong' },
      // Google Docs wraps pasted content in <b style="font-weight: normal">.
      { tag: 'b', getAttrs: (dom: ElementLike) => dom.style.fontWeight !== 'normal' && null },
      { style: 'font-weight=400', clearMark: (mark) => mark.type.name === 'bold' },
      { style: 'font-weight', getAttrs: (value: string) => BOLD_WEIGHT.test(value) && null },
    ],
    toDOM: (): DOMOutputSpec => ['strong', 0],
  },

  italic: {
    parseDOM: [
      { tag: 'em' },
      { tag: 'i' },
      { style: 'font-style=normal', clearMark: (mark) => mark.type.name === 'italic' },
      { style: 'font-style=italic' },
    ],
    toDOM: (): DOMOutputSpec => ['em', 0],
  },

  underline: {
    parseDOM: [{ tag: 'u' }, { style: 'text-decoration', getAttrs: (value: string) => /\bunderline\b/.test(value) && null }],
    toDOM: (): DOMOutputSpec => ['u', 0],
  },

  strike: {
    parseDOM: [
      { tag: 's' },
      { tag: 'del' },
      { tag: 'strike' },
      { style: 'text-decoration', getAttrs: (value: string) => /\bline-through\b/.test(value) && null },
    ],
    toDOM: (): DOMOutputSpec => ['s', 0],
  },

  code: {
    code: true,
    parseDOM: [{ tag: 'code' }],
    toDOM: (): DOMOutputSpec => ['code', 0],
  },

  /** A highlighter pen over the text, in a palette colour (`color`, default `yellow`). */
  highlight: {
    // Any string, so a colour this version does not know is drawn as yellow rather than deleted.
    attrs: { color: { default: 'yellow', validate: 'string' } },
    parseDOM: [
      {
        tag: 'mark',
        getAttrs: (dom: ElementLike) => {
          const color = dom.getAttribute('data-color');
          return { color: isPaletteColor(color) ? color : 'yellow' };
        },
      },
      // Google Docs and Word highlight with a background colour on a span.
      {
        style: 'background-color',
        getAttrs: (value: string) => {
          const color = nearestHighlightColor(value);
          return color ? { color } : false;
        },
      },
    ],
    toDOM: (mark): DOMOutputSpec => {
      const color = isPaletteColor(mark.attrs['color']) ? mark.attrs['color'] : 'yellow';
      return ['mark', { 'data-color': color, style: `background-color: var(--quire-highlight-${color}, ${HIGHLIGHT_COLORS[color]})` }, 0];
    },
  },

  /** Text in a palette colour (`color`). */
  text_color: {
    attrs: { color: { validate: 'string' } },
    parseDOM: [
      {
        tag: 'span[data-text-color]',
        priority: 60,
        getAttrs: (dom: ElementLike) => {
          const color = dom.getAttribute('data-text-color');
          return isPaletteColor(color) ? { color } : false;
        },
      },
      {
        style: 'color',
        getAttrs: (value: string) => {
          const color = nearestTextColor(value);
          return color ? { color } : false;
        },
      },
    ],
    toDOM: (mark): DOMOutputSpec => {
      const color = mark.attrs['color'];
      if (!isPaletteColor(color)) return ['span', 0];
      return ['span', { 'data-text-color': color, style: `color: var(--quire-text-${color}, ${TEXT_COLORS[color]})` }, 0];
    },
  },

  subscript: {
    excludes: 'subscript superscript',
    parseDOM: [{ tag: 'sub' }, { style: 'vertical-align=sub' }],
    toDOM: (): DOMOutputSpec => ['sub', 0],
  },

  superscript: {
    excludes: 'subscript superscript',
    parseDOM: [{ tag: 'sup' }, { style: 'vertical-align=super' }],
    toDOM: (): DOMOutputSpec => ['sup', 0],
  },
} satisfies Record<string, MarkSpec>;

export type MarkName = keyof typeof marks;
