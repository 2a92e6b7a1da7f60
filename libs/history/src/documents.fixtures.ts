import { schema as quireSchema } from '@quire/editor-schema';
import { PROSEMIRROR_FRAGMENT } from '@quire/constants';
import { Schema, type Node } from 'prosemirror-model';
import { prosemirrorToYXmlFragment, updateYFragment } from 'y-prosemirror';
import * as Y from 'yjs';

// Documents for the specs: a schema of made-up nodes (nothing here may depend on node names), and
// Y.Docs edited as the editor edits them, one Y.Doc (one client id) per person.

/** Nodes no code of the library names: a grid of cells, a checklist, an inline atom with leaf text, a leaf block. */
export const testSchema = new Schema({
  nodes: {
    doc: { content: 'block+' },
    para: { content: 'inline*', group: 'block', attrs: { align: { default: 'left' } } },
    title: { content: 'inline*', group: 'block', attrs: { level: { default: 1 } } },
    grid: { content: 'row+', group: 'block' },
    row: { content: 'cell+' },
    cell: { content: 'para+' },
    checklist: { content: 'check+', group: 'block' },
    numbered: { content: 'check+', group: 'block' },
    check: { content: 'para', attrs: { done: { default: false } } },
    divider: { group: 'block' },
    text: { group: 'inline' },
    tag: { group: 'inline', inline: true, atom: true, attrs: { name: { default: '' } }, leafText: (node) => `#${String(node.attrs['name'])}` },
    pause: { group: 'inline', inline: true },
  },
  marks: { strong: {}, link: { attrs: { href: {} } } },
});

export { quireSchema };

/** Builds nodes of `schema` tersely: `n('para', 'text')`, `n('title', { level: 2 }, 'Text')`. */
export function builder(schema: Schema) {
  return (type: string, ...rest: (Node | string | Record<string, unknown>)[]): Node => {
    const attrs = rest.length > 0 && typeof rest[0] === 'object' && !isNode(rest[0]) ? (rest.shift() as Record<string, unknown>) : null;
    const content = rest.map((child) => (typeof child === 'string' ? schema.text(child) : (child as Node)));
    return schema.node(type, attrs, content);
  };
}

function isNode(value: unknown): value is Node {
  return typeof value === 'object' && value !== null && 'nodeSize' in value;
}

/** A person editing one shared document through a Y.Doc of their own, as the editor does. */
export class Editor {
  readonly doc = new Y.Doc();

  constructor(readonly name: string) {}

  /** Replaces the content with `target` as an editor transaction would (minimal Yjs changes). */
  write(target: Node): this {
    this.doc.transact(() => {
      updateYFragment(this.doc, this.doc.getXmlFragment(PROSEMIRROR_FRAGMENT), target, { mapping: new Map(), isOMark: new Map() });
    });
    return this;
  }

  /** Receives everything `other` has. */
  receive(other: Editor | Y.Doc): this {
    const doc = other instanceof Editor ? other.doc : other;
    Y.applyUpdate(this.doc, Y.encodeStateAsUpdate(doc, Y.encodeStateVector(this.doc)));
    return this;
  }
}

/** A Y.Doc holding `content`, written at once by a fresh client. */
export function ydocOf(content: Node): Y.Doc {
  const doc = new Y.Doc();
  prosemirrorToYXmlFragment(content, doc.getXmlFragment(PROSEMIRROR_FRAGMENT));
  return doc;
}
