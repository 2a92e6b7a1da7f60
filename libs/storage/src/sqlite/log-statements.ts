import type Database from 'better-sqlite3';

/** A `document_updates` row as `load` selects it. */
export interface UpdateRow {
  seq: number;
  data: Buffer;
}

type Statement<Params extends unknown[] | object, Result = unknown> = Database.Statement<Params, Result>;

/** Every statement the update log runs, prepared once per connection. */
export interface LogStatements {
  readonly touchDocument: Statement<{ id: string; title: string | null; now: number }>;
  /** Plucked: 1 when the document exists. */
  readonly documentExists: Statement<[id: string], number>;
  readonly insertUpdate: Statement<[id: string, data: Uint8Array, author: string | null]>;
  readonly insertSnapshot: Statement<[seq: number, id: string, data: Uint8Array]>;
  readonly loadUpdates: Statement<[id: string], UpdateRow>;
  /** Plucked: the value itself, `null` when the document has no rows. */
  readonly lastSeq: Statement<[id: string], number | null>;
  readonly lastSeqThrough: Statement<[id: string, throughSeq: number], number | null>;
  readonly deleteThrough: Statement<[id: string, throughSeq: number]>;
  /**
   * Before a compaction folds the rows through a seq away: the authors of those no version holds
   * yet, with the seqs of their first and last (libs/storage README, "Versions").
   */
  readonly foldAuthors: Statement<{ id: string; throughSeq: number }>;
  /** A Yjs client id carried a user's updates. */
  readonly recordClient: Statement<[documentId: string, clientId: number, userId: string]>;
}

/** Prepares the log's statements; they stay valid until the connection closes. */
export function prepareLogStatements(db: Database.Database): LogStatements {
  return {
    // Bumps updated_at (never backwards, should the clock step back) and takes the derived title
    // unless one was set explicitly. Never creates the row: an append to a document that does not
    // exist (deleted meanwhile) changes nothing, and the log refuses it.
    touchDocument: db.prepare<{ id: string; title: string | null; now: number }>(
      `UPDATE documents SET
         updated_at = max(updated_at, @now),
         title = CASE WHEN title_explicit = 0 AND @title IS NOT NULL THEN @title ELSE title END
       WHERE id = @id AND deleted_at IS NULL`,
    ),
    documentExists: db.prepare<[id: string], number>('SELECT 1 FROM documents WHERE id = ?').pluck(),
    insertUpdate: db.prepare<[id: string, data: Uint8Array, author: string | null]>(
      'INSERT INTO document_updates (document_id, data, author) VALUES (?, ?, ?)',
    ),
    insertSnapshot: db.prepare<[seq: number, id: string, data: Uint8Array]>(
      'INSERT INTO document_updates (seq, document_id, data, is_snapshot) VALUES (?, ?, ?, 1)',
    ),
    loadUpdates: db.prepare<[id: string], UpdateRow>(
      'SELECT seq, data FROM document_updates WHERE document_id = ? ORDER BY seq',
    ),
    lastSeq: db
      .prepare<[id: string], number | null>('SELECT max(seq) FROM document_updates WHERE document_id = ?')
      .pluck(),
    lastSeqThrough: db
      .prepare<[id: string, throughSeq: number], number | null>(
        'SELECT max(seq) FROM document_updates WHERE document_id = ? AND seq <= ?',
      )
      .pluck(),
    deleteThrough: db.prepare<[id: string, throughSeq: number]>(
      'DELETE FROM document_updates WHERE document_id = ? AND seq <= ?',
    ),
    foldAuthors: db.prepare<{ id: string; throughSeq: number }>(
      `INSERT INTO document_edit_authors (document_id, user_id, first_seq, last_seq)
       SELECT document_id, author, min(seq), max(seq) FROM document_updates
       WHERE document_id = @id AND seq <= @throughSeq AND author IS NOT NULL
         AND seq > coalesce((SELECT max(through_seq) FROM document_versions WHERE document_id = @id), 0)
       GROUP BY author
       ON CONFLICT (document_id, user_id) DO UPDATE SET
         first_seq = min(first_seq, excluded.first_seq), last_seq = max(last_seq, excluded.last_seq)`,
    ),
    recordClient: db.prepare<[documentId: string, clientId: number, userId: string]>(
      'INSERT OR IGNORE INTO document_clients (document_id, client_id, user_id) VALUES (?, ?, ?)',
    ),
  };
}
