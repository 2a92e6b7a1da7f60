import type { Node } from 'prosemirror-model';

/**
 * Numbers standing for nodes, equal exactly when the nodes are equal (type, attributes, marks and
 * content, all the way down), so that aligning two lists of siblings compares numbers. One
 * instance per diff: the numbers mean nothing outside it.
 */
export class NodeKeys {
  private readonly interned = new Map<string, number>();
  private readonly keys = new Map<Node, number>();
  private readonly inlineKeys = new Map<Node, number>();

  /** The node's key. */
  of(node: Node): number {
    let key = this.keys.get(node);
    if (key === undefined) {
      key = this.intern(this.describe(node, true));
      this.keys.set(node, key);
    }
    return key;
  }

  /** An inline node's key without its marks: a mention that became bold is the same mention, formatted. */
  ofInline(node: Node): number {
    let key = this.inlineKeys.get(node);
    if (key === undefined) {
      key = this.intern(this.describe(node, false));
      this.inlineKeys.set(node, key);
    }
    return key;
  }

  private describe(node: Node, withMarks: boolean): string {
    const marks = withMarks && node.marks.length > 0 ? JSON.stringify(node.marks.map((mark) => mark.toJSON())) : '';
    if (node.isText) return `t${marks}\u0000${node.text}`;
    const children: number[] = [];
    node.forEach((child) => children.push(this.of(child)));
    return `${node.type.name}\u0000${JSON.stringify(node.attrs)}\u0000${marks}\u0000${children.join(',')}`;
  }

  private intern(description: string): number {
    let key = this.interned.get(description);
    if (key === undefined) {
      key = this.interned.size;
      this.interned.set(description, key);
    }
    return key;
  }
}
