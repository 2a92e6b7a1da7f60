import { createHash } from 'node:crypto';
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as Y from 'yjs';
import { loadTrace, TRACE_PATH, type EditingTrace } from '@quire/bench-support';

/** The Y.Text the trace is typed into. */
export const TRACE_TEXT = 'text';

/**
 * The trace as a real Y.Doc emits it: one update per operation (one transaction each), and the
 * whole document encoded once at the end (what a server stores for the joining benchmarks).
 */
export interface TraceUpdates {
  readonly updates: readonly Uint8Array[];
  readonly finalState: Uint8Array;
  readonly endContent: string;
}

/**
 * Replaying 259,778 operations into a Y.Doc takes several seconds, so the result is written once
 * to the OS temp dir, keyed by the trace's bytes and the Yjs version, and read back afterwards.
 * Returns the cache file's path.
 */
export function prepareTraceUpdates(): string {
  const path = cachePath();
  if (existsSync(path)) return path;
  const trace = loadTrace();
  const { updates, finalState } = replayIntoDoc(trace);
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, updates.length);
  for (const update of updates) encoding.writeVarUint8Array(encoder, update);
  encoding.writeVarUint8Array(encoder, finalState);
  encoding.writeVarString(encoder, trace.endContent);
  // Written under another name first: a run killed mid-write must not leave a truncated cache.
  writeFileSync(`${path}.partial`, encoding.toUint8Array(encoder));
  renameSync(`${path}.partial`, path);
  return path;
}

/** Reads what {@link prepareTraceUpdates} wrote. */
export function readTraceUpdates(path: string): TraceUpdates {
  const decoder = decoding.createDecoder(readFileSync(path));
  const count = decoding.readVarUint(decoder);
  const updates: Uint8Array[] = new Array(count);
  for (let index = 0; index < count; index++) updates[index] = decoding.readVarUint8Array(decoder);
  const finalState = decoding.readVarUint8Array(decoder);
  const endContent = decoding.readVarString(decoder);
  return { updates, finalState, endContent };
}

function replayIntoDoc(trace: EditingTrace): { updates: Uint8Array[]; finalState: Uint8Array } {
  const doc = new Y.Doc();
  const text = doc.getText(TRACE_TEXT);
  const updates: Uint8Array[] = [];
  doc.on('update', (update: Uint8Array) => updates.push(update));
  if (trace.startContent !== '') text.insert(0, trace.startContent);
  for (const [position, deleteCount, insert] of trace.operations) {
    doc.transact(() => {
      if (deleteCount > 0) text.delete(position, deleteCount);
      if (insert !== '') text.insert(position, insert);
    });
  }
  if (text.toString() !== trace.endContent) {
    throw new Error('The trace replayed into a Y.Doc does not give its endContent; the trace file is damaged');
  }
  const finalState = Y.encodeStateAsUpdate(doc);
  doc.destroy();
  return { updates, finalState };
}

function cachePath(): string {
  const yjsVersion = (JSON.parse(readFileSync(require.resolve('yjs/package.json'), 'utf8')) as { version: string }).version;
  const hash = createHash('sha256').update(readFileSync(TRACE_PATH)).update(yjsVersion).digest('hex').slice(0, 16);
  return join(tmpdir(), `quire-bench-peers-trace-${hash}.bin`);
}
