import { Fragment, Slice, type Node } from 'prosemirror-model';
import type { ProseMirrorJSON } from './changes';
import { diffInline, inlineTokens, matchTextblocks, type DiffRun } from './inline';
import { matchSequences, type Match } from './sequences';

/** Past this many inserted and deleted children, two lists of siblings are compared as a whole replacement. */
export const MAX_BLOCK_COST = 4_000;

/** A child and where it starts, in its document. */
interface Placed {
  readonly node: Node;
  readonly pos: number;
}

/**
 * Records the changes between the content of two nodes paired with each other (the two documents,
 * at first), whatever their types: equal children are aligned by key, and within each stretch
 * between aligned children, nodes that are alike are paired and compared in turn (their markup,
 * then their content), the others are inserted or deleted whole. `aStart` and `bStart` are the
 * positions of the two contents.
 */
export function diffContent(a: Node, aStart: number, b: Node, bStart: number, run: DiffRun): void {
  if (a.inlineContent && b.inlineContent) {
    diffInline(a, aStart, b, bStart, run);
    return;
  }
  const aKids = placed(a, aStart);
  const bKids = placed(b, bStart);
  const aKeys = aKids.map((kid) => run.keys.of(kid.node));
  const bKeys = bKids.map((kid) => run.keys.of(kid.node));
  const matches = matchSequences(aKids.length, bKids.length, (i, j) => aKeys[i] === bKeys[j], MAX_BLOCK_COST) ?? [];
  let ia = 0;
  let jb = 0;
  for (const [i, j] of [...matches, [aKids.length, bKids.length] as const]) {
    const end = j < bKids.length ? bKids[j].pos : bStart + b.content.size;
    pairStretch(aKids.slice(ia, i), bKids.slice(jb, j), end, run);
    ia = i + 1;
    jb = j + 1;
  }
}

function placed(node: Node, start: number): Placed[] {
  const kids: Placed[] = [];
  node.forEach((child, offset) => kids.push({ node: child, pos: start + offset }));
  return kids;
}

/**
 * Pairs what changed between two aligned children, in order: a pair when alike, else one side
 * taken as inserted or deleted when its next neighbour pairs, else both replaced. `end` is where
 * the stretch ends in the newer document.
 */
function pairStretch(aKids: readonly Placed[], bKids: readonly Placed[], end: number, run: DiffRun): void {
  let i = 0;
  let j = 0;
  while (i < aKids.length && j < bKids.length) {
    const pairing = alike(aKids[i].node, bKids[j].node, run);
    if (pairing) {
      pair(aKids[i], bKids[j], pairing, run);
      i++;
      j++;
    } else if (j + 1 < bKids.length && alike(aKids[i].node, bKids[j + 1].node, run)) {
      inserted(bKids[j++], run);
    } else if (i + 1 < aKids.length && alike(aKids[i + 1].node, bKids[j].node, run)) {
      deleted(aKids[i++], bKids[j].pos, run);
    } else {
      deleted(aKids[i++], bKids[j].pos, run);
      inserted(bKids[j++], run);
    }
  }
  for (; i < aKids.length; i++) deleted(aKids[i], j < bKids.length ? bKids[j].pos : end, run);
  for (; j < bKids.length; j++) inserted(bKids[j], run);
}

/** How two nodes pair: their matched text (textblocks), `true` (other nodes), or `false`/`undefined` when they do not. */
type Pairing = Match[] | boolean | undefined;

/**
 * Alike: two textblocks (of any types: a paragraph that became a heading) with at least half of the
 * shorter one's text kept; two nodes of one type; or two containers sharing a child (a bullet list
 * that became an ordered one).
 */
function alike(a: Node, b: Node, run: DiffRun): Pairing {
  if (a.isTextblock && b.isTextblock) return matchTextblocks(inlineTokens(a, run), inlineTokens(b, run));
  if (a.isTextblock || b.isTextblock || a.isLeaf !== b.isLeaf) return false;
  if (a.type === b.type) return true;
  if (a.isLeaf) return false;
  const keys = new Set<number>();
  a.forEach((child) => keys.add(run.keys.of(child)));
  let shared = false;
  b.forEach((child) => {
    shared ||= keys.has(run.keys.of(child));
  });
  return shared;
}

function pair(a: Placed, b: Placed, pairing: Pairing, run: DiffRun): void {
  const changed = changedAttributes(a.node, b.node);
  if (a.node.type !== b.node.type || changed.length > 0) {
    run.changes.push({
      type: 'node',
      from: b.pos,
      to: b.pos + b.node.nodeSize,
      before: { type: a.node.type.name, attrs: a.node.attrs as ProseMirrorJSON },
      after: { type: b.node.type.name, attrs: b.node.attrs as ProseMirrorJSON },
      authorIds: run.authors.markupOf(b.node, a.node.type === b.node.type ? changed : []),
    });
  }
  if (a.node.isLeaf || b.node.isLeaf) return;
  if (a.node.inlineContent && b.node.inlineContent) {
    diffInline(a.node, a.pos + 1, b.node, b.pos + 1, run, Array.isArray(pairing) ? pairing : undefined);
  } else {
    diffContent(a.node, a.pos + 1, b.node, b.pos + 1, run);
  }
}

function changedAttributes(a: Node, b: Node): string[] {
  const names = new Set([...Object.keys(a.attrs), ...Object.keys(b.attrs)]);
  return [...names].filter((name) => JSON.stringify(a.attrs[name]) !== JSON.stringify(b.attrs[name]));
}

function inserted(b: Placed, run: DiffRun): void {
  run.changes.push({ type: 'insert', kind: 'node', from: b.pos, to: b.pos + b.node.nodeSize, authorIds: run.authors.within(b.node) });
}

function deleted(a: Placed, at: number, run: DiffRun): void {
  const slice = new Slice(Fragment.from(a.node), 0, 0).toJSON() as ProseMirrorJSON;
  run.changes.push({ type: 'delete', kind: 'node', at, fromA: a.pos, toA: a.pos + a.node.nodeSize, slice, authorIds: run.authors.candidates });
}
