import { escapeIdentifier, type Pool } from 'pg';
import { documentAccess, readableBy } from '../access-sql';
import { dateOf } from '../directory-checks';
import { toMemberDocument, type MemberDocumentRow } from '../directory-rows';
import type { SearchEntry, SearchHit, SearchIndex, SearchOptions } from '../search-index';
import { indexableText, parseSearchQuery, snippetOf } from '../search-query';
import { checkCount } from '../security-events';

type SearchRow = MemberDocumentRow & { body: string; rank: number; in_title: boolean };

function statementsFor(schema: string) {
  const quoted = escapeIdentifier(schema);
  const [documents, members, users, entries] = ['documents', 'document_members', 'users', 'search_documents'].map(
    (table) => `${quoted}.${table}`,
  );
  return {
    /** `$1` id, `$2` title, `$3` body, `$4` source updated at; nothing when the document is gone. */
    write: `
      INSERT INTO ${entries} (document_id, title, body, source_updated_at)
      SELECT $1, $2, $3, $4 WHERE EXISTS (SELECT 1 FROM ${documents} WHERE id = $1)
      ON CONFLICT (document_id) DO UPDATE SET title = excluded.title, body = excluded.body, source_updated_at = excluded.source_updated_at`,
    /** `$1` limit. */
    listStale: `
      SELECT d.id FROM ${documents} d LEFT JOIN ${entries} s ON s.document_id = d.id
      WHERE d.deleted_at IS NULL
        AND (s.document_id IS NULL OR s.source_updated_at < date_trunc('milliseconds', d.updated_at) OR s.title <> d.title)
      ORDER BY d.updated_at DESC, d.id LIMIT $1`,
    clear: `DELETE FROM ${entries}`,
    /**
     * `$1` the query in web-search syntax but its last word, `$2` that word as a prefix (or ''),
     * `$3` user id, `$4` limit, `$5` offset; the filters, null when not asked for: `$6` owner id,
     * `$7` only documents the user does not own (boolean), `$8` changed at or after. Permissions
     * are part of the query: only documents the user may read now, not trashed.
     *
     * Built for a person with thousands of documents (libs/storage README, "Search"): the GIN index
     * finds the matches and only they are ranked and checked for access (`readableBy`); whether the
     * title matches comes from the title's own index, not from parsing each match's title again
     * (14 µs a row); the owner, the role and the text for the snippet are read for the page alone.
     * Ranking uses `query || query`: an OR at the top makes ts_rank weigh how often the words occur
     * (linear in their positions), where an AND makes it weigh their proximity over every pair of
     * positions, 9 times slower for three words of a LaTeX paper (73 against 8 ms over 2,834 matches).
     * The snippet is made in JavaScript (`snippetOf`): ts_headline parsed each result's whole text.
     */
    search: `
      WITH q AS (
        SELECT websearch_to_tsquery('simple', $1) && to_tsquery('simple', $2) AS query
      ), matches AS MATERIALIZED (
        SELECT s.document_id, ts_rank(s.tsv, q.query || q.query) AS rank FROM q JOIN ${entries} s ON s.tsv @@ q.query
      ), titled AS MATERIALIZED (
        SELECT s.document_id FROM q JOIN ${entries} s ON to_tsvector('simple'::regconfig, s.title) @@ q.query
      ), page AS (
        SELECT d.id, d.title, d.created_at, d.updated_at, mt.rank, mt.document_id IN (SELECT document_id FROM titled) AS in_title
        FROM matches mt
        CROSS JOIN LATERAL (
          SELECT d.id, d.title, d.created_at, d.updated_at FROM ${documents} d
          WHERE d.id = mt.document_id AND d.deleted_at IS NULL
            AND ${readableBy(`${quoted}.`, '$3', 'd')}
            AND ($6::text IS NULL OR EXISTS (SELECT 1 FROM ${members} o WHERE o.document_id = d.id AND o.role = 'owner' AND o.user_id = $6::text))
            AND (NOT $7::boolean OR NOT EXISTS (SELECT 1 FROM ${members} o WHERE o.document_id = d.id AND o.role = 'owner' AND o.user_id = $3))
            AND ($8::timestamptz IS NULL OR d.updated_at >= $8::timestamptz)
          -- OFFSET 0 keeps this a lookup by primary key per match: flattened into a join, a
          -- planner without statistics yet (a freshly filled table) compared every match with
          -- every document (3 s for 4,332 matches).
          OFFSET 0
        ) d
        ORDER BY in_title DESC, rank DESC, d.updated_at DESC, d.id
        LIMIT $4 OFFSET $5
      )
      SELECT p.id, p.title, p.created_at, p.updated_at, m.role, o.user_id AS owner_id, o.name AS owner_name, p.rank, p.in_title, s.body
      FROM page p
      JOIN ${entries} s ON s.document_id = p.id
      CROSS JOIN LATERAL ${documentAccess(`${quoted}.`, '$3', 'p.id')} m
      LEFT JOIN LATERAL (
        SELECT o.user_id, u.name FROM ${members} o JOIN ${users} u ON u.id = o.user_id
        WHERE o.document_id = p.id AND o.role = 'owner' OFFSET 0
      ) o ON true
      ORDER BY p.in_title DESC, p.rank DESC, p.updated_at DESC, p.id`,
  };
}

/** The {@link SearchIndex} of a {@link PostgresStorage}: a tsvector per document with a GIN index. */
export class PostgresSearchIndex implements SearchIndex {
  private readonly statements: ReturnType<typeof statementsFor>;

  constructor(
    schema: string,
    private readonly pool: () => Pool,
  ) {
    this.statements = statementsFor(schema);
  }

  async write(entry: SearchEntry): Promise<boolean> {
    const values = [
      entry.documentId,
      indexableText(entry.title),
      indexableText(entry.text),
      dateOf(entry.sourceUpdatedAt, 'sourceUpdatedAt'),
    ];
    const { rowCount } = await this.pool().query(this.statements.write, values);
    return (rowCount ?? 0) > 0;
  }

  async listStale(limit: number): Promise<string[]> {
    const { rows } = await this.pool().query<{ id: string }>(this.statements.listStale, [checkCount(limit, 'The limit')]);
    return rows.map((row) => row.id);
  }

  async clear(): Promise<void> {
    await this.pool().query(this.statements.clear);
  }

  async search(query: string, options: SearchOptions): Promise<SearchHit[]> {
    const pool = this.pool();
    const typed = indexableText(query);
    const parsed = parseSearchQuery(typed);
    // Nothing to look for (only operators, only excluded words): PostgreSQL would match nothing too.
    if (parsed.groups.length === 0) return [];
    // The word being typed also matches as a prefix; it holds only letters and digits, so it is
    // safe in to_tsquery's syntax. The rest goes to websearch_to_tsquery as typed.
    const rest = parsed.prefix === undefined ? typed : typed.slice(0, parsed.prefixStart);
    const prefix = parsed.prefix === undefined ? '' : `${parsed.prefix}:*`;
    const values = [
      rest,
      prefix,
      options.userId,
      checkCount(options.limit, 'The limit'),
      checkCount(options.offset, 'The offset'),
      options.ownerId ?? null,
      options.sharedOnly ?? false,
      options.changedSince === undefined ? null : dateOf(options.changedSince, 'changedSince'),
    ];
    const { rows } = await pool.query<SearchRow>(this.statements.search, values);
    return rows.map((row) => ({
      document: toMemberDocument(row),
      ...snippetOf(row.body, parsed),
      score: Number(row.rank),
      inTitle: row.in_title,
    }));
  }
}
