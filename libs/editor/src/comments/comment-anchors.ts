import type { Mark, Node } from 'prosemirror-model';

/** The mark the server puts on commented text (libs/editor-schema), by name: one thread per mark. */
export const COMMENT_MARK = 'comment';

/** Where a thread's text is now: from the first to the last character carrying its mark. */
export interface CommentAnchor {
  threadId: string;
  from: number;
  to: number;
}

/** The thread id of a comment mark, or null for any other mark (or an id that is not a string). */
export function commentThreadId(mark: Mark): string | null {
  if (mark.type.name !== COMMENT_MARK) return null;
  const id: unknown = mark.attrs['threadId'];
  return typeof id === 'string' && id !== '' ? id : null;
}

/**
 * Every thread anchored in `doc`, in the order of its first character: the margin lays threads out
 * in this order. A thread whose text was cut in two spans both parts (from the first to the last).
 * One walk over the document, so 500 threads cost what one does.
 */
export function commentAnchors(doc: Node): CommentAnchor[] {
  const found = new Map<string, CommentAnchor>();
  doc.descendants((node, pos) => {
    if (!node.isText) return true;
    for (const mark of node.marks) {
      const threadId = commentThreadId(mark);
      if (!threadId) continue;
      const end = pos + node.nodeSize;
      const known = found.get(threadId);
      if (known) known.to = Math.max(known.to, end);
      else found.set(threadId, { threadId, from: pos, to: end });
    }
    return false;
  });
  return [...found.values()];
}

/** The threads whose marks cover the character at `pos` (innermost, i.e. shortest, first). */
export function threadsAt(doc: Node, pos: number): string[] {
  const $pos = doc.resolve(pos);
  const node = $pos.parent.childAfter($pos.parentOffset).node ?? $pos.nodeBefore;
  if (!node) return [];
  const ids = node.marks.map(commentThreadId).filter((id): id is string => id !== null);
  if (ids.length < 2) return ids;
  const anchors = new Map(commentAnchors(doc).map((anchor) => [anchor.threadId, anchor.to - anchor.from]));
  return ids.sort((a, b) => (anchors.get(a) ?? 0) - (anchors.get(b) ?? 0));
}
