import type { Role } from '@quire/api-contract';
import { documentAccess } from './access-sql';
import { starredColumn } from './star-sql';
import type { MemberDocumentRow } from './directory-rows';
import type { FolderMember, StoredFolder, VisibleFolder } from './folder-store';
import { StorageError } from './storage-error';

// The folder store's statements, written once for both SQL adapters: `@name` parameters (SQLite
// binds them by name; the PostgreSQL adapter numbers them with `numbered`), tables prefixed with
// `q` (nothing in SQLite, the quoted schema and a dot in PostgreSQL). Every walk up or down the
// tree is a recursive CTE; UNION (not UNION ALL) so that even a cycle could not loop forever.

type Time = number | Date;

export interface FolderRow {
  id: string;
  owner_id: string;
  parent_id: string | null;
  name: string;
  created_at: Time;
  updated_at: Time;
}

export interface VisibleFolderRow extends FolderRow {
  rank: number | string;
}

export interface FolderMemberRow {
  user_id: string;
  name: string;
  email: string;
  role: FolderMember['role'];
  added_at: Time;
}

const RANK = (column: string) => `CASE ${column} WHEN 'owner' THEN 4 WHEN 'editor' THEN 3 WHEN 'commenter' THEN 2 ELSE 1 END`;
const ROLES: readonly Role[] = ['viewer', 'commenter', 'editor', 'owner'];

/** A rank of `RANK` (1…4, as a number or pg's string) back to its role. */
export function roleOfRank(rank: number | string | null | undefined): Role | undefined {
  return rank === null || rank === undefined ? undefined : ROLES[Number(rank) - 1];
}

export function toFolder(row: FolderRow): StoredFolder {
  return {
    id: row.id,
    ownerId: row.owner_id,
    parentId: row.parent_id,
    name: row.name,
    createdAt: new Date(row.created_at),
    updatedAt: new Date(row.updated_at),
  };
}

export function toVisibleFolder(row: VisibleFolderRow): VisibleFolder {
  return { ...toFolder(row), role: roleOfRank(row.rank) as Role };
}

export function toFolderMember(row: FolderMemberRow): FolderMember {
  return { userId: row.user_id, name: row.name, email: row.email, role: row.role, addedAt: new Date(row.added_at) };
}

