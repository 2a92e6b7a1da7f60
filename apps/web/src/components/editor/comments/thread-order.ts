import type { ThreadView } from '@quire/api-contract';
import { commentAnchors, type CommentAnchor } from '@quire/editor';
import type { Node } from 'prosemirror-model';

const anchorsByDoc = new WeakMap<Node, Map<string, CommentAnchor>>();

/** The threads anchored in `doc` by id, read once per document state (the margin asks often). */
export function anchorsOf(doc: Node): Map<string, CommentAnchor> {
  let anchors = anchorsByDoc.get(doc);
  if (!anchors) {
    anchors = new Map(commentAnchors(doc).map((anchor) => [anchor.threadId, anchor]));
    anchorsByDoc.set(doc, anchors);
  }
  return anchors;
}

/** The ids of the anchored threads in document order, for React: it re-renders only when this changes. */
export function anchoredOrder(doc: Node): string[] {
  return [...anchorsOf(doc).keys()];
}

export const sameOrder = (a: readonly string[], b: readonly string[]) => a === b || (a.length === b.length && a.every((id, index) => id === b[index]));

/**
 * The threads as the margin lists them: those whose text is in the document in its order, then
 * the rest (detached, or whose mark has not arrived yet) oldest first. Resolved ones only when
 * asked for.
 */
export function orderThreads(threads: readonly ThreadView[], order: readonly string[], showResolved: boolean): ThreadView[] {
  const shown = threads.filter((thread) => showResolved || !thread.resolved);
  const position = new Map(order.map((id, index) => [id, index]));
  const anchored = shown.filter((thread) => position.has(thread.id)).sort((a, b) => (position.get(a.id) as number) - (position.get(b.id) as number));
  const rest = shown.filter((thread) => !position.has(thread.id));
  return [...anchored, ...rest];
}
