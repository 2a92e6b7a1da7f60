import Database from 'better-sqlite3';
import { escapeIdentifier, type Pool } from 'pg';

// Documents with no owner exist only in databases from before accounts (schema version 1): no call
// of the directory makes one. The directory contract inserts them straight into the tables.

/** Inserts a document with no owner into the SQLite file at `path`, titled explicitly when `title` is given. */
export function addSqliteDocumentWithoutOwner(path: string, id: string, title?: string): void {
  const db = new Database(path);
  try {
    const now = Date.now();
    db.prepare('INSERT INTO documents (id, title, title_explicit, created_at, updated_at) VALUES (?, ?, ?, ?, ?)').run(
      id,
      title ?? '',
      title === undefined ? 0 : 1,
      now,
      now,
    );
  } finally {
    db.close();
  }
}

/** Inserts a document with no owner into `schema`, titled explicitly when `title` is given. */
export async function addPostgresDocumentWithoutOwner(pool: Pool, schema: string, id: string, title?: string): Promise<void> {
  await pool.query(
    `INSERT INTO ${escapeIdentifier(schema)}.documents (id, title, title_explicit, created_at, updated_at)
     VALUES ($1, $2, $3, now(), now())`,
    [id, title ?? '', title !== undefined],
  );
}
