import { PROSEMIRROR_FRAGMENT } from '@quire/constants';
import type { Node, NodeType, Schema } from 'prosemirror-model';
import { describe, expect, it } from 'vitest';
import { yXmlFragmentToProseMirrorRootNode } from 'y-prosemirror';
import * as Y from 'yjs';
import { builder, Editor, quireSchema, testSchema, ydocOf } from '../documents.fixtures';
import { contentOf } from './from-yjs';

const n = builder(testSchema);

/** Attributes a node of the Quire schema cannot be made without (the test names nodes; the library never does). */
const REQUIRED: Record<string, Record<string, unknown>> = {
  image: { src: '/api/files/0123456789abcdef0123456789abcdef' },
  attachment: { src: '/api/files/0123456789abcdef0123456789abcdef', name: 'plan.pdf' },
  mention: { id: 'user-ada', label: 'Ada' },
};

/**
 * One of every node type of `schema`, each filled with what its content needs: inline nodes in a
 * textblock, blocks at the top, and the others inside parents that take them (a cell in a row in
 * a table), found through the content expressions.
 */
function everyNode(schema: Schema): Node {
  const top = schema.topNodeType;
  const types = Object.values(schema.nodes);
  const textblock = types.find((type) => type.isTextblock && top.contentMatch.matchType(type)) as NodeType;
  const make = (type: NodeType, content?: Node[]) => type.createAndFill(REQUIRED[type.name] ?? null, content);
  const atTop = (node: Node, depth = 0): Node | null => {
    if (top.contentMatch.matchType(node.type)) return node;
    const parent = types.find((type) => type !== top && type !== node.type && type.contentMatch.matchType(node.type));
    const wrapped = parent && depth < 5 ? make(parent, [node]) : null;
    return wrapped && atTop(wrapped, depth + 1);
  };
  const blocks: Node[] = [];
  const inline: Node[] = [schema.text('text ')];
  for (const type of types) {
    if (type === top || type.isText) continue;
    const node = make(type);
    if (!node) continue;
    if (type.isInline) inline.push(node);
    else blocks.push(atTop(node) ?? node);
  }
  return top.create(null, [textblock.create(null, inline), ...blocks]);
}

describe('contentOf', () => {
  it('reads every node type of the Quire schema back as the editor wrote it', () => {
    const written = everyNode(quireSchema);
    const seen = new Set<string>();
    written.descendants((node) => {
      seen.add(node.type.name);
    });
    // Everything but the document itself is in it, reached from the top or through its parents.
    expect([...seen, quireSchema.topNodeType.name].sort()).toEqual(Object.keys(quireSchema.nodes).sort());

    const { doc } = contentOf(ydocOf(written), quireSchema);

    expect(doc.toJSON()).toEqual(written.toJSON());
  });

  it('builds what y-prosemirror builds for the editor, marks and nested nodes included', () => {
    const editor = new Editor('ada').write(
      n('doc', n('title', { level: 2 }, 'Plans'), n('para', testSchema.text('bold', [testSchema.marks.strong.create()]), ' and ', testSchema.text('linked', [testSchema.marks.link.create({ href: 'https://example.com' })])),
        n('grid', n('row', n('cell', n('para', 'a')), n('cell', n('para', 'b', n('pause'), n('tag', { name: 'x' }))))),
        n('checklist', n('check', { done: true }, n('para', 'done')))),
    );

    const { doc } = contentOf(editor.doc, testSchema);

    expect(doc.toJSON()).toEqual(yXmlFragmentToProseMirrorRootNode(editor.doc.getXmlFragment(PROSEMIRROR_FRAGMENT), testSchema).toJSON());
  });

  it('leaves out elements and marks the schema cannot hold, and changes nothing in the Y.Doc', () => {
    const ydoc = new Y.Doc();
    const fragment = ydoc.getXmlFragment(PROSEMIRROR_FRAGMENT);
    const unknown = new Y.XmlElement('from_the_future');
    const invalid = new Y.XmlElement('title');
    invalid.setAttribute('level', 1 as unknown as string);
    const para = new Y.XmlElement('para');
    const text = new Y.XmlText();
    para.insert(0, [text]);
    fragment.insert(0, [unknown, para]);
    text.insert(0, 'kept', { sparkle: {}, strong: {} });
    const before = Y.encodeStateAsUpdate(ydoc);

    const { doc } = contentOf(ydoc, testSchema);

    expect(doc.toJSON()).toEqual(n('doc', n('para', testSchema.text('kept', [testSchema.marks.strong.create()]))).toJSON());
    expect(Y.encodeStateAsUpdate(ydoc)).toEqual(before);
  });

  it('records which client typed each run of text, made each node, set each attribute and formatted each run', () => {
    const ada = new Editor('ada').write(n('doc', n('title', { level: 1 }, 'Hello world')));
    const bob = new Editor('bob').receive(ada).write(n('doc', n('title', { level: 2 }, 'Hello brave world')));
    const cid = new Editor('cid').receive(bob).write(n('doc', n('title', { level: 2 }, 'Hello ', testSchema.text('brave', [testSchema.marks.strong.create()]), ' world')));

    const { doc, origins } = contentOf(cid.doc, testSchema);
    const title = doc.child(0);

    expect(origins.nodes.get(title)).toBe(ada.doc.clientID);
    expect(origins.attributes.get(title)?.get('level')).toBe(bob.doc.clientID);
    const runs = origins.text.get(title) ?? [];
    const clientAt = (offset: number) => runs.find((run) => run.from <= offset && offset < run.to);
    expect(clientAt(0)?.client).toBe(ada.doc.clientID);
    expect(clientAt(7)?.client).toBe(bob.doc.clientID);
    expect(clientAt(7)?.formats.get('strong')).toBe(cid.doc.clientID);
    expect(clientAt(14)?.client).toBe(ada.doc.clientID);
    expect(runs.map((run) => [run.from, run.to])).toEqual(
      runs.map((run, index) => [index === 0 ? 0 : runs[index - 1].to, run.to]),
    );
  });
});
