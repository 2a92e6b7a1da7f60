import type { Node } from 'prosemirror-model';

/** A document made from outside content, with what had to change on the way, in plain words (empty when nothing did). */
export interface Conversion {
  readonly doc: Node;
  readonly changes: readonly string[];
}
