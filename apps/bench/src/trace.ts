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

/** Where the shared data lives relative to the repository root. */
const RELATIVE_PATH = '../shared/data/automerge-paper.json.gz';

let cached: EditingTrace | undefined;

/**
 * Reads the trace from `../shared/data/` beside the repository or, failing that, from the file
 * `QUIRE_TRACE` names. Parsed once per run: two benchmarks use it, and parsing takes a while.
 */
export function loadTrace(repoRoot: string): EditingTrace {
  cached ??= parseTrace(findTrace(repoRoot));
  return cached;
}

function findTrace(repoRoot: string): string {
  const relative = resolve(repoRoot, RELATIVE_PATH);
  if (existsSync(relative)) return relative;
  const fromEnv = process.env['QUIRE_TRACE'];
  if (fromEnv !== undefined && fromEnv !== '' && existsSync(fromEnv)) return resolve(fromEnv);
  throw new Error(
    `Editing trace not found at ${relative}` +
      (fromEnv ? ` nor at QUIRE_TRACE=${fromEnv}` : '; set QUIRE_TRACE to the path of automerge-paper.json.gz'),
  );
}

function parseTrace(path: string): EditingTrace {
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

/** The text after the first `count` operations, replayed on plain strings (the reference result). */
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
