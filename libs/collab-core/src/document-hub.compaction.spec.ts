import type { UpdateLog } from '@quire/storage';
import { MemoryStorage } from '@quire/storage/memory';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { DocumentHub } from './document-hub';
import { eventually } from './testing/eventually';
import { InstancesFixture } from './testing/instances-fixture';
import { settle, TestClient } from './testing/test-client';

const DOC = 'compacted';

async function storedText(store: UpdateLog): Promise<{ text: string; rows: number }> {
  const stored = await store.load(DOC);
  const doc = new Y.Doc();
  for (const update of stored.updates) Y.applyUpdate(doc, update);
  return { text: doc.getText('text').toString(), rows: stored.updates.length };
}

describe('DocumentHub compaction', () => {
  const cleanups: Array<() => Promise<void> | void> = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });

  async function setup(maxUpdates: number) {
    const storage = new MemoryStorage();
    await storage.open();
    // Appends never create a document: it exists before a client connects, as the API ensures.
    await storage.documents.create(DOC);
    const store = storage.log;
    const hub = new DocumentHub({ store, compaction: { maxUpdates, maxBytes: 1024 * 1024 } });
    const client = new TestClient().connect(hub, DOC);
    cleanups.push(() => storage.close(), () => hub.close(), () => client.destroy());
    await settle();
    return { store, hub, client };
  }

  it('folds the log into a snapshot once it passes the limit, keeping the document intact', async () => {
    const { store, hub, client } = await setup(10);
    const text = client.doc.getText('text');
    for (let i = 0; i < 25; i++) {
      text.insert(text.length, `${i},`);
      await settle();
    }
    await hub.flush();
    const { text: stored, rows } = await storedText(store);
    expect(stored).toBe(text.toString());
    expect(rows).toBeLessThan(25);
    expect(rows).toBeGreaterThanOrEqual(1);
  });

  it('keeps rows appended while a compaction runs, and the reloaded document matches', async () => {
    const { store, hub, client } = await setup(5);
    const text = client.doc.getText('text');
    // Edits in quick succession: later batches commit while a compaction is in flight.
    for (let i = 0; i < 40; i++) text.insert(text.length, 'x');
    for (let i = 0; i < 40; i++) {
      text.insert(0, 'y');
      if (i % 3 === 0) await settle();
    }
    await hub.flush();
    const reloaded = await storedText(store);
    expect(reloaded.text).toBe(text.toString());

    const late = new TestClient().connect(hub, DOC);
    cleanups.push(() => late.destroy());
    await hub.flush();
    await settle();
    expect(late.doc.getText('text').toString()).toBe(text.toString());
  });

  it('waits until the log since the last snapshot is as large as the snapshot, so writes stay under twice the updates', async () => {
    const { store, hub, client } = await setup(5);
    const text = client.doc.getText('text');
    for (let i = 0; i < 6; i++) {
      text.insert(text.length, 'x'.repeat(500));
      await settle();
    }
    await hub.flush();
    const compacted = await storedText(store);
    expect(compacted.rows).toBeLessThan(6);
    // Small edits: past the row limit, but far fewer bytes than the ~3 KB snapshot.
    for (let i = 0; i < 10; i++) {
      text.insert(0, 'y');
      await settle();
    }
    await hub.flush();
    const after = await storedText(store);
    expect(after.rows).toBe(compacted.rows + 10);
    expect(after.text).toBe(text.toString());
  });

  it('never compacts below the limit', async () => {
    const { store, hub, client } = await setup(100);
    const text = client.doc.getText('text');
    for (let i = 0; i < 20; i++) {
      text.insert(0, 'a');
      await settle();
    }
    await hub.flush();
    expect((await storedText(store)).rows).toBe(20);
  });

  it('never deletes a row another instance appended that this one has not received yet', async () => {
    // A and B share one store; B is cut off from the bus, so A never hears of B's edit. A then
    // passes its compaction limit: through its own last seq, which is above B's row.
    const f = await new InstancesFixture().open();
    cleanups.push(() => f.cleanup());
    const instanceA = f.instance('A', { compaction: { maxUpdates: 5, maxBytes: 1024 * 1024 } });
    const instanceB = f.instance('B');
    const a = f.client(instanceA, DOC);
    const b = f.client(instanceB, DOC);
    await settle();
    f.network.interrupt(instanceB.bus);
    b.text.insert(0, 'from B ');
    await instanceB.hub.flush();
    for (let i = 0; i < 8; i++) {
      a.text.insert(a.text.length, `${i}`);
      await settle();
    }
    await instanceA.hub.flush();
    const stored = await f.store.load(DOC);
    expect(stored.updates.length, 'a compaction ran').toBeLessThan(9);
    expect(await f.storedText(DOC)).toContain('from B ');
    // Compacting read B's row and applied it: A's client has it too, before the bus is back.
    await eventually(() => a.text.toString().includes('from B '), 'a receives B’s edit from the compaction’s read');
  });
});
