import { escapeIdentifier, escapeLiteral } from 'pg';

/** A `document_updates` row as `load` selects it; `seq` is a bigint, selected as exact text. */
export interface UpdateRow {
  seq_text: string;
  data: Buffer;
}

/** Every statement the update log runs, with the tables qualified by the storage's schema. */
export interface LogStatements {
  /**
   * `$1` id, `$2` the updates as bytea[], `$3` title or null, `$4` each update's author (text[],
   * nulls allowed), `$5` and `$6` new Yjs client ids and their users (bigint[], text[]); updates the
   * document's row (locking it) and only then draws the seqs and inserts the rows with their
   * authors, and the client ids, in one statement: one round trip. Returns `last_seq`, null when
   * no document has the id (then nothing is written). See below for the order of seqs.
   */
  readonly appendUpdates: string;
  /** `$1` id; locks the document's row, or returns nothing when there is none. */
  readonly lockDocument: string;
  /** `$1` seq, `$2` id, `$3` data. */
  readonly insertSnapshot: string;
  /** `$1` id. */
  readonly loadUpdates: string;
  /** `$1` id; returns `last_seq`, null when the document has no rows. */
  readonly lastSeq: string;
  /** `$1` id, `$2` throughSeq; returns `last_seq` and `newest_covered` (the newest row `<= $2`). */
  readonly logBounds: string;
  /** `$1` id, `$2` throughSeq. */
  readonly deleteThrough: string;
  /**
   * `$1` id, `$2` throughSeq: before a compaction folds those rows away, the authors of those no
   * version holds yet, with the seqs of their first and last (libs/storage README, "Versions").
   */
  readonly foldAuthors: string;
}

/** The update log's statements for the tables in `schema` (any name: it is quoted). */
export function logStatementsFor(schema: string): LogStatements {
  const quoted = escapeIdentifier(schema);
  const documents = `${quoted}.documents`;
  const updates = `${quoted}.document_updates`;
  const editAuthors = `${quoted}.document_edit_authors`;
  const clients = `${quoted}.document_clients`;
  // bigserial's sequence, as a regclass literal for nextval().
  const sequence = escapeLiteral(`${quoted}.document_updates_seq_seq`);
  return {
    // The i-th update gets the i-th smallest of the seqs drawn, whatever order nextval() runs in,
    // so the batch loads in the order it was given.
    // `drawn` reads `touched`, so no seq is drawn before the upsert holds the document's row lock:
    // appends to one document draw their seqs in commit order.
    appendUpdates: `
      WITH touched AS (
        UPDATE ${documents} AS d SET
          updated_at = greatest(d.updated_at, now()),
          title = CASE WHEN NOT d.title_explicit AND $3::text IS NOT NULL THEN $3::text ELSE d.title END
        WHERE d.id = $1 AND d.deleted_at IS NULL
        RETURNING d.id
      ), drawn AS (
        SELECT nextval(${sequence}::regclass) AS seq FROM touched, generate_series(1, cardinality($2::bytea[]))
      ), ranked AS (
        SELECT seq, row_number() OVER (ORDER BY seq) AS n FROM drawn
      ), inserted AS (
        INSERT INTO ${updates} (seq, document_id, data, author)
        SELECT ranked.seq, $1, given.data, authors.author
        FROM unnest($2::bytea[]) WITH ORDINALITY AS given (data, n) JOIN ranked USING (n)
        LEFT JOIN unnest($4::text[]) WITH ORDINALITY AS authors (author, n) USING (n)
        RETURNING seq
      ), clients AS (
        INSERT INTO ${clients} (document_id, client_id, user_id)
        SELECT $1, given.client_id, given.user_id FROM touched, unnest($5::bigint[], $6::text[]) AS given (client_id, user_id)
        ON CONFLICT DO NOTHING
      )
      -- A seq JavaScript cannot represent must fail the statement, so that nothing is written:
      -- the failing cast is PostgreSQL's way to raise an error inside a plain SQL statement.
      SELECT CASE WHEN max(seq) > 9007199254740991
        THEN ('Sequence number ' || max(seq) || ' is beyond Number.MAX_SAFE_INTEGER: the document_updates sequence has run too far')::bigint::text
        ELSE max(seq)::text END AS last_seq
      FROM inserted`,
    lockDocument: `SELECT 1 FROM ${documents} WHERE id = $1 FOR UPDATE`,
    insertSnapshot: `INSERT INTO ${updates} (seq, document_id, data, is_snapshot) VALUES ($1, $2, $3, true)`,
    // Not `seq::text AS seq`: ORDER BY would then sort by that text, putting 100 before 99.
    loadUpdates: `SELECT seq::text AS seq_text, data FROM ${updates} WHERE document_id = $1 ORDER BY seq`,
    lastSeq: `SELECT max(seq)::text AS last_seq FROM ${updates} WHERE document_id = $1`,
    logBounds: `
      SELECT max(seq)::text AS last_seq, (max(seq) FILTER (WHERE seq <= $2::bigint))::text AS newest_covered
      FROM ${updates} WHERE document_id = $1`,
    deleteThrough: `DELETE FROM ${updates} WHERE document_id = $1 AND seq <= $2::bigint`,
    foldAuthors: `
      INSERT INTO ${editAuthors} AS e (document_id, user_id, first_seq, last_seq)
      SELECT document_id, author, min(seq), max(seq) FROM ${updates}
      WHERE document_id = $1 AND seq <= $2::bigint AND author IS NOT NULL
        AND seq > coalesce((SELECT max(through_seq) FROM ${quoted}.document_versions WHERE document_id = $1), 0)
      GROUP BY document_id, author
      ON CONFLICT (document_id, user_id) DO UPDATE SET
        first_seq = least(e.first_seq, excluded.first_seq), last_seq = greatest(e.last_seq, excluded.last_seq)`,
  };
}
