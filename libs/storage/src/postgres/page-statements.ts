import { escapeIdentifier } from 'pg';
import { documentAccess } from '../access-sql';
import { starredColumn } from '../star-sql';
import type { PageRequest } from '../page';
import { pageParams } from '../page';

/**
 * Keyset pagination on `time` (descending) then the document id (ascending), with the page's key
 * as `$3` (a time, null for the first page) and `$4` (an id). Times compare to the millisecond: a
 * key holds a JavaScript Date, and `now()` stores microseconds, so a key cut from a row must still
 * sort where that row does. `orderBy` is the matching ORDER BY.
 */
export const after = (time: string) =>
  `($3::timestamptz IS NULL OR date_trunc('milliseconds', ${time}) < $3 OR (date_trunc('milliseconds', ${time}) = $3 AND d.id > $4::text))`;
export const orderBy = (time: string) => `ORDER BY date_trunc('milliseconds', ${time}) DESC, d.id LIMIT $2`;

/** `$1` user id, `$2` limit (null for all), `$3` and `$4` the page's key: the values of every paged list. */
export function pageValues(userId: string, page: PageRequest | undefined): unknown[] {
  if (!page) return [userId, null, null, null];
  const { limit, at, id } = pageParams(page);
  return [userId, limit, at === null ? null : new Date(at), id];
}

/** The home page's two lists, a page at a time (libs/storage README, "Lists, a page at a time"), in one schema. */
export function pageStatementsFor(schema: string) {
  const quoted = escapeIdentifier(schema);
  const [documents, members, users] = ['documents', 'document_members', 'users'].map((table) => `${quoted}.${table}`);
  return {
    // Only the user's own memberships: an owner is always a direct member, so the folder walk of
    // documentAccess (a GROUP BY over every document they reach) is not needed here.
    listOwned: `
      SELECT d.id, d.title, d.created_at, d.updated_at, m.role, m.user_id AS owner_id, u.name AS owner_name, ${starredColumn(`${quoted}.`, '$1')}
      FROM ${members} m
      JOIN ${documents} d ON d.id = m.document_id AND d.deleted_at IS NULL
      JOIN ${users} u ON u.id = m.user_id
      WHERE m.user_id = $1 AND m.role = 'owner' AND ${after('d.updated_at')}
      ${orderBy('d.updated_at')}`,
    listShared: `
      SELECT d.id, d.title, d.created_at, d.updated_at, m.role, o.user_id AS owner_id, u.name AS owner_name, ${starredColumn(`${quoted}.`, '$1')}
      FROM ${documentAccess(`${quoted}.`, '$1')} m
      JOIN ${documents} d ON d.id = m.document_id AND d.deleted_at IS NULL
      LEFT JOIN ${members} o ON o.document_id = d.id AND o.role = 'owner'
      LEFT JOIN ${users} u ON u.id = o.user_id
      WHERE m.role <> 'owner' AND ${after('d.updated_at')}
      ${orderBy('d.updated_at')}`,
  };
}

export type PageStatements = ReturnType<typeof pageStatementsFor>;
