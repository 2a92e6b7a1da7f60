import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { gunzipSync } from 'node:zlib';
import type * as Y from 'yjs';

/** One edit of the trace: at `position`, delete `deleteCount` characters, then insert `insert`. */
export type Patch = readonly [position: number, deleteCount: number, insert: string];

/** The trace, with its transactions flattened into the operations they consist of. */
export interface EditingTrace {
  readonly path: string;
  readonly startContent: string;
  readonly endContent: string;
  readonly operations: readonly Patch[];
}

/** The trace's licence (CC BY 4.0) asks for this wherever it or figures from it are published. */
export const TRACE_CREDIT =
  'Editing trace "automerge-paper" (the keystrokes that wrote arXiv:1608.03960), CC BY 4.0: ' +
  "Martin Kleppmann and the automerge-perf authors; from Joseph Gentle's editing-traces collection " +
  '(github.com/josephg/editing-traces).';

/** The copy that travels with the repository (data/README.md); src/ and dist/ both sit beside data/. */
export const TRACE_PATH = resolve(__dirname, '..', 'data', 'automerge-paper.json.gz');

const parsed = new Map<string, EditingTrace>();

/** Reads and checks the trace, once per path and process (parsing takes a while); throws naming what is wrong. */
export function loadTrace(path = TRACE_PATH): EditingTrace {
  let trace = parsed.get(path);
  if (trace === undefined) {
    trace = parseTrace(path);
    parsed.set(path, trace);
  }
  return trace;
}

function parseTrace(path: string): EditingTrace {
  if (!existsSync(path)) throw new Error(`Editing trace not found at ${path}`);
  const json: unknown = JSON.parse(gunzipSync(readFileSync(path)).toString('utf8'));
  if (!isRecord(json) || typeof json['startContent'] !== 'string' || typeof json['endContent'] !== 'string') {
    throw new Error(`${path}: not an editing trace (startContent and endContent must be strings)`);
  }
  const txns = json['txns'];
  if (!Array.isArray(txns)) throw new Error(`${path}: not an editing trace (txns must be an array)`);
  const operations: Patch[] = [];
  for (const [index, txn] of txns.entries()) {
    const patches: unknown = isRecord(txn) ? txn['patches'] : undefined;
    if (!Array.isArray(patches)) throw new Error(`${path}: txns[${index}] has no patches array`);
    for (const patch of patches) {
      if (!isPatch(patch)) throw new Error(`${path}: txns[${index}] has a malformed patch ${JSON.stringify(patch)}`);
      operations.push(patch);
    }
  }
  return { path, startContent: json['startContent'], endContent: json['endContent'], operations };
}

/** Applies one operation to a Y.Text; call inside a transaction to get one update for it. */
export function applyPatch(text: Y.Text, [position, deleteCount, insert]: Patch): void {
  if (deleteCount > 0) text.delete(position, deleteCount);
  if (insert !== '') text.insert(position, insert);
}

/** The text after the first `count` operations, replayed on a plain string (the reference result). */
export function replayOnString(trace: EditingTrace, count: number): string {
  let text = trace.startContent;
  for (const [position, deleteCount, insert] of trace.operations.slice(0, count)) {
    text = text.slice(0, position) + insert + text.slice(position + deleteCount);
  }
  return text;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

function isPatch(value: unknown): value is Patch {
  return (
    Array.isArray(value) &&
    value.length === 3 &&
    Number.isInteger(value[0]) &&
    Number.isInteger(value[1]) &&
    typeof value[2] === 'string'
  );
}
