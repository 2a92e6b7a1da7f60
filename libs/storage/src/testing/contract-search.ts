import { describe, expect, it } from 'vitest';
import type { SearchHit, SearchOptions } from '../search-index';
import type { DirectoryContractContext } from './directory-contract';
import { newUser } from './directory-fixtures';

/** Odd queries: operators of either database, unbalanced quotes, control characters, long runs. */
export const ODD_QUERIES: readonly string[] = [
  '"',
  '""',
  '"""',
  '"unbalanced',
  'unbalanced"',
  '-',
  '--',
  '- -',
  '-"',
  'or',
  'OR OR',
  'or or or',
  'AND',
  'NOT',
  'NEAR',
  'NEAR(a b)',
  'NEAR/2',
  'a NEAR b',
  '*',
  '**',
  'a*',
  '*a',
  '^a',
  ':',
  'title:',
  'title:plans',
  '{title}:plans',
  'body : x',
  '(',
  ')',
  '(a OR b',
  'a) b(',
  '&',
  '|',
  '!',
  '!a & b | c',
  "'",
  "''",
  "a'b",
  '\\',
  '\\"',
  ';',
  "'; DROP TABLE documents; --",
  '%',
  '_',
  '<->',
  'a <-> b',
  'a:*',
  'a:A',
  '\u0000',
  'a\u0000b',
  '\u0002\u0003',
  '\u200b',
  '\ud800',
  '🙂',
  'ünïcödé',
  '日本語',
  '+a -b "c d" or e',
  '-plans',
  '-"plans"',
  'plans -plans',
  ' ',
  '\t\n',
  'a'.repeat(500),
  'x '.repeat(250),
  '"a" '.repeat(120),
];

/** Some random text from characters that mean something to either database's query syntax. */
export function randomQuery(random: () => number, length = 1 + Math.floor(random() * 24)): string {
  const alphabet = ['"', '-', ' ', '*', ':', '(', ')', '^', '&', '|', '!', "'", '\\', 'or', 'OR', 'NEAR', 'AND', 'NOT', 'a', 'plans', 'é', '\u0000', '{', '}', '+', '<', '>', '.'];
  let query = '';
  for (let i = 0; i < length; i += 1) query += alphabet[Math.floor(random() * alphabet.length)];
  return query;
}

