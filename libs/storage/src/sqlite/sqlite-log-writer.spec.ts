import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CommitTiming } from '../commit-timing';
import { compiledLogWriter } from '../testing/compiled-log-writer';
import { useScratchDatabase } from '../testing/scratch-database';
import { createOwnedDocuments } from '../testing/test-documents';

/** A writer thread that opens, then dies on its first request (as one that runs out of memory would). */
const DYING_WRITER = `
const { workerData } = require('node:worker_threads');
const { port, answered } = workerData;
port.postMessage({ request: 0 });
Atomics.add(answered, 0, 1);
Atomics.notify(answered, 0);
port.on('message', () => process.exit(7));
`;

describe('SqliteStorage log writer', () => {
  const scratch = useScratchDatabase('sqlite-writer');

  it.each([
    ['on the writer thread', { logWriterFile: compiledLogWriter() }],
    ['on the calling thread', { logWriter: 'inline' as const }],
  ])('tells onCommit of each commit %s: the appends it held, its latency and the time the event loop was blocked', async (_, writer) => {
    const commits: CommitTiming[] = [];
    const storage = await scratch.openStorage({ ...writer, onCommit: (timing) => commits.push(timing) });
    await createOwnedDocuments(storage.directory, 'a', 'b', 'c');

    await Promise.all(['a', 'b', 'c'].map((id) => storage.log.append(id, [Uint8Array.of(1)])));
    await storage.log.append('a', [Uint8Array.of(2)]);

    expect(commits.map(({ appends, ok }) => ({ appends, ok }))).toEqual([
      { appends: 3, ok: true },
      { appends: 1, ok: true },
    ]);
    for (const { latencySeconds, blockedSeconds } of commits) {
      expect(latencySeconds).toBeGreaterThan(0);
      expect(blockedSeconds).toBeGreaterThan(0);
      expect(blockedSeconds).toBeLessThanOrEqual(latencySeconds);
    }
  });

  it('keeps the event loop free while a commit waits on the writer thread, and resolves the append only once it committed', async () => {
    const storage = await scratch.openStorage({ logWriterFile: compiledLogWriter() });
    await createOwnedDocuments(storage.directory, 'doc');
    // Another connection holds the write lock: the writer's commit waits for it (busy_timeout).
    const other = scratch.inspect();
    other.exec('BEGIN IMMEDIATE');
    let stored = false;
    const appended = storage.log.append('doc', [Uint8Array.of(1)]).then((result) => {
      stored = true;
      return result;
    });

    // Timers still run meanwhile: the event loop is not the one waiting.
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(stored).toBe(false);
    other.exec('COMMIT');
    const { lastSeq } = await appended;
    expect((await storage.log.load('doc')).lastSeq).toBe(lastSeq);
  });

  it('commits compactions on the writer thread after the appends made before them', async () => {
    const storage = await scratch.openStorage({ logWriterFile: compiledLogWriter() });
    await createOwnedDocuments(storage.directory, 'doc');
    const first = storage.log.append('doc', [Uint8Array.of(1)]);
    const second = storage.log.append('doc', [Uint8Array.of(2)]);
    const { lastSeq } = await second;
    await first;

    const compacted = storage.log.compact('doc', Uint8Array.of(1, 2), lastSeq);
    const later = storage.log.append('doc', [Uint8Array.of(3)]);
    await compacted;
    await later;
    expect((await storage.log.load('doc')).updates).toEqual([Uint8Array.of(1, 2), Uint8Array.of(3)]);
  });

  it('rejects the pending append and every later one with a clear error when the writer thread dies, and still reads', async () => {
    const file = join(scratch.directory, 'dying-writer.js');
    writeFileSync(file, DYING_WRITER);
    const storage = await scratch.openStorage({ logWriterFile: file });
    await createOwnedDocuments(storage.directory, 'doc');

    await expect(storage.log.append('doc', [Uint8Array.of(1)])).rejects.toThrow('The SQLite writer thread exited (code 7)');
    await expect(storage.log.append('doc', [Uint8Array.of(2)])).rejects.toThrow('The SQLite writer thread exited');
    await expect(storage.log.compact('doc', Uint8Array.of(1), 1)).rejects.toThrow('The SQLite writer thread exited');
    expect(await storage.log.load('doc')).toEqual({ updates: [], lastSeq: 0, byteLength: 0 });
    expect(await storage.directory.getDocument('doc')).toMatchObject({ id: 'doc' });
  });

  it('refuses to open when the writer thread cannot start, and leaves nothing open', async () => {
    const file = join(scratch.directory, 'broken-writer.js');
    writeFileSync(file, "throw new Error('the writer cannot load');\n");

    await expect(scratch.openStorage({ logWriterFile: file })).rejects.toThrow('the writer cannot load');
    // The file is still a database another storage opens and writes.
    const storage = await scratch.openStorage({ logWriter: 'inline' });
    await createOwnedDocuments(storage.directory, 'doc');
    expect(await storage.log.append('doc', [Uint8Array.of(1)])).toMatchObject({ lastSeq: expect.any(Number) });
  });
});
