import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { applyPatch, loadTrace, replayOnString } from './trace';

function traceFile(json: unknown): string {
  const path = join(mkdtempSync(join(tmpdir(), 'quire-trace-')), 'trace.json.gz');
  writeFileSync(path, gzipSync(JSON.stringify(json)));
  return path;
}

describe('loadTrace', () => {
  it('reads the copy in the repository: every operation replayed gives the end text', () => {
    const trace = loadTrace();
    expect(trace.operations).toHaveLength(259_778);
    expect(replayOnString(trace, trace.operations.length)).toBe(trace.endContent);
    expect(loadTrace()).toBe(trace);
  });

  it('applies operations to a Y.Text as on a string', () => {
    const trace = loadTrace(traceFile({ startContent: '', endContent: 'hey', txns: [{ patches: [[0, 0, 'hello'], [1, 4, 'ey']] }] }));
    const text = new Y.Doc().getText('text');
    for (const operation of trace.operations) applyPatch(text, operation);
    expect(text.toString()).toBe('hey');
    expect(replayOnString(trace, 1)).toBe('hello');
  });

  it('names what is wrong with a file that is not a trace', () => {
    expect(() => loadTrace('/nonexistent/trace.json.gz')).toThrow('Editing trace not found at /nonexistent/trace.json.gz');
    expect(() => loadTrace(traceFile({ startContent: '' }))).toThrow(/not an editing trace \(startContent and endContent must be strings\)/);
    expect(() => loadTrace(traceFile({ startContent: '', endContent: '', txns: [{ patches: [[0, 'x', '']] }] }))).toThrow(/txns\[0\] has a malformed patch \[0,"x",""\]/);
  });
});
