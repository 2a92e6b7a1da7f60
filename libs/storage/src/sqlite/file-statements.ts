import type Database from 'better-sqlite3';
import type { FileRow } from '../files';

type Statement<Params extends unknown[] | object, Result = unknown> = Database.Statement<Params, Result>;

const FILE = 'id, document_id, uploader_id, name, content_type, bytes, created_at';

/** A new file's columns, `now` in milliseconds. */
export interface FileParams {
  id: string;
  documentId: string;
  uploaderId: string;
  name: string;
  contentType: string;
  bytes: number;
  now: number;
}

/** The statements on uploaded files' records, prepared once per connection. */
export interface FileStatements {
  readonly insert: Statement<FileParams, FileRow>;
  readonly get: Statement<[id: string], FileRow>;
  /** Files whose document is gone, oldest first. */
  readonly listUnreferenced: Statement<[limit: number], FileRow>;
  /** Deletes the row only while nothing refers to it. */
  readonly forgetUnreferenced: Statement<[id: string]>;
}

export function prepareFileStatements(db: Database.Database): FileStatements {
  return {
    insert: db.prepare<FileParams, FileRow>(
      `INSERT INTO files (id, document_id, uploader_id, name, content_type, bytes, created_at)
       VALUES (@id, @documentId, @uploaderId, @name, @contentType, @bytes, @now) RETURNING ${FILE}`,
    ),
    get: db.prepare<[id: string], FileRow>(`SELECT ${FILE} FROM files WHERE id = ?`),
    listUnreferenced: db.prepare<[limit: number], FileRow>(
      `SELECT ${FILE} FROM files WHERE document_id IS NULL ORDER BY created_at, id LIMIT ?`,
    ),
    forgetUnreferenced: db.prepare<[id: string]>('DELETE FROM files WHERE id = ? AND document_id IS NULL'),
  };
}
