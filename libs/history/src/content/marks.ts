import type { Mark, Schema } from 'prosemirror-model';

/**
 * y-prosemirror stores a mark that may overlap itself (a comment) under `name--<8-character
 * hash>`, one attribute per instance; this is its name (y-prosemirror's `yattr2markname`).
 */
const HASHED_MARK = /(.*)(--[a-zA-Z0-9+/=]{8})$/;

/** The mark name a Y.Text formatting attribute stands for. */
export function markName(attribute: string): string {
  return HASHED_MARK.exec(attribute)?.[1] ?? attribute;
}

/** The marks a Y.Text's current formatting attributes make; unknown marks and invalid attributes are left out. */
export function marksOf(attributes: ReadonlyMap<string, unknown>, schema: Schema): Mark[] {
  const marks: Mark[] = [];
  for (const [key, value] of attributes) {
    const type = schema.marks[markName(key)];
    if (!type) continue;
    try {
      marks.push(type.create(typeof value === 'object' ? (value as Record<string, unknown> | null) : null));
    } catch {
      // Invalid attributes: the editor could not show this mark either.
    }
  }
  return marks;
}
