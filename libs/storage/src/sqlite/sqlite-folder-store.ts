import type { Role, ShareRole } from '@quire/api-contract';
import type Database from 'better-sqlite3';
import { checkLinkRole, noSuchUser } from '../directory-checks';
import type { ListedDocument } from '../directory-records';
import { toListedDocument, type ListedDocumentRow } from '../directory-rows';
import { folderSql, noSuchFolder, noSuchMemberOrFolder, refusedMove, roleOfRank, toFolder, toFolderMember, toVisibleFolder, type FolderMemberRow, type FolderRow, type VisibleFolderRow } from '../folder-sql';
import type { FolderMember, FolderStore, NewFolder, StoredFolder, VisibleFolder } from '../folder-store';
import { StorageError } from '../storage-error';

type Params = Record<string, unknown>;

/** The folder store's statements and transactions, prepared once per connection. */
export interface FolderConnection {
  readonly all: <Row>(name: keyof ReturnType<typeof folderSql>, params: Params) => Row[];
  readonly run: (name: keyof ReturnType<typeof folderSql>, params: Params) => number;
  /** Puts the documents under the folder back at the top level and deletes it, in one transaction. */
  readonly remove: (id: string) => string[] | undefined;
}

export function prepareFolderConnection(db: Database.Database): FolderConnection {
  const sql = folderSql('', 'INTEGER');
  const prepared = new Map<string, Database.Statement>();
  const statement = (name: keyof typeof sql) => {
    let found = prepared.get(name);
    if (!found) prepared.set(name, (found = db.prepare(sql[name])));
    return found;
  };
  const all = <Row>(name: keyof typeof sql, params: Params) => statement(name).all(params) as Row[];
  const run = (name: keyof typeof sql, params: Params) => statement(name).run(params).changes;
  return {
    all,
    run,
    remove: db.transaction((id: string) => {
      if (all('exists', { id }).length === 0) return undefined;
      const documents = all<{ id: string }>('documentsUnder', { id }).map((row) => row.id);
      run('remove', { id });
      return documents;
    }).immediate,
  };
}

/** The {@link FolderStore} of a {@link SqliteStorage}, on its connection. */
export class SqliteFolderStore implements FolderStore {
  constructor(private readonly connection: () => FolderConnection) {}

  async createFolder(folder: NewFolder): Promise<StoredFolder> {
    const { all, run } = this.connection();
    const params = { id: folder.id, ownerId: folder.ownerId, parentId: folder.parentId, name: folder.name, now: Date.now() };
    if (run('insert', params) === 0) {
      if (all('userExists', { userId: folder.ownerId }).length === 0) throw noSuchUser('create a folder');
      throw new StorageError('invalid-argument', 'Cannot create the folder: its parent is not a folder of the same owner');
    }
    return (await this.getFolder(folder.id)) as StoredFolder;
  }

  async getFolder(id: string): Promise<StoredFolder | undefined> {
    const row = this.connection().all<FolderRow>('get', { id })[0];
    return row && toFolder(row);
  }

  async listFolders(userId: string): Promise<VisibleFolder[]> {
    return this.connection().all<VisibleFolderRow>('list', { userId }).map(toVisibleFolder);
  }

  async folderRole(folderId: string, userId: string): Promise<Role | undefined> {
    return roleOfRank(this.connection().all<{ rank: number | null }>('role', { id: folderId, userId })[0]?.rank);
  }

  async renameFolder(id: string, name: string): Promise<boolean> {
    return this.connection().run('rename', { id, name, now: Date.now() }) > 0;
  }

  async moveFolder(id: string, parentId: string | null): Promise<boolean> {
    const { all, run } = this.connection();
    if (run('move', { id, parentId, now: Date.now() }) > 0) return true;
    if (all('exists', { id }).length === 0) return false;
    throw refusedMove();
  }

  async deleteFolder(id: string): Promise<string[] | undefined> {
    return this.connection().remove(id);
  }

  async documentsUnder(folderId: string): Promise<string[]> {
    return this.connection().all<{ id: string }>('documentsUnder', { id: folderId }).map((row) => row.id);
  }

  async setDocumentFolder(documentId: string, folderId: string | null): Promise<boolean> {
    try {
      return this.connection().run('setDocumentFolder', { documentId, folderId }) > 0;
    } catch (error) {
      if ((error as { code?: string }).code === 'SQLITE_CONSTRAINT_FOREIGNKEY') throw noSuchFolder();
      throw error;
    }
  }

  async folderPath(documentId: string): Promise<StoredFolder[]> {
    return this.connection().all<FolderRow>('path', { documentId }).map(toFolder);
  }

  async listFolderDocuments(folderId: string, userId: string): Promise<ListedDocument[]> {
    return this.connection().all<ListedDocumentRow>('folderDocuments', { id: folderId, userId }).map(toListedDocument);
  }

  async setFolderMember(folderId: string, userId: string, role: ShareRole): Promise<void> {
    checkLinkRole(role, 'share a folder');
    if (this.connection().run('setMember', { id: folderId, userId, role, now: Date.now() }) === 0) throw noSuchMemberOrFolder();
  }

  async removeFolderMember(folderId: string, userId: string): Promise<boolean> {
    return this.connection().run('removeMember', { id: folderId, userId }) > 0;
  }

  async listFolderMembers(folderId: string): Promise<FolderMember[]> {
    return this.connection().all<FolderMemberRow>('members', { id: folderId }).map(toFolderMember);
  }
}
