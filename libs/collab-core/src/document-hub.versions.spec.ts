import { rebuildVersion } from '@quire/history';
import type { VersionHistory, VersionInfo } from '@quire/storage';
import { MemoryStorage } from '@quire/storage/memory';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { DocumentHub } from './document-hub';
import { deferred, eventually, InstancesFixture, settle, TestClient, TEST_DOCUMENT, writerAccess } from './testing';
import { VersionMaker } from './version-maker';

// Long enough that a loaded machine (CI on 2 cores) does not split one burst into two versions.
const IDLE_MS = 400;
const INTERVAL_MS = 2_000;

/** The versions of the test document, oldest first, with the text each holds. */
async function versionsOf(history: VersionHistory): Promise<{ version: VersionInfo; text: string }[]> {
  const versions = (await history.list(TEST_DOCUMENT)).reverse();
  return Promise.all(
    versions.map(async (version) => ({ version, text: rebuildVersion((await history.chain(TEST_DOCUMENT, version.id))!.updates).getText('text').toString() })),
  );
}

describe('DocumentHub automatic versions', () => {
  let storage: MemoryStorage;
  let hub: DocumentHub;
  const clients: TestClient[] = [];

  beforeEach(async () => {
    storage = new MemoryStorage();
    await storage.open();
    await storage.documents.create(TEST_DOCUMENT);
  });

  afterEach(async () => {
    await hub?.close();
    for (const client of clients.splice(0)) client.destroy();
    await storage.close();
  });

  function start(history: VersionHistory = storage.versions, unloadDelayMs = 30_000): DocumentHub {
    const maker = new VersionMaker({ log: storage.log, history });
    hub = new DocumentHub({ store: storage.log, versions: { maker, idleMs: IDLE_MS, intervalMs: INTERVAL_MS }, unloadDelayMs });
    return hub;
  }

  function connect(user: string): TestClient {
    const client = new TestClient().connect(hub, TEST_DOCUMENT, writerAccess(user, user.toUpperCase()));
    clients.push(client);
    return client;
  }

  it('records one version after a burst goes quiet, listing everyone who wrote, holding what was stored', async () => {
    start();
    const [ada, bob] = [connect('ada'), connect('bob')];
    await settle();
    ada.text.insert(0, 'Hello');
    await settle();
    bob.text.insert(5, ' world');
    await eventually(() => ada.text.toString() === 'Hello world', 'the edits reach everyone');

    await new Promise((resolve) => setTimeout(resolve, IDLE_MS * 4));

    const versions = await versionsOf(storage.versions);
    expect(versions.map(({ text }) => text)).toEqual(['Hello world']);
    expect(versions[0].version).toMatchObject({ kind: 'auto', keyframe: true, authors: [{ id: 'ada', name: null }, { id: 'bob', name: null }] });
    // Quiet since: nothing more.
    await new Promise((resolve) => setTimeout(resolve, IDLE_MS * 3));
    expect(await storage.versions.list(TEST_DOCUMENT)).toHaveLength(1);
  });

  it('keeps relaying while a version is being recorded, however long that takes', async () => {
    const held = deferred<void>();
    const slow = Object.assign(Object.create(storage.versions) as VersionHistory, {
      create: async (id: string, version: Parameters<VersionHistory['create']>[1]) => {
        await held.promise;
        return storage.versions.create(id, version);
      },
    });
    start(slow);
    const [ada, bob] = [connect('ada'), connect('bob')];
    await settle();
    ada.text.insert(0, 'first');
    await new Promise((resolve) => setTimeout(resolve, IDLE_MS * 3));
    // The version is stuck in the store; typing goes on and reaches Bob at once.
    for (const word of [' second', ' third']) {
      ada.text.insert(ada.text.length, word);
      await eventually(() => bob.text.toString() === ada.text.toString(), `"${word}" is relayed while the version waits`, 1_000);
    }
    expect(await storage.versions.list(TEST_DOCUMENT)).toEqual([]);
    held.resolve();
    await new Promise((resolve) => setTimeout(resolve, IDLE_MS * 4));
    expect((await versionsOf(storage.versions)).map(({ text }) => text).at(-1)).toBe('first second third');
  });

  it('records what waits when the document unloads, before the idle time, and the hub waits for it when it stops', async () => {
    start(storage.versions, 10);
    const ada = connect('ada');
    await settle();
    ada.text.insert(0, 'left quickly');
    await settle();
    ada.disconnect();
    await hub.close();
    expect((await versionsOf(storage.versions)).map(({ text }) => text)).toEqual(['left quickly']);
  });

  it('records edits stored before a load (a crash came first) once the loaded document is quiet', async () => {
    const writer = new Y.Doc();
    writer.getText('text').insert(0, 'stored, never versioned');
    await storage.log.append(TEST_DOCUMENT, [Y.encodeStateAsUpdate(writer)]);
    start();
    connect('ada');
    await new Promise((resolve) => setTimeout(resolve, IDLE_MS * 4));
    expect((await versionsOf(storage.versions)).map(({ text }) => text)).toEqual(['stored, never versioned']);
  });
});

describe('DocumentHub automatic versions across instances', () => {
  it('records a burst edited on two instances once', async () => {
    const fixture = await new InstancesFixture().open();
    const maker = () => new VersionMaker({ log: fixture.store, history: fixture.versions });
    const a = fixture.instance('a', { versions: { maker: maker(), idleMs: IDLE_MS, intervalMs: INTERVAL_MS } });
    const b = fixture.instance('b', { versions: { maker: maker(), idleMs: IDLE_MS, intervalMs: INTERVAL_MS } });
    const [ada, bob] = [fixture.client(a, TEST_DOCUMENT, writerAccess('ada')), fixture.client(b, TEST_DOCUMENT, writerAccess('bob'))];
    try {
      await settle();
      for (let round = 0; round < 5; round++) {
        ada.text.insert(ada.text.length, `a${round} `);
        bob.text.insert(0, `b${round} `);
        await eventually(() => ada.text.toString() === bob.text.toString(), 'both instances converge');
      }
      await new Promise((resolve) => setTimeout(resolve, IDLE_MS * 5));

      const versions = await versionsOf(fixture.versions);
      expect(versions).toHaveLength(1);
      expect(versions[0].text).toBe(ada.text.toString());
      expect(versions[0].version.authors.map((author) => author.id)).toEqual(['ada', 'bob']);
    } finally {
      await fixture.cleanup();
    }
  });
});