/** A deterministic random number generator (mulberry32), so that a failing case can be rerun. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const highlighted = (hit: SearchHit) => hit.highlights.map(([start, end]) => hit.snippet.slice(start, end).toLowerCase());

/** Full-text search (SearchIndex): what it finds, for whom, and that odd queries never fail. */
export function describeSearch({ directory, storage, log }: DirectoryContractContext): void {
  const search = (query: string, userId = 'user-ada', limit = 10, offset = 0) => storage().search.search(query, { userId, limit, offset });
  const ids = async (query: string, userId = 'user-ada') => (await search(query, userId)).map((hit) => hit.document.id);

  async function index(id: string, text: string): Promise<void> {
    const document = await directory().getDocument(id);
    if (!document) throw new Error(`No document ${id}`);
    expect(await storage().search.write({ documentId: id, title: document.title, text, sourceUpdatedAt: document.updatedAt })).toBe(true);
  }

  async function library(): Promise<void> {
    await directory().createUser(newUser('ada'));
    await directory().createUser(newUser('bob'));
    await directory().createOwnedDocument('plans', 'user-ada', 'Garden plans');
    await directory().createOwnedDocument('notes', 'user-ada', 'Meeting notes');
    await directory().createOwnedDocument('recipes', 'user-bob', 'Recipes');
    await index('plans', 'Tomatoes along the south wall.\nA new shed for the tools.');
    await index('notes', 'We talked about the garden and the budget for tomatoes. Nothing else <b>bold</b> & "quoted".');
    await index('recipes', 'Tomato soup with basil. Garden herbs.');
  }

  describe('search', () => {
    it('finds documents by words of their text and title, title matches first, with highlighted plain snippets', async () => {
      await library();
      const hits = await search('garden');
      expect(hits.map((hit) => hit.document.id)).toEqual(['plans', 'notes']);
      expect(hits[0]).toMatchObject({ inTitle: true, document: { id: 'plans', title: 'Garden plans', role: 'owner', owner: { id: 'user-ada', name: 'Ada' } } });
      expect(hits[1].inTitle).toBe(false);
      expect(hits[1].snippet).toContain('<b>bold</b> & "quoted');
      expect(highlighted(hits[1])).toEqual(['garden']);
      expect(hits[1].snippet).not.toContain('\u0002');
      expect(hits[1].snippet).not.toContain('\u0003');
      for (const hit of hits) expect(typeof hit.score).toBe('number');

      expect(await ids('tomatoes')).toEqual(expect.arrayContaining(['plans', 'notes']));
      expect(await ids('TOMATOES shed')).toEqual(['plans']);
      expect(await ids('nothing-like-this')).toEqual([]);
    });

    it('reads web-search syntax: phrases, excluded words, or, and the word being typed as a prefix', async () => {
      await library();
      expect(await ids('"south wall"')).toEqual(['plans']);
      expect(await ids('"wall south"')).toEqual([]);
      expect(await ids('tomatoes -budget')).toEqual(['plans']);
      expect(await ids('tomatoes -"the budget"')).toEqual(['plans']);
      expect((await ids('shed or budget')).sort()).toEqual(['notes', 'plans']);
      expect(await ids('bud')).toEqual(['notes']);
      // Followed by a space, the word is whole: "bud" alone is no word of the text.
      expect(await ids('bud ')).toEqual([]);
      expect(await ids('meeting bud')).toEqual(['notes']);
      expect(await ids('-tomatoes')).toEqual([]);
    });

    it('finds only what the person may read now: members, not the trash, not after removal', async () => {
      await library();
      expect(await ids('tomato', 'user-bob')).toEqual(['recipes']);
      expect(await ids('garden', 'user-bob')).toEqual(['recipes']);
      expect(await ids('garden', 'user-nobody')).toEqual([]);

      await directory().setMember('plans', 'user-bob', 'viewer');
      expect(await ids('shed', 'user-bob')).toEqual(['plans']);
      expect((await search('shed', 'user-bob'))[0].document.role).toBe('viewer');
      await directory().removeMember('plans', 'user-bob');
      expect(await ids('shed', 'user-bob')).toEqual([]);

      await directory().trashDocument('plans', new Date());
      expect(await ids('shed')).toEqual([]);
      await directory().restoreDocument('plans', 'user-ada');
      expect(await ids('shed')).toEqual(['plans']);

      await directory().trashDocument('plans', new Date());
      await directory().deleteDocument('plans');
      expect(await ids('shed')).toEqual([]);
      expect(await storage().search.listStale(10)).not.toContain('plans');
      expect(await storage().search.write({ documentId: 'plans', title: '', text: 'shed', sourceUpdatedAt: new Date() })).toBe(false);
      expect(await ids('shed')).toEqual([]);
    });

    it('finds what a folder above the document shares, with the highest role, until the folder member is removed', async () => {
      await library();
      const folders = storage().folders;
      await folders.createFolder({ id: 'yard', ownerId: 'user-ada', parentId: null, name: 'Yard' });
      await folders.createFolder({ id: 'beds', ownerId: 'user-ada', parentId: 'yard', name: 'Beds' });
      await folders.setDocumentFolder('plans', 'beds');
      expect(await ids('shed', 'user-bob')).toEqual([]);

      await folders.setFolderMember('yard', 'user-bob', 'commenter');
      const [hit] = await search('shed', 'user-bob');
      expect([hit?.document.id, hit?.document.role, hit?.document.owner?.id]).toEqual(['plans', 'commenter', 'user-ada']);
      await directory().setMember('plans', 'user-bob', 'editor');
      expect((await search('shed', 'user-bob'))[0].document.role).toBe('editor');
      await directory().removeMember('plans', 'user-bob');
      expect((await search('shed', 'user-bob'))[0].document.role).toBe('commenter');

      await folders.removeFolderMember('yard', 'user-bob');
      expect(await ids('shed', 'user-bob')).toEqual([]);
      expect(await ids('shed')).toEqual(['plans']);
    });

    it('filters by owner, by "shared with me" (not owned by the searcher) and by the time of the last change', async () => {
      await library();
      await directory().setMember('plans', 'user-bob', 'viewer');
      const filtered = async (query: string, userId: string, filters: Omit<SearchOptions, 'userId' | 'limit' | 'offset'>) =>
        (await storage().search.search(query, { userId, limit: 10, offset: 0, ...filters })).map((hit) => hit.document.id).sort();

      expect(await filtered('garden', 'user-bob', {})).toEqual(['plans', 'recipes']);
      expect(await filtered('garden', 'user-bob', { ownerId: 'user-ada' })).toEqual(['plans']);
      expect(await filtered('garden', 'user-bob', { ownerId: 'user-bob' })).toEqual(['recipes']);
      expect(await filtered('garden', 'user-bob', { ownerId: 'user-nobody' })).toEqual([]);
      expect(await filtered('garden', 'user-bob', { sharedOnly: true })).toEqual(['plans']);
      expect(await filtered('garden', 'user-ada', { sharedOnly: true })).toEqual([]);
      // The owner filter never widens access: bob's document stays out of ada's results.
      expect(await filtered('garden', 'user-ada', { ownerId: 'user-bob' })).toEqual([]);
      expect(await filtered('garden', 'user-bob', { ownerId: 'user-bob', sharedOnly: true })).toEqual([]);

      await new Promise((resolve) => setTimeout(resolve, 5));
      await log().append('notes', [Uint8Array.of(1)]);
      const notes = await directory().getDocument('notes');
      if (!notes) throw new Error('No document notes');
      expect(await filtered('garden', 'user-ada', { changedSince: notes.updatedAt })).toEqual(['notes']);
      expect(await filtered('garden', 'user-ada', { changedSince: new Date(0) })).toEqual(['notes', 'plans']);
      expect(await filtered('garden', 'user-ada', { changedSince: new Date(Date.now() + 60_000) })).toEqual([]);
      expect(await filtered('garden', 'user-ada', { changedSince: notes.updatedAt, ownerId: 'user-ada' })).toEqual(['notes']);
      // Paging applies after the filters.
      expect((await storage().search.search('garden', { userId: 'user-bob', limit: 1, offset: 0, sharedOnly: true }))[0].document.id).toBe('plans');
    });

    it('replaces a document’s entry, and pages through results with limit and offset', async () => {
      await library();
      await index('plans', 'Only roses now.');
      expect(await ids('shed')).toEqual([]);
      expect(await ids('roses')).toEqual(['plans']);

      const all = await search('garden', 'user-ada', 10);
      const first = await search('garden', 'user-ada', 1, 0);
      const second = await search('garden', 'user-ada', 1, 1);
      expect([...first, ...second].map((hit) => hit.document.id)).toEqual(all.map((hit) => hit.document.id));
      expect(await search('garden', 'user-ada', 1, 2)).toEqual([]);
    });

    it('lists stale entries: never indexed, content or title changed since, all after clear; not the trash', async () => {
      await library();
      await directory().createOwnedDocument('fresh', 'user-ada');
      expect(await storage().search.listStale(10)).toEqual(['fresh']);
      await index('fresh', 'Fresh');
      expect(await storage().search.listStale(10)).toEqual([]);

      await new Promise((resolve) => setTimeout(resolve, 5));
      await log().append('plans', [Uint8Array.of(1)]);
      await directory().renameDocument('notes', 'Minutes');
      expect((await storage().search.listStale(10)).sort()).toEqual(['notes', 'plans']);
      await directory().trashDocument('plans', new Date());
      expect(await storage().search.listStale(10)).toEqual(['notes']);

      await storage().search.clear();
      expect(await ids('garden')).toEqual([]);
      expect((await storage().search.listStale(10)).sort()).toEqual(['fresh', 'notes', 'recipes']);
      expect(await storage().search.listStale(1)).toHaveLength(1);
    });

    it('never fails on odd syntax: finds what the words find, or nothing (a fuzz over the query parser)', async () => {
      await library();
      const random = seededRandom(21);
      const queries = [...ODD_QUERIES, ...Array.from({ length: 300 }, () => randomQuery(random))];
      for (const query of queries) {
        const hits = await search(query).catch((error: unknown) => {
          throw new Error(`The query ${JSON.stringify(query)} failed: ${String(error)}`);
        });
        expect(Array.isArray(hits), JSON.stringify(query)).toBe(true);
        for (const hit of hits) expect(['plans', 'notes'], JSON.stringify(query)).toContain(hit.document.id);
      }
      // Operators of the databases are plain words here, found only where they are written.
      expect(await ids('plans NEAR shed')).toEqual([]);
      expect((await ids('garden*')).sort()).toEqual(['notes', 'plans']);
    });
  });
}
