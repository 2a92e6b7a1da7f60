import type Database from 'better-sqlite3';
import { documentAccess, readableBy } from '../access-sql';
import { timeOf } from '../directory-checks';
import { toMemberDocument, type MemberDocumentRow } from '../directory-rows';
import type { SearchEntry, SearchHit, SearchIndex, SearchOptions } from '../search-index';
import { indexableText, parseSearchQuery, splitHighlights, toFts5Query } from '../search-query';
import { checkCount } from '../security-events';

/** `PRAGMA synchronous`'s number for NORMAL (FULL is 2, EXTRA 3). */
const SYNCHRONOUS_NORMAL = 1;

type SearchRow = MemberDocumentRow & { marked: string; rank: number; in_title: number };

interface SearchParams {
  query: string;
  titleQuery: string;
  userId: string;
  limit: number;
  offset: number;
  /** Each filter is null when not asked for. */
  ownerId: string | null;
  sharedOnly: number;
  changedSince: number | null;
}

/** The search index's statements and its one transaction, prepared once per connection. */
export interface SearchConnection {
  readonly write: (entry: { documentId: string; title: string; body: string; sourceUpdatedAt: number }) => boolean;
  readonly listStale: Database.Statement<[limit: number], string>;
  readonly clear: () => void;
  readonly search: Database.Statement<SearchParams, SearchRow>;
}

export function prepareSearchConnection(db: Database.Database): SearchConnection {
  const documentExists = db.prepare<[id: string], number>('SELECT 1 FROM documents WHERE id = ?').pluck();
  const entryId = db.prepare<[id: string], number>('SELECT id FROM search_documents WHERE document_id = ?').pluck();
  const insertEntry = db
    .prepare<[id: string, title: string, at: number], number>(
      'INSERT INTO search_documents (document_id, title, source_updated_at) VALUES (?, ?, ?) RETURNING id',
    )
    .pluck();
  const updateEntry = db.prepare<[title: string, at: number, id: number]>(
    'UPDATE search_documents SET title = ?, source_updated_at = ? WHERE id = ?',
  );
  const deleteText = db.prepare<[id: number]>('DELETE FROM search_text WHERE rowid = ?');
  const insertText = db.prepare<[id: number, title: string, body: string]>(
    'INSERT INTO search_text (rowid, title, body) VALUES (?, ?, ?)',
  );
  const write = db.transaction((entry: { documentId: string; title: string; body: string; sourceUpdatedAt: number }) => {
    // A trashed document is indexed too: restoring it must not wait for the indexer.
    if (!documentExists.get(entry.documentId)) return false;
    let id = entryId.get(entry.documentId);
    if (id === undefined) {
      id = insertEntry.get(entry.documentId, entry.title, entry.sourceUpdatedAt) as number;
    } else {
      updateEntry.run(entry.title, entry.sourceUpdatedAt, id);
      deleteText.run(id);
    }
    insertText.run(id, entry.title, entry.body);
    return true;
  });
  const clearEntries = db.prepare('DELETE FROM search_documents');
  const clearText = db.prepare('DELETE FROM search_text');
  const clear = db.transaction(() => {
    clearEntries.run();
    clearText.run();
  });
  // The index is derived from stored content and rebuilt from it (listStale), so its writes need
  // not wait for fsync: at synchronous=FULL each one did, on the event loop (most of what indexing
  // cost in the multi-document fan-out's profile). NORMAL for these commits only: in WAL mode the
  // database stays consistent, a power loss may take the last entries back, and they are then
  // stale and written again; the next FULL commit syncs the WAL with them anyway.
  // Read once: the connection's level is set when it opens and only changed here, and reading it
  // on each write was a tenth of the write's time.
  const level = db.pragma('synchronous', { simple: true }) as number;
  const writeUnsynced = (entry: { documentId: string; title: string; body: string; sourceUpdatedAt: number }) => {
    if (level <= SYNCHRONOUS_NORMAL) return write.immediate(entry);
    db.pragma(`synchronous = ${SYNCHRONOUS_NORMAL}`);
    try {
      return write.immediate(entry);
    } finally {
      db.pragma(`synchronous = ${level}`);
    }
  };
  return {
    write: writeUnsynced,
    listStale: db
      .prepare<[limit: number], string>(
        `SELECT d.id FROM documents d LEFT JOIN search_documents s ON s.document_id = d.id
         WHERE d.deleted_at IS NULL AND (s.id IS NULL OR s.source_updated_at < d.updated_at OR s.title <> d.title)
         ORDER BY d.updated_at DESC, d.id LIMIT ?`,
      )
      .pluck(),
    clear: clear.immediate,
    // Permissions are part of the query: only documents the user may read now, not trashed.
    // bm25 is lower for better matches; a title counts ten times the text. The title query is
    // the same query restricted to the title column, evaluated once. Built for a person with
    // thousands of documents (libs/storage README, "Search"): the matches are ranked and checked
    // for access (`readableBy`) first; the role, the owner and the snippet (which reads and
    // tokenizes a document's text) are made for the page alone.
    search: db.prepare<SearchParams, SearchRow>(
      `WITH page AS MATERIALIZED (
         SELECT hits.rowid AS entry, d.id, d.title, d.created_at, d.updated_at, hits.rank, hits.in_title
         FROM (
           SELECT rowid, bm25(search_text, 10.0, 1.0) AS rank,
             rowid IN (SELECT rowid FROM search_text WHERE search_text MATCH @titleQuery) AS in_title
           FROM search_text WHERE search_text MATCH @query
         ) hits
         JOIN search_documents s ON s.id = hits.rowid
         JOIN documents d ON d.id = s.document_id AND d.deleted_at IS NULL
         WHERE ${readableBy('', '@userId', 'd')}
           AND (@ownerId IS NULL OR EXISTS (SELECT 1 FROM document_members o WHERE o.document_id = d.id AND o.role = 'owner' AND o.user_id = @ownerId))
           AND (@sharedOnly = 0 OR NOT EXISTS (SELECT 1 FROM document_members o WHERE o.document_id = d.id AND o.role = 'owner' AND o.user_id = @userId))
           AND (@changedSince IS NULL OR d.updated_at >= @changedSince)
         ORDER BY hits.in_title DESC, hits.rank, d.updated_at DESC, d.id
         LIMIT @limit OFFSET @offset
       )
       SELECT p.id, p.title, p.created_at, p.updated_at, (SELECT role FROM ${documentAccess('', '@userId', 'p.id')}) AS role, o.user_id AS owner_id, u.name AS owner_name,
         -- char(2) and char(3) are HIGHLIGHT_START and HIGHLIGHT_END: indexed text never holds them.
         snippet(search_text, 1, char(2), char(3), '…', 24) AS marked, p.rank, p.in_title
       FROM page p
       JOIN search_text ON search_text.rowid = p.entry AND search_text MATCH @query
       LEFT JOIN document_members o ON o.document_id = p.id AND o.role = 'owner'
       LEFT JOIN users u ON u.id = o.user_id
       ORDER BY p.in_title DESC, p.rank, p.updated_at DESC, p.id`,
    ),
  };
}

