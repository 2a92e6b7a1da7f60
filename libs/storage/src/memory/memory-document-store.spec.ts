import { describe, expect, it } from 'vitest';
import { describeDocumentStoreContract } from '../testing';
import { MemoryDocumentStore } from './memory-document-store';

describeDocumentStoreContract('MemoryDocumentStore', async () => {
  const store = new MemoryDocumentStore();
  return { store, reopen: async () => store.reopen() };
});

describe('MemoryDocumentStore', () => {
  it('shares nothing between separately constructed stores', async () => {
    const first = new MemoryDocumentStore();
    const second = new MemoryDocumentStore();
    await first.open();
    await second.open();
    await first.createDocument('doc');
    await first.append('doc', [Uint8Array.of(1)]);
    expect((await second.load('doc')).lastSeq).toBe(0);
  });
});
