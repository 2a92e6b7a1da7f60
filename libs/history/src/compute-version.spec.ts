import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { computeVersion } from './compute-version';
import { rebuildVersion } from './version-data';

/** Two updates typed by one client: "hello", then " world". */
function typed(): Uint8Array[] {
  const doc = new Y.Doc();
  const updates: Uint8Array[] = [];
  doc.on('update', (update: Uint8Array) => updates.push(update));
  doc.getText('t').insert(0, 'hello');
  doc.getText('t').insert(5, ' world');
  doc.destroy();
  return updates;
}

describe('computeVersion', () => {
  it('encodes the stored updates as a first version (a keyframe) that rebuilds their content', () => {
    const computed = computeVersion({ updates: typed(), throughSeq: 2, bytes: 40, force: false });
    if (computed.outcome !== 'version') throw new Error(`expected a version, got ${computed.outcome}`);
    expect(computed.encoded.keyframe).toBe(true);
    expect(rebuildVersion([computed.encoded.data]).getText('t').toString()).toBe('hello world');
  });

  it('records nothing for a state equal to the newest version, unless forced', () => {
    const updates = typed();
    const first = computeVersion({ updates, throughSeq: 2, bytes: 40, force: false });
    if (first.outcome !== 'version') throw new Error('expected a version');
    const previous = { state: first.encoded.state, chainBytes: first.encoded.data.byteLength };
    expect(computeVersion({ updates, throughSeq: 2, bytes: 40, previous, force: false })).toEqual({ outcome: 'unchanged' });
    expect(computeVersion({ updates, throughSeq: 2, bytes: 40, previous, force: true }).outcome).toBe('version');
  });

  it('records nothing for a document nobody wrote to, unless forced', () => {
    expect(computeVersion({ updates: [], throughSeq: 0, bytes: 0, force: false })).toEqual({ outcome: 'unchanged' });
    expect(computeVersion({ updates: [], throughSeq: 0, bytes: 0, force: true }).outcome).toBe('version');
  });

  it('refuses updates that depend on one that is missing (a gap)', () => {
    const [, second] = typed();
    expect(computeVersion({ updates: [second], throughSeq: 2, bytes: 20, force: true })).toEqual({ outcome: 'gap' });
  });
});
