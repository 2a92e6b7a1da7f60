import type Database from 'better-sqlite3';
import { VERSION_COLUMNS, type VersionAuthorRow, type VersionHeadRow, type VersionRow } from '../version-rows';

type Statement<Params extends unknown[] | object, Result = unknown> = Database.Statement<Params, Result>;

/** What `insert` takes. */
export interface VersionParams {
  id: string;
  documentId: string;
  number: number;
  kind: string;
  name: string | null;
  createdAt: number;
  createdBy: string | null;
  throughSeq: number;
  keyframe: number;
  byteLength: number;
  chainBytes: number;
  data: Uint8Array;
  state: Uint8Array;
  restoredFrom: string | null;
}

/** Every statement of the version history, prepared once per connection. */
export interface VersionStatements {
  readonly head: Statement<[documentId: string], VersionHeadRow>;
  readonly list: Statement<[documentId: string], VersionRow>;
  readonly listAuthors: Statement<[documentId: string], VersionAuthorRow>;
  readonly get: Statement<[documentId: string, versionId: string], VersionRow>;
  readonly getAuthors: Statement<[versionId: string], VersionAuthorRow>;
  readonly rename: Statement<[name: string, documentId: string, versionId: string]>;
  /** Plucked: the data of the version's keyframe, then of every version after it through this one. */
  readonly chain: Statement<{ documentId: string; number: number }, Buffer>;
  readonly clients: Statement<[documentId: string], { client_id: number; user_id: string }>;
  /** The newest version alone keeps its head state: what the next version is computed from. */
  readonly clearHeadState: Statement<[documentId: string]>;
  readonly insert: Statement<VersionParams>;
  readonly insertAuthor: Statement<[versionId: string, userId: string]>;
  /** Plucked: the users who appended after one seq (the previous version's) up to another, in rows or folded ones. */
  readonly editorsThrough: Statement<{ documentId: string; after: number; throughSeq: number }, string>;
  /** Forgets folded authors a version accounts for entirely; {@link laterEdits} keeps the rest for the next one. */
  readonly forgetEdits: Statement<{ documentId: string; throughSeq: number }>;
  readonly laterEdits: Statement<{ documentId: string; throughSeq: number }>;
}

/** Prepares the version history's statements; they stay valid until the connection closes. */
export function prepareVersionStatements(db: Database.Database): VersionStatements {
  const authorsOf = `SELECT a.version_id, a.user_id, u.name FROM document_version_authors a
     JOIN document_versions v ON v.id = a.version_id LEFT JOIN users u ON u.id = a.user_id`;
  return {
    head: db.prepare<[documentId: string], VersionHeadRow>(
      `SELECT id, number, created_at, through_seq, chain_bytes, head_state FROM document_versions
       WHERE document_id = ? ORDER BY number DESC LIMIT 1`,
    ),
    list: db.prepare<[documentId: string], VersionRow>(
      `SELECT ${VERSION_COLUMNS} FROM document_versions v WHERE v.document_id = ? ORDER BY v.number DESC`,
    ),
    listAuthors: db.prepare<[documentId: string], VersionAuthorRow>(`${authorsOf} WHERE v.document_id = ?`),
    get: db.prepare<[documentId: string, versionId: string], VersionRow>(
      `SELECT ${VERSION_COLUMNS} FROM document_versions v WHERE v.document_id = ? AND v.id = ?`,
    ),
    getAuthors: db.prepare<[versionId: string], VersionAuthorRow>(`${authorsOf} WHERE a.version_id = ?`),
    rename: db.prepare<[name: string, documentId: string, versionId: string]>(
      `UPDATE document_versions SET name = ?, kind = CASE kind WHEN 'auto' THEN 'named' ELSE kind END
       WHERE document_id = ? AND id = ?`,
    ),
    chain: db
      .prepare<{ documentId: string; number: number }, Buffer>(
        `SELECT data FROM document_versions
         WHERE document_id = @documentId AND number <= @number AND number >= (
           SELECT max(number) FROM document_versions WHERE document_id = @documentId AND number <= @number AND keyframe = 1
         ) ORDER BY number`,
      )
      .pluck(),
    clients: db.prepare<[documentId: string], { client_id: number; user_id: string }>(
      'SELECT client_id, user_id FROM document_clients WHERE document_id = ? ORDER BY client_id, user_id',
    ),
    clearHeadState: db.prepare<[documentId: string]>(
      'UPDATE document_versions SET head_state = NULL WHERE document_id = ? AND head_state IS NOT NULL',
    ),
    insert: db.prepare<VersionParams>(
      `INSERT INTO document_versions
         (id, document_id, number, kind, name, created_at, created_by, through_seq, keyframe, byte_length, chain_bytes, data, head_state, restored_from)
       VALUES (@id, @documentId, @number, @kind, @name, @createdAt, @createdBy, @throughSeq, @keyframe, @byteLength, @chainBytes, @data, @state, @restoredFrom)`,
    ),
    insertAuthor: db.prepare<[versionId: string, userId: string]>(
      'INSERT OR IGNORE INTO document_version_authors (version_id, user_id) VALUES (?, ?)',
    ),
    editorsThrough: db
      .prepare<{ documentId: string; after: number; throughSeq: number }, string>(
        `SELECT user_id FROM document_edit_authors WHERE document_id = @documentId AND first_seq <= @throughSeq
         UNION
         SELECT author FROM document_updates
         WHERE document_id = @documentId AND seq > @after AND seq <= @throughSeq AND author IS NOT NULL`,
      )
      .pluck(),
    forgetEdits: db.prepare<{ documentId: string; throughSeq: number }>(
      'DELETE FROM document_edit_authors WHERE document_id = @documentId AND last_seq <= @throughSeq',
    ),
    // Their updates after the seq are somewhere in (throughSeq, last_seq]: the next version,
    // which covers at least last_seq, counts them.
    laterEdits: db.prepare<{ documentId: string; throughSeq: number }>(
      `UPDATE document_edit_authors SET first_seq = @throughSeq + 1
       WHERE document_id = @documentId AND first_seq <= @throughSeq`,
    ),
  };
}
