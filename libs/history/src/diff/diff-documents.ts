import type { Node } from 'prosemirror-model';
import { Authors, type AuthorSources } from './authors';
import { diffContent } from './blocks';
import type { DocumentChange } from './changes';
import { NodeKeys } from './node-keys';

/** Who wrote the newer document's parts, for the changes' `authorIds`. */
export interface DiffOptions extends AuthorSources {
  /** Which client made each part of the newer document (from `contentOf`). */
  readonly origins?: AuthorSources['origins'];
  /** The user a Yjs client id wrote for. */
  readonly authorOf?: (client: number) => string | undefined;
  /** Everyone who edited between the two documents: named for what no client id tells (deletions). */
  readonly editors?: readonly string[];
}

/**
 * The changes that turn `before` into `after`, two documents of one schema, on their structure:
 * blocks aligned by content at every depth (paragraphs, headings, list items, table cells…),
 * characters inside paired textblocks, marks of kept characters, and nodes' types and attributes.
 * Nothing in it knows a node type by name. Changes come in the order of the newer document (a
 * deletion before an insertion at the same place). Insertions, deletions and format changes never
 * overlap one another; a node change spans its node, and the changes to its content lie inside.
 *
 * @example
 * const changes = diffDocuments(previous.doc, current.doc, { origins: current.origins, authorOf, editors });
 */
export function diffDocuments(before: Node, after: Node, options: DiffOptions = {}): DocumentChange[] {
  const run = { keys: new NodeKeys(), tokens: new Map(), authors: new Authors(options), changes: [] as DocumentChange[] };
  diffContent(before, 0, after, 0, run);
  return run.changes
    .map((change, index) => ({ change, index }))
    .sort((x, y) => placeOf(x.change) - placeOf(y.change) || rank(x.change) - rank(y.change) || x.index - y.index)
    .map(({ change }) => change);
}

function placeOf(change: DocumentChange): number {
  return change.type === 'delete' ? change.at : change.from;
}

// At one place, what was there goes first: a deletion, then what replaced it.
function rank(change: DocumentChange): number {
  return change.type === 'delete' ? 0 : 1;
}
