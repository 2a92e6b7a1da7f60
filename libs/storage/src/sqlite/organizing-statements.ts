import type Database from 'better-sqlite3';
import { documentAccess } from '../access-sql';
import { starredColumn } from '../star-sql';
import type { ListedDocumentRow, MemberDocumentRow } from '../directory-rows';
import { after, type ListPageParams } from './page-statements';

type Statement<Params extends unknown[] | object, Result = unknown> = Database.Statement<Params, Result>;

/** A document row as a member sees it, with one more time column. */
export type TimedMemberDocumentRow = MemberDocumentRow & { at: number };
/** The same, with whether they starred it (stars and recents). */
export type TimedListedDocumentRow = ListedDocumentRow & { at: number };

/** The owner's id and name of `d`, joined as `o` and `u`. */
const OWNER = `
  LEFT JOIN document_members o ON o.document_id = d.id AND o.role = 'owner'
  LEFT JOIN users u ON u.id = o.user_id`;
const DOCUMENT = 'd.id, d.title, d.created_at, d.updated_at, m.role, o.user_id AS owner_id, u.name AS owner_name';

/** The trash, stars and recents (libs/storage README, "Trash", "Stars and recents"). */
export interface OrganizingStatements {
  /** Trashes a live document; its tickets go, so no socket opens with one issued before. */
  readonly trash: Statement<[now: number, id: string]>;
  readonly dropTickets: Statement<[id: string]>;
  readonly restore: Statement<[id: string, ownerId: string]>;
  readonly getTrashed: Statement<{ id: string; userId: string }, TimedMemberDocumentRow>;
  /** A page (`@limit` -1 for all) after the key `(@at, @id)`, as every list here. */
  readonly listTrash: Statement<ListPageParams, TimedMemberDocumentRow>;
  readonly listExpired: Statement<[before: number, limit: number], string>;
  /** Stars only a live document the user is a member of; keeps the first time. */
  readonly star: Statement<{ id: string; userId: string; now: number }>;
  readonly unstar: Statement<[id: string, userId: string]>;
  /** Plucked: 1 when the user starred the document and may still read it. */
  readonly isStarred: Statement<{ id: string; userId: string }, number>;
  readonly listStarred: Statement<ListPageParams, TimedListedDocumentRow>;
  readonly recordOpen: Statement<{ id: string; userId: string; now: number }>;
  readonly listRecent: Statement<ListPageParams, TimedListedDocumentRow>;
}

export function prepareOrganizingStatements(db: Database.Database): OrganizingStatements {
  const readable = `EXISTS (
    SELECT 1 FROM ${documentAccess('', '@userId', '@id')} m JOIN documents d ON d.id = m.document_id AND d.deleted_at IS NULL
    WHERE m.document_id = @id AND m.user_id = @userId)`;
  return {
    trash: db.prepare<[now: number, id: string]>('UPDATE documents SET deleted_at = ? WHERE id = ? AND deleted_at IS NULL'),
    dropTickets: db.prepare<[id: string]>('DELETE FROM tickets WHERE document_id = ?'),
    restore: db.prepare<[id: string, ownerId: string]>(
      `UPDATE documents SET deleted_at = NULL WHERE id = ? AND deleted_at IS NOT NULL
         AND EXISTS (SELECT 1 FROM document_members o WHERE o.document_id = documents.id AND o.user_id = ? AND o.role = 'owner')`,
    ),
    getTrashed: db.prepare<{ id: string; userId: string }, TimedMemberDocumentRow>(
      `SELECT ${DOCUMENT}, d.deleted_at AS at FROM documents d
       JOIN document_members m ON m.document_id = d.id AND m.user_id = @userId AND m.role = 'owner' ${OWNER}
       WHERE d.id = @id AND d.deleted_at IS NOT NULL`,
    ),
    listTrash: db.prepare<ListPageParams, TimedMemberDocumentRow>(
      `SELECT ${DOCUMENT}, d.deleted_at AS at FROM document_members m
       JOIN documents d ON d.id = m.document_id AND d.deleted_at IS NOT NULL ${OWNER}
       WHERE m.user_id = @userId AND m.role = 'owner' AND ${after('d.deleted_at')}
       ORDER BY d.deleted_at DESC, d.id LIMIT @limit`,
    ),
    listExpired: db
      .prepare<[before: number, limit: number], string>(
        'SELECT id FROM documents WHERE deleted_at IS NOT NULL AND deleted_at < ? ORDER BY deleted_at, id LIMIT ?',
      )
      .pluck(),
    star: db.prepare<{ id: string; userId: string; now: number }>(
      `INSERT INTO document_stars (user_id, document_id, starred_at) SELECT @userId, @id, @now WHERE ${readable}
       ON CONFLICT (user_id, document_id) DO NOTHING`,
    ),
    unstar: db.prepare<[id: string, userId: string]>('DELETE FROM document_stars WHERE document_id = ? AND user_id = ?'),
    isStarred: db
      .prepare<{ id: string; userId: string }, number>(
        `SELECT 1 FROM document_stars WHERE document_id = @id AND user_id = @userId AND ${readable}`,
      )
      .pluck(),
    listStarred: db.prepare<ListPageParams, TimedListedDocumentRow>(
      // Every row is a star of the caller's: starred without asking again.
      `SELECT ${DOCUMENT}, 1 AS starred, s.starred_at AS at FROM document_stars s
       JOIN documents d ON d.id = s.document_id AND d.deleted_at IS NULL
       JOIN ${documentAccess('', '@userId')} m ON m.document_id = d.id AND m.user_id = s.user_id ${OWNER}
       WHERE s.user_id = @userId AND ${after('s.starred_at')}
       ORDER BY s.starred_at DESC, d.id LIMIT @limit`,
    ),
    recordOpen: db.prepare<{ id: string; userId: string; now: number }>(
      `INSERT INTO document_opens (user_id, document_id, opened_at) SELECT @userId, @id, @now WHERE ${readable}
       ON CONFLICT (user_id, document_id) DO UPDATE SET opened_at = max(opened_at, excluded.opened_at)`,
    ),
    listRecent: db.prepare<ListPageParams, TimedListedDocumentRow>(
      `SELECT ${DOCUMENT}, ${starredColumn('', '@userId')}, r.opened_at AS at FROM document_opens r
       JOIN documents d ON d.id = r.document_id AND d.deleted_at IS NULL
       JOIN ${documentAccess('', '@userId')} m ON m.document_id = d.id AND m.user_id = r.user_id ${OWNER}
       WHERE r.user_id = @userId AND ${after('r.opened_at')}
       ORDER BY r.opened_at DESC, d.id LIMIT @limit`,
    ),
  };
}
