import { MemoryStorage } from '@quire/storage/memory';
import { describe, expect, it } from 'vitest';
import { ObservedUpdateLog } from './observed-update-log';

describe('ObservedUpdateLog', () => {
  it('tells its listeners of an append once it is stored, with each update’s author; a refused append tells nobody', async () => {
    const storage = new MemoryStorage();
    await storage.open();
    await storage.documents.create('doc');
    const log = new ObservedUpdateLog(storage.log);
    const heard: Array<[string, readonly (string | undefined)[]]> = [];
    const storedWhenHeard: number[] = [];
    const stop = log.onAppended((documentId, authors) => {
      heard.push([documentId, authors]);
      // Loaded at once: what the listener reads already holds the append it hears of.
      void storage.log.load(documentId).then((stored) => storedWhenHeard.push(stored.updates.length));
    });
    await log.append('doc', [new Uint8Array([1]), new Uint8Array([2])], { authors: ['ada', undefined] });
    await log.append('doc', [new Uint8Array([3])]);
    await expect(log.append('no-such-document', [new Uint8Array([4])], { authors: ['ada'] })).rejects.toMatchObject({ code: 'no-such-document' });
    stop();
    await log.append('doc', [new Uint8Array([5])], { authors: ['bob'] });
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(heard).toEqual([
      ['doc', ['ada', undefined]],
      ['doc', [undefined]],
    ]);
    expect(storedWhenHeard[0]).toBeGreaterThanOrEqual(2);
    expect(storedWhenHeard[1]).toBeGreaterThanOrEqual(3);
    expect((await log.load('doc')).updates).toHaveLength(4);
    await storage.close();
  });
});
