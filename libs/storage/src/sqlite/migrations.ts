import type Database from 'better-sqlite3';
import { DocumentStoreError } from '../document-store-error';

/** One step of the schema; `version` is what `PRAGMA user_version` holds once it is applied. */
export interface Migration {
  readonly version: number;
  readonly sql: string;
}

/** The schema's history, oldest first. Append new steps; never edit one that has shipped. */
export const migrations: readonly Migration[] = [
  {
    version: 1,
    sql: `
      CREATE TABLE documents (
        id TEXT PRIMARY KEY,
        title TEXT NOT NULL DEFAULT '',
        title_explicit INTEGER NOT NULL DEFAULT 0,
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL
      );
      CREATE INDEX documents_updated_at ON documents (updated_at DESC, id);
      -- AUTOINCREMENT: a seq is never reused, even after the newest rows are compacted away.
      CREATE TABLE document_updates (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        document_id TEXT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
        data BLOB NOT NULL,
        is_snapshot INTEGER NOT NULL DEFAULT 0
      );
      CREATE INDEX document_updates_document_seq ON document_updates (document_id, seq);
    `,
  },
];

/** The schema version this code writes; a database at a higher one was written by a newer Quire. */
export const schemaVersion = migrations[migrations.length - 1].version;

/**
 * Brings the schema up to {@link schemaVersion} in one transaction, so a failed step leaves the
 * previous version intact. IMMEDIATE takes the write lock before reading the version, so two
 * processes opening the same file at once cannot both apply a step.
 */
export function migrate(db: Database.Database, path: string): void {
  db.transaction(() => {
    const current = db.pragma('user_version', { simple: true }) as number;
    if (current > schemaVersion) {
      throw new DocumentStoreError(
        'schema-too-new',
        `SQLite database ${path} has schema version ${current}, newer than this Quire knows (${schemaVersion}): ` +
          'upgrade Quire, or restore a backup made by this version',
      );
    }
    for (const migration of migrations) {
      if (migration.version <= current) continue;
      db.exec(migration.sql);
      // PRAGMA cannot take a bound parameter; the version is a number from the list above.
      db.pragma(`user_version = ${migration.version}`);
    }
  }).immediate();
}
