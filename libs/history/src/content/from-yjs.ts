import { PROSEMIRROR_FRAGMENT } from '@quire/constants';
import type { Mark, Node, Schema } from 'prosemirror-model';
import * as Y from 'yjs';
import { marksOf, markName } from './marks';

/** Characters of a node's inline content typed by one Yjs client, with who last formatted them. */
export interface TextRun {
  /** Offsets within the parent node's content. */
  readonly from: number;
  readonly to: number;
  readonly client: number;
  /** Per mark name, the client whose formatting (setting or clearing the mark) applies here last. */
  readonly formats: ReadonlyMap<string, number>;
}

/** Which Yjs client made each part of a document: what lets a diff say whose a change is. */
export interface ContentOrigins {
  /** The client that created each node other than text. */
  readonly nodes: Map<Node, number>;
  /** Per node, the client that last set each of its attributes. */
  readonly attributes: Map<Node, ReadonlyMap<string, number>>;
  /** Per node with inline content, its text runs in order. */
  readonly text: Map<Node, TextRun[]>;
}

/** A version's content as a ProseMirror document, with the origins of its parts. */
export interface VersionContent {
  readonly doc: Node;
  readonly origins: ContentOrigins;
}

/**
 * The ProseMirror document a Y.Doc's `prosemirror` fragment holds, as y-prosemirror builds it for
 * the editor, walking any node of `schema` alike (nothing here knows paragraphs from tables). What
 * the schema cannot hold is left out, as the editor leaves it out: an element of an unknown type
 * or with invalid attributes (with its content), an unknown mark. Unlike y-prosemirror, it never
 * changes the Y.Doc (the editor deletes what it cannot show). It also records which client made
 * each part, from the Yjs items themselves.
 */
export function contentOf(ydoc: Y.Doc, schema: Schema): VersionContent {
  const origins: ContentOrigins = { nodes: new Map(), attributes: new Map(), text: new Map() };
  const blocks = ydoc
    .getXmlFragment(PROSEMIRROR_FRAGMENT)
    .toArray()
    .map((child) => (child instanceof Y.XmlElement ? elementNode(child, schema, origins) : null))
    .filter((node): node is Node => node !== null);
  return { doc: schema.topNodeType.create(null, blocks), origins };
}

function elementNode(element: Y.XmlElement, schema: Schema, origins: ContentOrigins): Node | null {
  const children: Node[] = [];
  const runs: TextRun[] = [];
  let offset = 0;
  for (const child of element.toArray()) {
    if (child instanceof Y.XmlElement) {
      const node = elementNode(child, schema, origins);
      if (node) {
        children.push(node);
        offset += node.nodeSize;
      }
    } else if (child instanceof Y.XmlText) {
      offset = textNodes(child, schema, offset, children, runs);
    }
  }
  let node: Node;
  try {
    node = schema.node(element.nodeName, element.getAttributes(), children);
  } catch {
    // An unknown type or invalid attributes, as the editor would drop it.
    return null;
  }
  const item = element._item;
  if (item) origins.nodes.set(node, item.id.client);
  const attributes = new Map<string, number>();
  for (const [key, attribute] of element._map) if (!attribute.deleted) attributes.set(key, attribute.id.client);
  if (attributes.size > 0) origins.attributes.set(node, attributes);
  if (runs.length > 0) origins.text.set(node, runs);
  return node;
}

/**
 * The text nodes of a Y.XmlText, walked item by item as `Y.Text#toDelta` does (formatting items
 * set or clear an attribute for what follows), and their runs; returns the offset after them.
 */
function textNodes(text: Y.XmlText, schema: Schema, start: number, nodes: Node[], runs: TextRun[]): number {
  const attributes = new Map<string, unknown>();
  let formats = new Map<string, number>();
  let marks: readonly Mark[] = [];
  let offset = start;
  // One text node per stretch of equal marks: a typed document is thousands of items, and a
  // node for each (joined again by ProseMirror) would cost most of the conversion.
  let pieces: string[] = [];
  const flush = () => {
    if (pieces.length > 0) nodes.push(schema.text(pieces.join(''), marks));
    pieces = [];
  };
  for (let item = text._start; item !== null; item = item.right) {
    if (item.deleted) continue;
    const content = item.content;
    if (content instanceof Y.ContentFormat) {
      flush();
      if (content.value === null) attributes.delete(content.key);
      else attributes.set(content.key, content.value);
      formats = new Map(formats).set(markName(content.key), item.id.client);
      marks = marksOf(attributes, schema);
    } else if (content instanceof Y.ContentString && content.str.length > 0) {
      pieces.push(content.str);
      runs.push({ from: offset, to: offset + content.str.length, client: item.id.client, formats });
      offset += content.str.length;
    }
  }
  flush();
  return offset;
}
