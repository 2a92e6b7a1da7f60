import type Database from 'better-sqlite3';
import type { DocumentRow } from '../directory-rows';

type Statement<Params extends unknown[] | object, Result = unknown> = Database.Statement<Params, Result>;

/** The directory's statements on the `documents` rows themselves, prepared once per connection. */
export interface DocumentStatements {
  readonly insert: Statement<[id: string, title: string, explicit: number, createdAt: number, updatedAt: number]>;
  readonly get: Statement<[id: string], DocumentRow>;
  /** Sets the title explicitly: titles derived from the content no longer replace it. */
  readonly rename: Statement<[title: string, id: string]>;
  /** The foreign keys cascade to the document's log, members, links and tickets. */
  readonly delete: Statement<[id: string]>;
}

/** Prepares the statements on `documents`; they stay valid until the connection closes. */
export function prepareDocumentStatements(db: Database.Database): DocumentStatements {
  return {
    insert: db.prepare<[id: string, title: string, explicit: number, createdAt: number, updatedAt: number]>(
      `INSERT INTO documents (id, title, title_explicit, created_at, updated_at) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (id) DO NOTHING`,
    ),
    // A trashed document is not there for anyone but its trash (organizing-statements.ts).
    get: db.prepare<[id: string], DocumentRow>(
      'SELECT id, title, created_at, updated_at FROM documents WHERE id = ? AND deleted_at IS NULL',
    ),
    rename: db.prepare<[title: string, id: string]>('UPDATE documents SET title = ?, title_explicit = 1 WHERE id = ?'),
    delete: db.prepare<[id: string]>('DELETE FROM documents WHERE id = ?'),
  };
}
