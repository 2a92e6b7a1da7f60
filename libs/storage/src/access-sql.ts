// The one place a person's role on documents is decided, for both SQL adapters: the highest of
// their own membership (document_members) and their memberships of every folder above the
// document (folder_members), with the folder chain resolved by a recursive CTE. A derived table
// `(document_id, user_id, role)`, used in place of document_members wherever a read asks what a
// person may read: the directory's roles and lists, search, stars, recents, comment activity.
//
// It is written per query rather than as a view so that the person (and the document, when there
// is one) seed the recursion: a view's GROUP BY and recursive CTE would be computed for everyone
// before being filtered (33 ms per role lookup with 10,000 documents, against well under 1 ms).
// CROSS JOIN makes SQLite walk from the (few) folders to their documents by index, never the other
// way round; PostgreSQL reads it as a plain join.

const RANK = (column: string) => `CASE ${column} WHEN 'owner' THEN 4 WHEN 'editor' THEN 3 WHEN 'commenter' THEN 2 ELSE 1 END`;
const ROLE_OF_MAX_RANK = `CASE max(rank) WHEN 4 THEN 'owner' WHEN 3 THEN 'editor' WHEN 2 THEN 'commenter' ELSE 'viewer' END`;

/**
 * `user`'s access as a parenthesized derived table: to every document they reach, or (given
 * `document`) to that one only, walking up from its folder. `q` prefixes the tables (the quoted
 * schema and a dot in PostgreSQL); `user` and `document` are parameters or column-free expressions.
 */
export function documentAccess(q: string, user: string, document?: string): string {
  if (document !== undefined) {
    return `(
      WITH RECURSIVE chain (folder_id) AS (
        SELECT folder_id FROM ${q}documents WHERE id = ${document} AND folder_id IS NOT NULL
        UNION SELECT f.parent_id FROM ${q}folders f JOIN chain c ON f.id = c.folder_id WHERE f.parent_id IS NOT NULL
      )
      SELECT ${document} AS document_id, ${user} AS user_id, ${ROLE_OF_MAX_RANK} AS role FROM (
        SELECT ${RANK('role')} AS rank FROM ${q}document_members WHERE document_id = ${document} AND user_id = ${user}
        UNION ALL SELECT ${RANK('fm.role')} FROM chain c CROSS JOIN ${q}folder_members fm WHERE fm.folder_id = c.folder_id AND fm.user_id = ${user}
      ) grants HAVING max(rank) IS NOT NULL
    )`;
  }
  return `(
    WITH RECURSIVE shared (folder_id, rank) AS (
      SELECT folder_id, ${RANK('role')} FROM ${q}folder_members WHERE user_id = ${user}
      UNION SELECT f.id, s.rank FROM ${q}folders f JOIN shared s ON f.parent_id = s.folder_id
    )
    SELECT document_id, ${user} AS user_id, ${ROLE_OF_MAX_RANK} AS role FROM (
      SELECT document_id, ${RANK('role')} AS rank FROM ${q}document_members WHERE user_id = ${user}
      UNION ALL SELECT d.id, s.rank FROM shared s CROSS JOIN ${q}documents d WHERE d.folder_id = s.folder_id
    ) grants GROUP BY document_id
  )`;
}

/**
 * Whether `user` may read the document aliased `d` (with `d.id` and `d.folder_id`), as a boolean
 * expression: a membership of its own, or of a folder above it. It answers the same as a join on
 * {@link documentAccess} without building that table of every document the person reaches: search
 * checks only the documents that match (10 ms of 30 for a person with 10,000 documents), and asks
 * {@link documentAccess} for the role of the page it returns. The folders are an uncorrelated
 * subquery, evaluated once.
 */
export function readableBy(q: string, user: string, d: string): string {
  return `(EXISTS (SELECT 1 FROM ${q}document_members rm WHERE rm.document_id = ${d}.id AND rm.user_id = ${user})
    OR ${d}.folder_id IN (
      WITH RECURSIVE reachable (folder_id) AS (
        SELECT folder_id FROM ${q}folder_members WHERE user_id = ${user}
        UNION SELECT f.id FROM ${q}folders f JOIN reachable r ON f.parent_id = r.folder_id
      )
      SELECT folder_id FROM reachable
    ))`;
}
