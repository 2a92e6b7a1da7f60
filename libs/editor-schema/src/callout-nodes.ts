import type { DOMOutputSpec, NodeSpec } from 'prosemirror-model';
import type { ElementLike } from './element-like';

/** The kinds of callout, each drawn with its own colour and icon. */
export const CALLOUT_KINDS = ['info', 'warning', 'success', 'error'] as const;
export type CalloutKind = (typeof CALLOUT_KINDS)[number];

export function isCalloutKind(value: unknown): value is CalloutKind {
  return CALLOUT_KINDS.includes(value as CalloutKind);
}

// GitHub's alerts (`> [!WARNING]`) as their HTML names them, and words other tools use.
const KIND_WORDS: Record<string, CalloutKind> = {
  note: 'info',
  info: 'info',
  important: 'info',
  tip: 'success',
  success: 'success',
  warning: 'warning',
  caution: 'error',
  danger: 'error',
  error: 'error',
};

function kindFromClass(dom: ElementLike): CalloutKind {
  for (const word of (dom.getAttribute('class') ?? '').toLowerCase().split(/[\s-]+/)) {
    const kind = KIND_WORDS[word];
    if (kind) return kind;
  }
  return 'info';
}

export const calloutNodes = {
  callout: {
    // Any string, so a kind this version does not know is drawn as `info` rather than deleted.
    attrs: { kind: { default: 'info', validate: 'string' } },
    content: 'block+',
    group: 'block',
    defining: true,
    parseDOM: [
      {
        tag: 'div[data-callout]',
        getAttrs: (dom: ElementLike) => {
          const kind = dom.getAttribute('data-callout');
          return { kind: isCalloutKind(kind) ? kind : 'info' };
        },
      },
      { tag: 'div.markdown-alert', getAttrs: (dom: ElementLike) => ({ kind: kindFromClass(dom) }) },
      { tag: 'figure.callout', getAttrs: () => ({ kind: 'info' }) },
      { tag: 'aside', getAttrs: (dom: ElementLike) => ({ kind: kindFromClass(dom) }) },
    ],
    toDOM: (node): DOMOutputSpec => {
      const kind = isCalloutKind(node.attrs['kind']) ? node.attrs['kind'] : 'info';
      return ['div', { 'data-callout': kind, class: `quire-callout quire-callout-${kind}`, role: 'note' }, 0];
    },
  },
} satisfies Record<string, NodeSpec>;
