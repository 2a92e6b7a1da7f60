import type { ElementLike } from './element-like';

/** Text alignments a paragraph or heading may have; `null` (the default) is the reading direction's start. */
export const ALIGNMENTS = ['left', 'center', 'right', 'justify'] as const;
export type Alignment = (typeof ALIGNMENTS)[number];

export function isAlignment(value: unknown): value is Alignment {
  return ALIGNMENTS.includes(value as Alignment);
}

/**
 * The `align` attribute. Validated as a string only: a value this version does not know (written by
 * a newer or hostile client) renders as the default instead of making y-prosemirror delete the block.
 */
export const alignAttr = { default: null, validate: 'string|null' } as const;

/** The alignment an element asks for, from `style="text-align"` or the old `align` attribute (Word). */
export function alignmentOf(dom: ElementLike): Alignment | null {
  const value = (dom.style.textAlign || dom.getAttribute('align') || '').trim().toLowerCase();
  if (value === 'end') return 'right';
  // Left is the default for the languages Quire is written in; storing it would only add noise.
  return isAlignment(value) && value !== 'left' ? value : null;
}

/** The DOM attributes that render `align`: a style for known values, nothing otherwise. */
export function alignmentStyle(align: unknown): { style: string } | Record<string, never> {
  return isAlignment(align) ? { style: `text-align: ${align}` } : {};
}
