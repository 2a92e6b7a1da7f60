import type Database from 'better-sqlite3';
import { documentAccess } from '../access-sql';
import { starredColumn } from '../star-sql';
import type { ListedDocumentRow } from '../directory-rows';
import type { PageParams } from '../page';

type Statement<Params extends unknown[] | object, Result = unknown> = Database.Statement<Params, Result>;

/** A page of a user's documents: `@userId`, and the page's limit and key (`@at`, `@id`, null for the first). */
export type ListPageParams = PageParams & { userId: string };

/**
 * Keyset pagination on `time` (descending) then the document id (ascending): the rows after the
 * key `(@at, @id)`, all of them when `@at` is null. The same order as the lists' ORDER BY.
 */
export const after = (time: string) => `(@at IS NULL OR ${time} < @at OR (${time} = @at AND d.id > @id))`;

/** The home page's two lists, a page at a time (libs/storage README, "Lists, a page at a time"). */
export interface PageStatements {
  readonly listOwned: Statement<ListPageParams, ListedDocumentRow>;
  readonly listShared: Statement<ListPageParams, ListedDocumentRow>;
}

export function preparePageStatements(db: Database.Database): PageStatements {
  return {
    // Only the user's own memberships: an owner is always a direct member, so the folder walk of
    // documentAccess (a GROUP BY over every document they reach) is not needed here.
    listOwned: db.prepare<ListPageParams, ListedDocumentRow>(
      `SELECT d.id, d.title, d.created_at, d.updated_at, m.role, m.user_id AS owner_id, u.name AS owner_name, ${starredColumn('', '@userId')}
       FROM document_members m
       JOIN documents d ON d.id = m.document_id AND d.deleted_at IS NULL
       JOIN users u ON u.id = m.user_id
       WHERE m.user_id = @userId AND m.role = 'owner' AND ${after('d.updated_at')}
       ORDER BY d.updated_at DESC, d.id LIMIT @limit`,
    ),
    listShared: db.prepare<ListPageParams, ListedDocumentRow>(
      `SELECT d.id, d.title, d.created_at, d.updated_at, m.role, o.user_id AS owner_id, u.name AS owner_name, ${starredColumn('', '@userId')}
       FROM ${documentAccess('', '@userId')} m
       JOIN documents d ON d.id = m.document_id AND d.deleted_at IS NULL
       LEFT JOIN document_members o ON o.document_id = d.id AND o.role = 'owner'
       LEFT JOIN users u ON u.id = o.user_id
       WHERE m.role <> 'owner' AND ${after('d.updated_at')}
       ORDER BY d.updated_at DESC, d.id LIMIT @limit`,
    ),
  };
}
