import { escapeIdentifier } from 'pg';
import { VERSION_COLUMNS } from '../version-rows';

/** Every statement of the version history, with the tables qualified by the storage's schema. */
export interface VersionStatements {
  /** `$1` document id. */
  readonly documentExists: string;
  readonly head: string;
  readonly list: string;
  readonly listAuthors: string;
  /** `$1` document id, `$2` version id. */
  readonly get: string;
  /** `$1` version id. */
  readonly getAuthors: string;
  /** `$1` name, `$2` document id, `$3` version id. */
  readonly rename: string;
  /** `$1` document id, `$2` number: the data of the version's keyframe, then of every version after it through it. */
  readonly chain: string;
  /** `$1` document id. */
  readonly clients: string;
  /** `$1` document id: the newest version alone keeps its head state. */
  readonly clearHeadState: string;
  /** `$1` … `$12`: id, document id, number, kind, name, created by, through seq, keyframe, byte length, chain bytes, data, state. */
  readonly insert: string;
  /**
   * `$1` version id, `$2` document id, `$3` through seq, `$4` the previous version's: its authors are
   * those whose rows lie between the two, still in the log or folded by a compaction.
   */
  readonly insertEditors: string;
  /** `$1` version id, `$2` authors (text[]). */
  readonly insertAuthors: string;
  /** `$1` document id, `$2` through seq: folded authors the version accounts for, and those with later edits. */
  readonly forgetEdits: string;
  readonly laterEdits: string;
  /** `$1` document id: every version, oldest first, locked for a fold. */
  readonly foldRows: string;
  /** `$1` the folded version's id, `$2` its successor's: the successor gains its authors. */
  readonly moveAuthors: string;
  /** `$1` version id. */
  readonly deleteVersion: string;
  /** `$1` id, `$2` data, `$3` keyframe, `$4` byte length. */
  readonly rewrite: string;
  /** `$1` version ids (text[]), `$2` their chain bytes (bigint[]). */
  readonly setChainBytes: string;
}

/** The version history's statements for the tables in `schema` (any name: it is quoted). */
export function versionStatementsFor(schema: string): VersionStatements {
  const quoted = escapeIdentifier(schema);
  const versions = `${quoted}.document_versions`;
  const authors = `${quoted}.document_version_authors`;
  const edits = `${quoted}.document_edit_authors`;
  const authorsOf = `SELECT a.version_id, a.user_id, u.name FROM ${authors} a
    JOIN ${versions} v ON v.id = a.version_id LEFT JOIN ${quoted}.users u ON u.id = a.user_id`;
  return {
    documentExists: `SELECT 1 FROM ${quoted}.documents WHERE id = $1`,
    head: `SELECT id, number, created_at, through_seq::text AS through_seq, chain_bytes::text AS chain_bytes, head_state
      FROM ${versions} WHERE document_id = $1 ORDER BY number DESC LIMIT 1`,
    list: `SELECT ${VERSION_COLUMNS} FROM ${versions} v WHERE v.document_id = $1 ORDER BY v.number DESC`,
    listAuthors: `${authorsOf} WHERE v.document_id = $1`,
    get: `SELECT ${VERSION_COLUMNS} FROM ${versions} v WHERE v.document_id = $1 AND v.id = $2`,
    getAuthors: `${authorsOf} WHERE a.version_id = $1`,
    rename: `UPDATE ${versions} SET name = $1, kind = CASE kind WHEN 'auto' THEN 'named' ELSE kind END
      WHERE document_id = $2 AND id = $3`,
    chain: `SELECT data FROM ${versions}
      WHERE document_id = $1 AND number <= $2 AND number >= (
        SELECT max(number) FROM ${versions} WHERE document_id = $1 AND number <= $2 AND keyframe
      ) ORDER BY number`,
    // Not `client_id::text AS client_id`: ORDER BY would then sort by that text.
    clients: `SELECT client_id::text AS client_text, user_id FROM ${quoted}.document_clients
      WHERE document_id = $1 ORDER BY client_id, user_id`,
    clearHeadState: `UPDATE ${versions} SET head_state = NULL WHERE document_id = $1 AND head_state IS NOT NULL`,
    insert: `INSERT INTO ${versions}
        (id, document_id, number, kind, name, created_at, created_by, through_seq, keyframe, byte_length, chain_bytes, data, head_state, restored_from)
      VALUES ($1, $2, $3, $4, $5, now(), $6, $7, $8, $9, $10, $11, $12, $13)`,
    insertEditors: `INSERT INTO ${authors} (version_id, user_id)
      SELECT $1::text, user_id FROM ${edits} WHERE document_id = $2 AND first_seq <= $3
      UNION
      SELECT $1::text, author FROM ${quoted}.document_updates
      WHERE document_id = $2 AND seq > $4 AND seq <= $3 AND author IS NOT NULL`,
    insertAuthors: `INSERT INTO ${authors} (version_id, user_id) SELECT DISTINCT $1, unnest($2::text[])`,
    forgetEdits: `DELETE FROM ${edits} WHERE document_id = $1 AND last_seq <= $2`,
    // Their updates after the seq are somewhere in (throughSeq, last_seq]: the next version,
    // which covers at least last_seq, counts them.
    laterEdits: `UPDATE ${edits} SET first_seq = $2 + 1 WHERE document_id = $1 AND first_seq <= $2`,
    foldRows: `SELECT id, number, kind, keyframe, byte_length FROM ${versions} WHERE document_id = $1 ORDER BY number FOR UPDATE`,
    moveAuthors: `INSERT INTO ${authors} (version_id, user_id) SELECT $2::text, user_id FROM ${authors} WHERE version_id = $1
      ON CONFLICT DO NOTHING`,
    deleteVersion: `DELETE FROM ${versions} WHERE id = $1`,
    rewrite: `UPDATE ${versions} SET data = $2, keyframe = $3, byte_length = $4 WHERE id = $1`,
    setChainBytes: `UPDATE ${versions} v SET chain_bytes = c.bytes
      FROM unnest($1::text[], $2::bigint[]) AS c(id, bytes) WHERE v.id = c.id`,
  };
}
