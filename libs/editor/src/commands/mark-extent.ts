import type { Mark, MarkType, ResolvedPos } from 'prosemirror-model';

/** A mark and the contiguous range of its parent textblock that carries it. */
export interface MarkExtent {
  mark: Mark;
  from: number;
  to: number;
}

/**
 * The range around `$pos` covered by one `type` mark (equal attributes), or null when the text on
 * either side of `$pos` does not carry it.
 */
export function markExtent($pos: ResolvedPos, type: MarkType): MarkExtent | null {
  const parent = $pos.parent;
  const start = $pos.start();
  const { index, offset } = parent.childAfter($pos.parentOffset);
  const candidates = [index];
  // At the boundary between two children, the text before the position counts too (a cursor at the
  // end of a link is still "in" it for editing).
  if (offset === $pos.parentOffset && index > 0) candidates.push(index - 1);
  for (const at of candidates) {
    const child = parent.maybeChild(at);
    const mark = child ? type.isInSet(child.marks) : undefined;
    if (!mark) continue;
    let first = at;
    let last = at;
    while (first > 0 && mark.isInSet(parent.child(first - 1).marks)) first--;
    while (last < parent.childCount - 1 && mark.isInSet(parent.child(last + 1).marks)) last++;
    let from = start;
    for (let i = 0; i < first; i++) from += parent.child(i).nodeSize;
    let to = from;
    for (let i = first; i <= last; i++) to += parent.child(i).nodeSize;
    return { mark, from, to };
  }
  return null;
}