/** The {@link SearchIndex} of a {@link SqliteStorage}: FTS5, on its connection. */
export class SqliteSearchIndex implements SearchIndex {
  constructor(private readonly connection: () => SearchConnection) {}

  async write(entry: SearchEntry): Promise<boolean> {
    const connection = this.connection();
    return connection.write({
      documentId: entry.documentId,
      title: indexableText(entry.title),
      body: indexableText(entry.text),
      sourceUpdatedAt: timeOf(entry.sourceUpdatedAt, 'sourceUpdatedAt'),
    });
  }

  async listStale(limit: number): Promise<string[]> {
    return this.connection().listStale.all(checkCount(limit, 'The limit'));
  }

  async clear(): Promise<void> {
    this.connection().clear();
  }

  async search(query: string, options: SearchOptions): Promise<SearchHit[]> {
    const connection = this.connection();
    const fts = toFts5Query(parseSearchQuery(indexableText(query)));
    if (fts === undefined) return [];
    const rows = connection.search.all({
      query: fts,
      titleQuery: `title : (${fts})`,
      userId: options.userId,
      limit: checkCount(options.limit, 'The limit'),
      offset: checkCount(options.offset, 'The offset'),
      ownerId: options.ownerId ?? null,
      sharedOnly: options.sharedOnly ? 1 : 0,
      changedSince: options.changedSince === undefined ? null : timeOf(options.changedSince, 'changedSince'),
    });
    return rows.map((row) => ({
      document: toMemberDocument(row),
      ...splitHighlights(row.marked ?? ''),
      score: -row.rank,
      inTitle: row.in_title === 1,
    }));
  }
}
