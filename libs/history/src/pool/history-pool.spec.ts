import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { threadId } from 'node:worker_threads';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { computeVersion } from '../compute-version';
import { refoldVersion } from '../refold-version';
import { rebuildVersion } from '../version-data';
import { HistoryPool } from './history-pool';

/** The compiled worker: this project's test target builds the library first (project.json). */
const COMPILED_WORKER = path.resolve(__dirname, '../../dist/pool/history-worker.js');

function paragraphs(count: number): Uint8Array[] {
  const doc = new Y.Doc();
  const updates: Uint8Array[] = [];
  doc.on('update', (update: Uint8Array) => updates.push(update));
  for (let i = 0; i < count; i++) doc.getText('t').insert(doc.getText('t').length, `line ${i}\n`);
  doc.destroy();
  return updates;
}

const merge = (updates: readonly Uint8Array[]) => Y.mergeUpdates([...updates]);

describe('HistoryPool', () => {
  let pool: HistoryPool | undefined;
  afterEach(async () => {
    await pool?.close();
    pool = undefined;
  });

  it('computes a version on another thread, the same as in this one', async () => {
    pool = new HistoryPool(() => undefined, COMPILED_WORKER);
    expect(pool.threaded).toBe(true);
    expect(await pool.runnerThreadId()).not.toBe(threadId);
    const input = { updates: paragraphs(200), throughSeq: 200, bytes: 4_000, force: false };
    const threaded = await pool.computeVersion(input);
    const here = computeVersion(input);
    if (threaded.outcome !== 'version' || here.outcome !== 'version') throw new Error('expected versions');
    expect(Buffer.from(threaded.encoded.data).equals(Buffer.from(here.encoded.data))).toBe(true);
    expect(Buffer.from(threaded.encoded.state).equals(Buffer.from(here.encoded.state))).toBe(true);
  });

  it('refolds a version on another thread, the same as in this one: the neighbours’ change, rebuilding the newer state', async () => {
    pool = new HistoryPool(() => undefined, COMPILED_WORKER);
    const updates = paragraphs(60);
    const input = { previousChain: [updates.slice(0, 20)].map(merge), nextChain: [merge(updates)], chainBytes: 100 };
    const threaded = await pool.refoldVersion(input);
    expect(threaded).toEqual(refoldVersion(input));
    expect(threaded.keyframe).toBe(false);
    const rebuilt = rebuildVersion([...input.previousChain, threaded.data]);
    expect(rebuilt.getText('t').toString()).toBe(rebuildVersion(input.nextChain).getText('t').toString());
  });

  it('runs in the calling thread when there is no compiled worker', async () => {
    pool = new HistoryPool(() => undefined, path.join(__dirname, 'no-such-worker.js'));
    expect(pool.threaded).toBe(false);
    expect(await pool.runnerThreadId()).toBe(threadId);
    expect((await pool.computeVersion({ updates: paragraphs(3), throughSeq: 3, bytes: 60, force: false })).outcome).toBe('version');
  });

  it('rejects the task and tells the listener when the worker cannot load, and the process goes on', async () => {
    const broken = path.join(tmpdir(), `quire-broken-worker-${process.pid}.js`);
    writeFileSync(broken, "throw new Error('the worker cannot load');\n");
    const errors: unknown[] = [];
    pool = new HistoryPool((error) => errors.push(error), broken);
    await expect(pool.computeVersion({ updates: [], throughSeq: 0, bytes: 0, force: true })).rejects.toThrow('the worker cannot load');
    expect(errors).toHaveLength(1);
  });
});
