import { PROSEMIRROR_FRAGMENT } from '@quire/constants';
import { SqliteStorage } from '@quire/storage';
import pino from 'pino';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { SEARCH_INDEX_VERSION, SEARCH_INDEX_VERSION_SETTING, SearchIndexer } from './search-indexer';

/** An update that appends a paragraph holding `text`. */
function paragraph(doc: Y.Doc, text: string): Uint8Array {
  const before = Y.encodeStateVector(doc);
  const element = new Y.XmlElement('paragraph');
  element.insert(0, [new Y.XmlText(text)]);
  doc.getXmlFragment(PROSEMIRROR_FRAGMENT).push([element]);
  return Y.encodeStateAsUpdate(doc, before);
}

describe('SearchIndexer', () => {
  let storage: SqliteStorage;
  let indexer: SearchIndexer;
  const found = async (query: string) => (await storage.search.search(query, { userId: 'user-ada', limit: 10, offset: 0 })).map((hit) => hit.document.id);

  beforeEach(async () => {
    storage = new SqliteStorage({ path: ':memory:' });
    await storage.open();
    await storage.directory.createUser({ id: 'user-ada', email: 'ada@example.com', name: 'Ada', passwordHash: 'x', isAdmin: false });
    indexer = new SearchIndexer({ index: storage.search, directory: storage.directory, log: storage.log, logger: pino({ level: 'silent' }), delayMs: 20, maxDelayMs: 60 });
  });

  afterEach(async () => {
    await indexer.stop();
    await storage.close();
  });

  it('indexes a changed document from its stored content once changes go quiet, and again after the next change', async () => {
    await indexer.start();
    await storage.directory.createOwnedDocument('doc', 'user-ada', 'Plans');
    const doc = new Y.Doc();
    await storage.log.append('doc', [paragraph(doc, 'tomatoes by the wall')]);
    indexer.changed('doc');
    expect(await found('tomatoes')).toEqual([]);
    await new Promise((resolve) => setTimeout(resolve, 100));
    await indexer.flush();
    expect(await found('tomatoes')).toEqual(['doc']);

    await storage.log.append('doc', [paragraph(doc, 'and a shed')]);
    indexer.changed('doc');
    await indexer.flush();
    expect(await found('shed tomatoes')).toEqual(['doc']);
  });

  it('indexes at the latest after maxDelayMs while changes keep coming', async () => {
    await indexer.start();
    await storage.directory.createOwnedDocument('busy', 'user-ada');
    const doc = new Y.Doc();
    const started = Date.now();
    let seen = 0;
    while (Date.now() - started < 400 && seen === 0) {
      await storage.log.append('busy', [paragraph(doc, 'keystroke')]);
      indexer.changed('busy');
      await new Promise((resolve) => setTimeout(resolve, 10));
      seen = (await found('keystroke')).length;
    }
    expect(seen).toBe(1);
    expect(Date.now() - started).toBeLessThan(300);
  });

  it('on start, clears an index of another version and catches up with every stale document', async () => {
    await storage.directory.createOwnedDocument('a', 'user-ada', 'Alpha');
    await storage.directory.createOwnedDocument('b', 'user-ada', 'Beta');
    await storage.log.append('b', [paragraph(new Y.Doc(), 'written before the index')]);
    await storage.search.write({ documentId: 'a', title: 'Stale words', text: 'obsolete', sourceUpdatedAt: new Date() });
    await storage.directory.setSettingIfAbsent(SEARCH_INDEX_VERSION_SETTING, 'an older one');

    await indexer.start();
    await indexer.flush();
    expect(await storage.directory.getSetting(SEARCH_INDEX_VERSION_SETTING)).toBe(SEARCH_INDEX_VERSION);
    expect(await found('obsolete')).toEqual([]);
    expect(await found('alpha')).toEqual(['a']);
    expect(await found('before index')).toEqual(['b']);
    expect(await storage.search.listStale(10)).toEqual([]);
  });
});
