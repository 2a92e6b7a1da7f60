// Whether a person starred each listed document, for both SQL adapters: a column of the list's own
// query (an EXISTS on document_stars' primary key, user then document), so a list's star toggles
// know their state for every row, however many stars lie beyond the Starred pages read so far.

/**
 * The select-list column `starred`, for the document aliased `d` and the person `user` (a
 * parameter): 0/1 in SQLite, a boolean in PostgreSQL. `q` prefixes the table (the quoted schema
 * and a dot in PostgreSQL).
 */
export function starredColumn(q: string, user: string): string {
  return `EXISTS (SELECT 1 FROM ${q}document_stars ds WHERE ds.user_id = ${user} AND ds.document_id = d.id) AS starred`;
}
