import { describe, expect, it } from 'vitest';
import { describeUpdateLogContract } from '../testing';
import { MemoryStorage } from './memory-storage';

describeUpdateLogContract('MemoryStorage log', async () => {
  const storage = new MemoryStorage();
  return { storage, reopen: async () => storage.reopen() };
});

describe('MemoryStorage', () => {
  it('shares nothing between separately constructed storages', async () => {
    const first = new MemoryStorage();
    const second = new MemoryStorage();
    await first.open();
    await second.open();
    await first.documents.create('doc');
    await first.log.append('doc', [Uint8Array.of(1)]);
    expect((await second.log.load('doc')).lastSeq).toBe(0);
    expect(await second.documents.get('doc')).toBeUndefined();
  });
});
