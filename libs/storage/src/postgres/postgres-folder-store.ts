import type { Role, ShareRole } from '@quire/api-contract';
import { escapeIdentifier, type Pool, type PoolClient } from 'pg';
import { checkLinkRole, noSuchUser } from '../directory-checks';
import type { ListedDocument } from '../directory-records';
import { toListedDocument, type ListedDocumentRow } from '../directory-rows';
import { folderSql, noSuchFolder, noSuchMemberOrFolder, refusedMove, roleOfRank, toFolder, toFolderMember, toVisibleFolder, type FolderMemberRow, type FolderRow, type VisibleFolderRow } from '../folder-sql';
import type { FolderMember, FolderStore, NewFolder, StoredFolder, VisibleFolder } from '../folder-store';
import { StorageError } from '../storage-error';
import { inTransaction } from './pool';

type Statements = ReturnType<typeof folderSql>;
type Params = Record<string, unknown>;

/** `@name` parameters numbered `$1`, `$2`… in order of first use, with the values to bind. */
function numbered(text: string): (params: Params) => { text: string; values: unknown[] } {
  const names: string[] = [];
  const numberedText = text.replace(/@(\w+)/g, (_, name: string) => {
    if (!names.includes(name)) names.push(name);
    return `$${names.indexOf(name) + 1}`;
  });
  return (params) => ({ text: numberedText, values: names.map((name) => params[name] ?? null) });
}

/** First key of the advisory lock a folder move holds ('fold'); the second is the owner's hash. */
const MOVE_LOCK_CLASS = 0x666f6c64;

/** The {@link FolderStore} of a {@link PostgresStorage}, on its pool. */
export class PostgresFolderStore implements FolderStore {
  private readonly s: { [name in keyof Statements]: ReturnType<typeof numbered> };

  constructor(schema: string, private readonly pool: () => Pool) {
    const sql = folderSql(`${escapeIdentifier(schema)}.`, 'timestamptz');
    this.s = Object.fromEntries(Object.entries(sql).map(([name, text]) => [name, numbered(text)])) as typeof this.s;
  }

  private async all<Row>(name: keyof Statements, params: Params, client: Pool | PoolClient = this.pool()): Promise<Row[]> {
    return (await client.query(this.s[name](params))).rows as Row[];
  }

  private async run(name: keyof Statements, params: Params, client: Pool | PoolClient = this.pool()): Promise<number> {
    return (await client.query(this.s[name](params))).rowCount ?? 0;
  }

  async createFolder(folder: NewFolder): Promise<StoredFolder> {
    const params = { id: folder.id, ownerId: folder.ownerId, parentId: folder.parentId, name: folder.name, now: new Date() };
    if ((await this.run('insert', params)) === 0) {
      if ((await this.all('userExists', { userId: folder.ownerId })).length === 0) throw noSuchUser('create a folder');
      throw new StorageError('invalid-argument', 'Cannot create the folder: its parent is not a folder of the same owner');
    }
    return (await this.getFolder(folder.id)) as StoredFolder;
  }

  async getFolder(id: string): Promise<StoredFolder | undefined> {
    const row = (await this.all<FolderRow>('get', { id }))[0];
    return row && toFolder(row);
  }

  async listFolders(userId: string): Promise<VisibleFolder[]> {
    return (await this.all<VisibleFolderRow>('list', { userId })).map(toVisibleFolder);
  }

  async folderRole(folderId: string, userId: string): Promise<Role | undefined> {
    return roleOfRank((await this.all<{ rank: number | null }>('role', { id: folderId, userId }))[0]?.rank);
  }

  async renameFolder(id: string, name: string): Promise<boolean> {
    return (await this.run('rename', { id, name, now: new Date() })) > 0;
  }

  async moveFolder(id: string, parentId: string | null): Promise<boolean> {
    // Two moves at once (A into B, B into A) could each pass the cycle check under READ COMMITTED:
    // moves of one owner's folders take turns on an advisory lock.
    return inTransaction(this.pool(), async (client) => {
      const folder = (await this.all<FolderRow>('get', { id }, client))[0];
      if (!folder) return false;
      await client.query('SELECT pg_advisory_xact_lock($1::integer, hashtext($2))', [MOVE_LOCK_CLASS, folder.owner_id]);
      if ((await this.run('move', { id, parentId, now: new Date() }, client)) > 0) return true;
      if ((await this.all('exists', { id }, client)).length === 0) return false;
      throw refusedMove();
    });
  }

  async deleteFolder(id: string): Promise<string[] | undefined> {
    return inTransaction(this.pool(), async (client) => {
      if ((await this.all('exists', { id }, client)).length === 0) return undefined;
      const documents = (await this.all<{ id: string }>('documentsUnder', { id }, client)).map((row) => row.id);
      await this.run('remove', { id }, client);
      return documents;
    });
  }

  async documentsUnder(folderId: string): Promise<string[]> {
    return (await this.all<{ id: string }>('documentsUnder', { id: folderId })).map((row) => row.id);
  }

  async setDocumentFolder(documentId: string, folderId: string | null): Promise<boolean> {
    try {
      return (await this.run('setDocumentFolder', { documentId, folderId })) > 0;
    } catch (error) {
      if ((error as { code?: string }).code === '23503') throw noSuchFolder();
      throw error;
    }
  }

  async folderPath(documentId: string): Promise<StoredFolder[]> {
    return (await this.all<FolderRow>('path', { documentId })).map(toFolder);
  }

  async listFolderDocuments(folderId: string, userId: string): Promise<ListedDocument[]> {
    return (await this.all<ListedDocumentRow>('folderDocuments', { id: folderId, userId })).map(toListedDocument);
  }

  async setFolderMember(folderId: string, userId: string, role: ShareRole): Promise<void> {
    checkLinkRole(role, 'share a folder');
    if ((await this.run('setMember', { id: folderId, userId, role, now: new Date() })) === 0) throw noSuchMemberOrFolder();
  }

  async removeFolderMember(folderId: string, userId: string): Promise<boolean> {
    return (await this.run('removeMember', { id: folderId, userId })) > 0;
  }

  async listFolderMembers(folderId: string): Promise<FolderMember[]> {
    return (await this.all<FolderMemberRow>('members', { id: folderId })).map(toFolderMember);
  }
}