/** The statements, with tables prefixed by `q`; times are `timeType` (INTEGER milliseconds, or timestamptz). */
export function folderSql(q: string, timeType: string) {
  const now = `CAST(@now AS ${timeType})`;
  const folder = 'f.id, f.owner_id, f.parent_id, f.name, f.created_at, f.updated_at';
  // The folder @id and every folder under it.
  const subtree = `WITH RECURSIVE tree (id) AS (
      SELECT id FROM ${q}folders WHERE id = @id
      UNION SELECT f.id FROM ${q}folders f JOIN tree t ON f.parent_id = t.id
    )`;
  return {
    userExists: `SELECT 1 AS found FROM ${q}users WHERE id = @userId`,
    // The parent must be the owner's own folder: a folder never nests in someone else's.
    insert: `INSERT INTO ${q}folders (id, owner_id, parent_id, name, created_at, updated_at)
      SELECT CAST(@id AS TEXT), CAST(@ownerId AS TEXT), CAST(@parentId AS TEXT), CAST(@name AS TEXT), ${now}, ${now}
      WHERE EXISTS (SELECT 1 FROM ${q}users WHERE id = @ownerId)
        AND (CAST(@parentId AS TEXT) IS NULL OR EXISTS (SELECT 1 FROM ${q}folders WHERE id = @parentId AND owner_id = @ownerId))`,
    get: `SELECT ${folder} FROM ${q}folders f WHERE f.id = @id`,
    // The user's own folders (rank 4) and those a membership reaches, nested ones included; the
    // highest rank wins where both reach one.
    list: `WITH RECURSIVE reach (id, rank) AS (
        SELECT id, 4 FROM ${q}folders WHERE owner_id = @userId
        UNION SELECT folder_id, ${RANK('role')} FROM ${q}folder_members WHERE user_id = @userId
        UNION SELECT f.id, r.rank FROM ${q}folders f JOIN reach r ON f.parent_id = r.id
      )
      SELECT ${folder}, max(r.rank) AS rank FROM reach r JOIN ${q}folders f ON f.id = r.id
      GROUP BY f.id, f.owner_id, f.parent_id, f.name, f.created_at, f.updated_at
      ORDER BY f.name, f.id`,
    // The folder and those above it: owner (4) if the user owns it, else their highest membership.
    role: `WITH RECURSIVE chain (id, parent_id) AS (
        SELECT id, parent_id FROM ${q}folders WHERE id = @id
        UNION SELECT f.id, f.parent_id FROM ${q}folders f JOIN chain c ON f.id = c.parent_id
      )
      SELECT max(rank) AS rank FROM (
        SELECT 4 AS rank FROM ${q}folders WHERE id = @id AND owner_id = @userId
        UNION ALL SELECT ${RANK('m.role')} FROM chain c JOIN ${q}folder_members m ON m.folder_id = c.id AND m.user_id = @userId
      ) ranks`,
    rename: `UPDATE ${q}folders SET name = @name, updated_at = ${now} WHERE id = @id`,
    // Refused (no row changed) when the new parent is another owner's, or the folder itself or
    // under it (a cycle); `exists` tells a missing folder from a refused move.
    move: `UPDATE ${q}folders SET parent_id = CAST(@parentId AS TEXT), updated_at = ${now}
      WHERE id = @id
        AND (CAST(@parentId AS TEXT) IS NULL OR EXISTS (
          SELECT 1 FROM ${q}folders p WHERE p.id = @parentId AND p.owner_id = ${q}folders.owner_id))
        AND NOT EXISTS (
          WITH RECURSIVE chain (id, parent_id) AS (
            SELECT id, parent_id FROM ${q}folders WHERE id = @parentId
            UNION SELECT f.id, f.parent_id FROM ${q}folders f JOIN chain c ON f.id = c.parent_id
          )
          SELECT 1 FROM chain WHERE chain.id = @id)`,
    exists: `SELECT 1 AS found FROM ${q}folders WHERE id = @id`,
    documentsUnder: `${subtree} SELECT d.id FROM ${q}documents d JOIN tree t ON d.folder_id = t.id ORDER BY d.id`,
    // Deleting cascades to the folders under it and their memberships; documents.folder_id is
    // set to null by its foreign key, which is what puts the documents back at the top level.
    remove: `DELETE FROM ${q}folders WHERE id = @id`,
    setDocumentFolder: `UPDATE ${q}documents SET folder_id = CAST(@folderId AS TEXT) WHERE id = @documentId`,
    path: `WITH RECURSIVE chain (id, depth) AS (
        SELECT folder_id, 0 FROM ${q}documents WHERE id = @documentId AND folder_id IS NOT NULL
        UNION SELECT f.parent_id, c.depth + 1 FROM ${q}folders f JOIN chain c ON f.id = c.id WHERE f.parent_id IS NOT NULL
      )
      SELECT ${folder} FROM chain c JOIN ${q}folders f ON f.id = c.id ORDER BY c.depth DESC`,
    folderDocuments: `
      SELECT d.id, d.title, d.created_at, d.updated_at, m.role, o.user_id AS owner_id, u.name AS owner_name, ${starredColumn(q, '@userId')}
      FROM ${documentAccess(q, '@userId')} m
      JOIN ${q}documents d ON d.id = m.document_id
      LEFT JOIN ${q}document_members o ON o.document_id = d.id AND o.role = 'owner'
      LEFT JOIN ${q}users u ON u.id = o.user_id
      WHERE m.user_id = @userId AND d.folder_id = @id AND d.deleted_at IS NULL
      ORDER BY d.updated_at DESC, d.id`,
    setMember: `INSERT INTO ${q}folder_members (folder_id, user_id, role, added_at)
      SELECT CAST(@id AS TEXT), CAST(@userId AS TEXT), CAST(@role AS TEXT), ${now}
      WHERE EXISTS (SELECT 1 FROM ${q}users WHERE id = @userId) AND EXISTS (SELECT 1 FROM ${q}folders WHERE id = @id)
      ON CONFLICT (folder_id, user_id) DO UPDATE SET role = excluded.role`,
    removeMember: `DELETE FROM ${q}folder_members WHERE folder_id = @id AND user_id = @userId`,
    members: `SELECT m.user_id, u.name, u.email, m.role, m.added_at
      FROM ${q}folder_members m JOIN ${q}users u ON u.id = m.user_id
      WHERE m.folder_id = @id ORDER BY m.added_at, m.user_id`,
  };
}

export type FolderStatements = ReturnType<typeof folderSql>;
export type { MemberDocumentRow };

/** A move into another owner's folder, or into the folder itself or a folder under it. */
export function refusedMove(): StorageError {
  return new StorageError('invalid-argument', 'Cannot move the folder there: a folder cannot go into itself, a folder under it, or another owner’s folder');
}

export function noSuchFolder(): StorageError {
  return new StorageError('invalid-argument', 'No folder has that id');
}

export function noSuchMemberOrFolder(): StorageError {
  return new StorageError('invalid-argument', 'Cannot share the folder: no account has that user id, or no folder that id');
}
