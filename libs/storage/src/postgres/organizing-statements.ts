import { escapeIdentifier } from 'pg';
import { documentAccess } from '../access-sql';
import { starredColumn } from '../star-sql';
import { after, orderBy } from './page-statements';

/** The trash, stars and recents (libs/storage README, "Trash", "Stars and recents"), in one schema. */
export function organizingStatementsFor(schema: string) {
  const quoted = escapeIdentifier(schema);
  const [documents, members, users, tickets, stars, opens] = [
    'documents',
    'document_members',
    'users',
    'tickets',
    'document_stars',
    'document_opens',
  ].map((table) => `${quoted}.${table}`);
  const owner = `
    LEFT JOIN ${members} o ON o.document_id = d.id AND o.role = 'owner'
    LEFT JOIN ${users} u ON u.id = o.user_id`;
  const document = 'd.id, d.title, d.created_at, d.updated_at, m.role, o.user_id AS owner_id, u.name AS owner_name';
  // `$1` document id, `$2` user id: a live document the user is a member of.
  const readable = `EXISTS (
    SELECT 1 FROM ${documentAccess(`${quoted}.`, '$2', '$1')} m JOIN ${documents} d ON d.id = m.document_id AND d.deleted_at IS NULL
    WHERE m.document_id = $1 AND m.user_id = $2)`;
  return {
    /** `$1` id, `$2` now. Its tickets go in the same statement: no socket opens with one issued before. */
    trash: `
      WITH trashed AS (
        UPDATE ${documents} SET deleted_at = $2 WHERE id = $1 AND deleted_at IS NULL RETURNING id
      ), dropped AS (
        DELETE FROM ${tickets} t USING trashed WHERE t.document_id = trashed.id
      )
      SELECT count(*)::integer AS count FROM trashed`,
    /** `$1` id, `$2` owner id. */
    restore: `
      UPDATE ${documents} SET deleted_at = NULL WHERE id = $1 AND deleted_at IS NOT NULL
        AND EXISTS (SELECT 1 FROM ${members} o WHERE o.document_id = ${documents}.id AND o.user_id = $2 AND o.role = 'owner')`,
    /** `$1` id, `$2` owner id. */
    getTrashed: `
      SELECT ${document}, d.deleted_at AS at FROM ${documents} d
      JOIN ${members} m ON m.document_id = d.id AND m.user_id = $2 AND m.role = 'owner' ${owner}
      WHERE d.id = $1 AND d.deleted_at IS NOT NULL`,
    /** `$1` owner id, then a page (`pageValues`), as every list here. */
    listTrash: `
      SELECT ${document}, d.deleted_at AS at FROM ${members} m
      JOIN ${documents} d ON d.id = m.document_id AND d.deleted_at IS NOT NULL ${owner}
      WHERE m.user_id = $1 AND m.role = 'owner' AND ${after('d.deleted_at')}
      ${orderBy('d.deleted_at')}`,
    /** `$1` before, `$2` limit. */
    listExpired: `
      SELECT id FROM ${documents} WHERE deleted_at IS NOT NULL AND deleted_at < $1 ORDER BY deleted_at, id LIMIT $2`,
    /** `$1` id, `$2` user id, `$3` now. */
    star: `
      INSERT INTO ${stars} (user_id, document_id, starred_at) SELECT $2, $1, $3 WHERE ${readable}
      ON CONFLICT (user_id, document_id) DO NOTHING`,
    /** `$1` id, `$2` user id. */
    isStarred: `SELECT 1 FROM ${stars} WHERE document_id = $1 AND user_id = $2 AND ${readable}`,
    unstar: `DELETE FROM ${stars} WHERE document_id = $1 AND user_id = $2`,
    // Stars and recents are few beside what a person may read: each one's access is looked up on
    // its own (LATERAL, the one-document form), rather than joined to documentAccess over every
    // document they reach, whose GROUP BY the planner misjudges on fresh tables (a nested loop over
    // it took the recent list of 500 opens among 10,000 documents to 230–550 ms p95).
    listStarred: `
      SELECT ${document}, TRUE AS starred, s.starred_at AS at FROM ${stars} s
      JOIN ${documents} d ON d.id = s.document_id AND d.deleted_at IS NULL
      CROSS JOIN LATERAL ${documentAccess(`${quoted}.`, '$1', 's.document_id')} m ${owner}
      WHERE s.user_id = $1 AND ${after('s.starred_at')}
      ${orderBy('s.starred_at')}`,
    /** `$1` id, `$2` user id, `$3` now. */
    recordOpen: `
      INSERT INTO ${opens} AS r (user_id, document_id, opened_at) SELECT $2, $1, $3 WHERE ${readable}
      ON CONFLICT (user_id, document_id) DO UPDATE SET opened_at = greatest(r.opened_at, excluded.opened_at)`,
    listRecent: `
      SELECT ${document}, ${starredColumn(`${quoted}.`, '$1')}, r.opened_at AS at FROM ${opens} r
      JOIN ${documents} d ON d.id = r.document_id AND d.deleted_at IS NULL
      CROSS JOIN LATERAL ${documentAccess(`${quoted}.`, '$1', 'r.document_id')} m ${owner}
      WHERE r.user_id = $1 AND ${after('r.opened_at')}
      ${orderBy('r.opened_at')}`,
  };
}

export type OrganizingStatements = ReturnType<typeof organizingStatementsFor>;
