import type { Node } from 'prosemirror-model';
import { EditorState } from 'prosemirror-state';
import { builder, testSchema } from '../documents.fixtures';

// Random documents of the test schema and random edits of them, for the diff's property test.

const n = builder(testSchema);
const WORDS = ['alpha', 'beta', 'gamma', 'delta', 'fox', 'dog', 'the', 'a', 'lazy', 'quick', ' ', 'x'];

/** A deterministic generator of numbers in [0, 1). */
export function seeded(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state / 2147483648;
  };
}

const pick = <T>(random: () => number, items: readonly T[]): T => items[Math.floor(random() * items.length)];

function words(random: () => number): string {
  return Array.from({ length: 1 + Math.floor(random() * 5) }, () => pick(random, WORDS)).join(' ');
}

function paragraph(random: () => number): Node {
  const text = words(random);
  const cut = Math.floor(random() * text.length);
  const marked = random() < 0.3 ? [testSchema.text(text.slice(0, cut) || 'z'), testSchema.text(text.slice(cut) || 'z', [testSchema.marks.strong.create()])] : [testSchema.text(text)];
  return testSchema.node('para', null, marked);
}

function block(random: () => number): Node {
  switch (Math.floor(random() * 5)) {
    case 0:
      return n('title', { level: 1 + Math.floor(random() * 3) }, words(random));
    case 1:
      return n('grid', ...Array.from({ length: 1 + Math.floor(random() * 2) }, () => n('row', ...Array.from({ length: 1 + Math.floor(random() * 2) }, () => n('cell', paragraph(random))))));
    case 2:
      return n('checklist', ...Array.from({ length: 1 + Math.floor(random() * 3) }, () => n('check', { done: random() < 0.5 }, paragraph(random))));
    case 3:
      return n('divider');
    default:
      return paragraph(random);
  }
}

export function randomDocument(random: () => number): Node {
  return testSchema.node('doc', null, Array.from({ length: 1 + Math.floor(random() * 6) }, () => block(random)));
}

/** One random edit: text replaced, a mark toggled, a block inserted or deleted, a node's markup changed. */
export function randomEdit(doc: Node, random: () => number): Node {
  const tr = EditorState.create({ doc }).tr;
  const textblocks: { pos: number; node: Node }[] = [];
  doc.descendants((node, pos) => {
    if (node.isTextblock) textblocks.push({ pos, node });
  });
  if (textblocks.length === 0) return tr.insert(0, paragraph(random)).doc;
  const target = pick(random, textblocks);
  const from = target.pos + 1 + Math.floor(random() * (target.node.content.size + 1));
  const to = Math.min(target.pos + 1 + target.node.content.size, from + Math.floor(random() * 6));
  switch (Math.floor(random() * 6)) {
    case 0:
      if (random() < 0.5 || from === to) tr.insertText(words(random), from, to);
      else tr.delete(from, to);
      break;
    case 1:
      if (from < to) tr.addMark(from, to, testSchema.marks.strong.create());
      break;
    case 2: {
      const top = pick(random, childPositions(doc));
      tr.insert(top, block(random));
      break;
    }
    case 3:
      if (doc.childCount > 1) {
        const index = Math.floor(random() * doc.childCount);
        const start = childPositions(doc)[index];
        tr.delete(start, start + doc.child(index).nodeSize);
      }
      break;
    case 4:
      if (target.node.type.name === 'title') tr.setNodeMarkup(target.pos, undefined, { level: 1 + ((Number(target.node.attrs['level']) + 1) % 3) });
      // Only where a title may stand; inside a cell or a check, a paragraph changes its alignment.
      else if (doc.resolve(target.pos).depth === 0) tr.setNodeMarkup(target.pos, testSchema.nodes['title'], { level: 2 });
      else tr.setNodeMarkup(target.pos, undefined, { align: 'right' });
      break;
    default: {
      let check: number | undefined;
      doc.descendants((node, pos) => {
        if (node.type.name === 'check' && check === undefined) check = pos;
      });
      if (check !== undefined) tr.setNodeMarkup(check, undefined, { done: !doc.nodeAt(check)?.attrs['done'] });
    }
  }
  return tr.doc;
}

/** Positions between the document's top-level children, its start and end included. */
function childPositions(doc: Node): number[] {
  const positions: number[] = [];
  doc.forEach((_child, offset) => positions.push(offset));
  positions.push(doc.content.size);
  return positions;
}
