import type { Mark, Node } from 'prosemirror-model';
import type { Authors } from './authors';
import type { DocumentChange, ProseMirrorJSON } from './changes';
import type { NodeKeys } from './node-keys';
import { matchSequences, type Match } from './sequences';

/** Past this many inserted and deleted characters, two textblocks are compared as a whole replacement. */
export const MAX_TEXT_COST = 2_000;
/**
 * Past this many, two textblocks are not taken as one edited into the other when pairing: every
 * candidate pair is tried, and a stretch of rewritten paragraphs must not cost seconds.
 */
export const MAX_PAIRING_COST = 500;

/** What a diff shares while it walks two documents. */
export interface DiffRun {
  readonly keys: NodeKeys;
  /** Each textblock's tokens, made once: pairing and diffing read them several times. */
  readonly tokens: Map<Node, InlineTokens>;
  readonly authors: Authors;
  readonly changes: DocumentChange[];
}

/** A textblock's inline content as tokens: characters by their code, other inline nodes by key (marks aside). */
export interface InlineTokens {
  readonly ids: number[];
  /** Offset of each token in the node's content, and the content's size last. */
  readonly offsets: number[];
  readonly marks: (readonly Mark[])[];
}

export function inlineTokens(node: Node, run: Pick<DiffRun, 'keys' | 'tokens'>): InlineTokens {
  const known = run.tokens.get(node);
  if (known) return known;
  const { keys } = run;
  const tokens: InlineTokens = { ids: [], offsets: [], marks: [] };
  let offset = 0;
  node.forEach((child) => {
    if (child.isText) {
      const text = child.text ?? '';
      for (let i = 0; i < text.length; i++) {
        tokens.ids.push(text.charCodeAt(i));
        tokens.offsets.push(offset + i);
        tokens.marks.push(child.marks);
      }
    } else {
      tokens.ids.push(-1 - keys.ofInline(child));
      tokens.offsets.push(offset);
      tokens.marks.push(child.marks);
    }
    offset += child.nodeSize;
  });
  tokens.offsets.push(offset);
  run.tokens.set(node, tokens);
  return tokens;
}

/**
 * The matched tokens of two textblocks when they are alike enough to show as edits of one another
 * (at least half of the shorter one kept); `undefined` when they are better shown as one removed
 * and one added.
 */
export function matchTextblocks(a: InlineTokens, b: InlineTokens): Match[] | undefined {
  const n = a.ids.length;
  const m = b.ids.length;
  const limit = Math.min(Math.max(n, m), MAX_PAIRING_COST);
  // No edit script is shorter than the difference in length.
  if (Math.abs(n - m) > limit) return undefined;
  return matchSequences(n, m, (i, j) => a.ids[i] === b.ids[j], limit);
}

/**
 * Records the changes between two paired textblocks: characters deleted and inserted (inserted
 * ones split by author), and kept characters whose marks differ. `aStart` and `bStart` are the
 * positions of their content in the older and newer documents.
 */
export function diffInline(a: Node, aStart: number, b: Node, bStart: number, run: DiffRun, matched?: Match[]): void {
  const ta = inlineTokens(a, run);
  const tb = inlineTokens(b, run);
  const matches = matched ?? matchSequences(ta.ids.length, tb.ids.length, (i, j) => ta.ids[i] === tb.ids[j], MAX_TEXT_COST) ?? [];
  const formats = new FormatRuns(b, bStart, run);
  let ia = 0;
  let jb = 0;
  for (const [i, j] of [...matches, [ta.ids.length, tb.ids.length] as const]) {
    if (i > ia) {
      const slice = a.slice(ta.offsets[ia], ta.offsets[i]).toJSON() as ProseMirrorJSON;
      run.changes.push({ type: 'delete', kind: 'text', at: bStart + tb.offsets[jb], fromA: aStart + ta.offsets[ia], toA: aStart + ta.offsets[i], slice, authorIds: run.authors.candidates });
    }
    if (j > jb) insertRuns(b, bStart, tb, jb, j, run);
    if (i < ta.ids.length) formats.compare(ta.marks[i], tb.marks[j], tb.offsets[j], tb.offsets[j + 1]);
    ia = i + 1;
    jb = j + 1;
  }
  formats.flush();
}

/** Inserted tokens `[from, to)` of `b`, one change per stretch of one author's. */
function insertRuns(b: Node, bStart: number, tokens: InlineTokens, from: number, to: number, run: DiffRun): void {
  let start = from;
  let author = run.authors.textAt(b, tokens.offsets[from]);
  for (let j = from + 1; j <= to; j++) {
    const next = j < to ? run.authors.textAt(b, tokens.offsets[j]) : undefined;
    if (j < to && next === author) continue;
    run.changes.push({ type: 'insert', kind: 'text', from: bStart + tokens.offsets[start], to: bStart + tokens.offsets[j], authorIds: run.authors.one(author) });
    start = j;
    author = next;
  }
}

/**
 * Whether gaining or losing the mark is an edit to show: a `comment` mark is a thread's anchor,
 * which the server adds and removes as people discuss the text (libs/collab-core README,
 * "Comments"), not a change anyone made to the text.
 */
function isEdit(mark: Mark): boolean {
  return mark.type.name !== 'comment';
}

/** Kept characters whose marks changed, grouped while they change alike. */
class FormatRuns {
  private pending: { from: number; to: number; signature: string; added: Mark[]; removed: Mark[]; authorIds: readonly string[] } | undefined;

  constructor(
    private readonly node: Node,
    private readonly start: number,
    private readonly run: DiffRun,
  ) {}

  compare(before: readonly Mark[], after: readonly Mark[], from: number, to: number): void {
    const added = after.filter((mark) => isEdit(mark) && !mark.isInSet(before));
    const removed = before.filter((mark) => isEdit(mark) && !mark.isInSet(after));
    if (added.length === 0 && removed.length === 0) {
      this.flush();
      return;
    }
    const authorIds = [...new Set([...added, ...removed].flatMap((mark) => this.run.authors.formatAt(this.node, from, mark.type.name)))];
    const signature = JSON.stringify([added, removed, authorIds]);
    if (this.pending && this.pending.to === from && this.pending.signature === signature) {
      this.pending.to = to;
      return;
    }
    this.flush();
    this.pending = { from, to, signature, added, removed, authorIds };
  }

  flush(): void {
    const pending = this.pending;
    if (!pending) return;
    this.pending = undefined;
    this.run.changes.push({
      type: 'format',
      from: this.start + pending.from,
      to: this.start + pending.to,
      added: pending.added.map((mark) => mark.toJSON() as ProseMirrorJSON),
      removed: pending.removed.map((mark) => mark.toJSON() as ProseMirrorJSON),
      authorIds: pending.authorIds,
    });
  }
}
