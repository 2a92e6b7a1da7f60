import type { Role, ShareRole } from '@quire/api-contract';
import { ROLE_RANK } from '@quire/api-contract';
import { checkLinkRole, noSuchUser } from '../directory-checks';
import type { ListedDocument } from '../directory-records';
import { noSuchFolder, noSuchMemberOrFolder, refusedMove } from '../folder-sql';
import type { FolderMember, FolderStore, NewFolder, StoredFolder, VisibleFolder } from '../folder-store';
import { StorageError } from '../storage-error';
import type { MemoryData } from './memory-data';

interface MemoryFolder {
  readonly id: string;
  readonly ownerId: string;
  parentId: string | null;
  name: string;
  readonly createdAt: number;
  updatedAt: number;
  readonly members: Map<string, { role: ShareRole; addedAt: number }>;
}

/** What the memory "database" holds of folders, and the little of a directory they need. */
export interface MemoryFolderData {
  readonly people: Map<string, { name: string; email: string }>;
  /** Own memberships of documents (the owner's too): stand-ins for the directory's. */
  readonly documentMembers: Map<string, Map<string, Role>>;
  readonly folders: Map<string, MemoryFolder>;
  readonly documentFolder: Map<string, string>;
}

function folderDataOf(data: MemoryData): MemoryFolderData {
  const holder = data as MemoryData & { folders?: MemoryFolderData };
  holder.folders ??= { people: new Map(), documentMembers: new Map(), folders: new Map(), documentFolder: new Map() };
  return holder.folders;
}

const higher = (a: Role | undefined, b: Role | undefined) => (!a ? b : !b ? a : ROLE_RANK[a] >= ROLE_RANK[b] ? a : b);

/**
 * The {@link FolderStore} of a {@link MemoryStorage}, with the SQL adapters' semantics. There are no
 * accounts in memory: {@link addPerson} and {@link addDocumentMember} stand in for the users and
 * memberships the SQL adapters read, and {@link roleOf} for the directory's `getRole`.
 */
export class MemoryFolderStore implements FolderStore {
  constructor(private readonly data: () => MemoryData) {}

  private get state(): MemoryFolderData {
    return folderDataOf(this.data());
  }

  addPerson(id: string, name: string, email = `${id}@example.com`): void {
    this.state.people.set(id, { name, email });
  }

  addDocumentMember(documentId: string, userId: string, role: Role): void {
    const { documentMembers } = this.state;
    const members = documentMembers.get(documentId) ?? new Map<string, Role>();
    members.set(userId, role);
    documentMembers.set(documentId, members);
  }

  /** A person's role on a live document: the highest of their own membership and their folders' above it. */
  roleOf(documentId: string, userId: string): Role | undefined {
    const document = this.data().documents.get(documentId);
    if (!document || document.deletedAt !== null) return undefined;
    let role = this.state.documentMembers.get(documentId)?.get(userId);
    for (const folder of this.chain(this.state.documentFolder.get(documentId) ?? null)) role = higher(role, folder.members.get(userId)?.role);
    return role;
  }

  /** The folder and those above it, nearest first. */
  private chain(id: string | null): MemoryFolder[] {
    const chain: MemoryFolder[] = [];
    for (let folder = id === null ? undefined : this.state.folders.get(id); folder && !chain.includes(folder); folder = folder.parentId === null ? undefined : this.state.folders.get(folder.parentId)) chain.push(folder);
    return chain;
  }

  /** The folder and every folder under it. */
  private subtree(id: string): MemoryFolder[] {
    const found = [...this.state.folders.values()].filter((folder) => folder.id === id);
    for (let i = 0; i < found.length; i++) for (const folder of this.state.folders.values()) if (folder.parentId === found[i].id && !found.includes(folder)) found.push(folder);
    return found;
  }

  async createFolder(folder: NewFolder): Promise<StoredFolder> {
    const { people, folders } = this.state;
    if (!people.has(folder.ownerId)) throw noSuchUser('create a folder');
    if (folder.parentId !== null && folders.get(folder.parentId)?.ownerId !== folder.ownerId) {
      throw new StorageError('invalid-argument', 'Cannot create the folder: its parent is not a folder of the same owner');
    }
    if (folders.has(folder.id)) throw new StorageError('conflict', 'A folder with this id exists already: nothing was changed');
    const now = Date.now();
    folders.set(folder.id, { ...folder, createdAt: now, updatedAt: now, members: new Map() });
    return (await this.getFolder(folder.id)) as StoredFolder;
  }

  async getFolder(id: string): Promise<StoredFolder | undefined> {
    const folder = this.state.folders.get(id);
    return folder && toStored(folder);
  }

  async listFolders(userId: string): Promise<VisibleFolder[]> {
    const visible: VisibleFolder[] = [];
    for (const folder of this.state.folders.values()) {
      const role = await this.folderRole(folder.id, userId);
      if (role) visible.push({ ...toStored(folder), role });
    }
    return visible.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : a.id < b.id ? -1 : 1));
  }

  async folderRole(folderId: string, userId: string): Promise<Role | undefined> {
    const chain = this.chain(folderId);
    if (chain[0]?.ownerId === userId) return 'owner';
    return chain.reduce<Role | undefined>((role, folder) => higher(role, folder.members.get(userId)?.role), undefined);
  }

  async renameFolder(id: string, name: string): Promise<boolean> {
    const folder = this.state.folders.get(id);
    if (!folder) return false;
    folder.name = name;
    folder.updatedAt = Date.now();
    return true;
  }

  async moveFolder(id: string, parentId: string | null): Promise<boolean> {
    const folder = this.state.folders.get(id);
    if (!folder) return false;
    if (parentId !== null) {
      const parent = this.state.folders.get(parentId);
      if (!parent || parent.ownerId !== folder.ownerId || this.chain(parentId).includes(folder)) throw refusedMove();
    }
    folder.parentId = parentId;
    folder.updatedAt = Date.now();
    return true;
  }

  async deleteFolder(id: string): Promise<string[] | undefined> {
    if (!this.state.folders.has(id)) return undefined;
    const documents = await this.documentsUnder(id);
    for (const documentId of documents) this.state.documentFolder.delete(documentId);
    for (const folder of this.subtree(id)) this.state.folders.delete(folder.id);
    return documents;
  }

  async documentsUnder(folderId: string): Promise<string[]> {
    const ids = new Set(this.subtree(folderId).map((folder) => folder.id));
    return [...this.state.documentFolder].filter(([, folder]) => ids.has(folder)).map(([documentId]) => documentId).sort();
  }

  async setDocumentFolder(documentId: string, folderId: string | null): Promise<boolean> {
    if (!this.data().documents.has(documentId)) return false;
    if (folderId === null) this.state.documentFolder.delete(documentId);
    else if (!this.state.folders.has(folderId)) throw noSuchFolder();
    else this.state.documentFolder.set(documentId, folderId);
    return true;
  }

  async folderPath(documentId: string): Promise<StoredFolder[]> {
    return this.chain(this.state.documentFolder.get(documentId) ?? null).reverse().map(toStored);
  }

  async listFolderDocuments(folderId: string, userId: string): Promise<ListedDocument[]> {
    const listed: (ListedDocument & { at: number })[] = [];
    for (const [documentId, folder] of this.state.documentFolder) {
      const role = folder === folderId ? this.roleOf(documentId, userId) : undefined;
      const document = this.data().documents.get(documentId);
      if (!role || !document) continue;
      const ownerId = [...(this.state.documentMembers.get(documentId) ?? [])].find(([, memberRole]) => memberRole === 'owner')?.[0];
      listed.push({
        id: documentId,
        title: document.title,
        createdAt: new Date(document.createdAt),
        updatedAt: new Date(document.updatedAt),
        role,
        owner: ownerId === undefined ? null : { id: ownerId, name: this.state.people.get(ownerId)?.name ?? '' },
        // The memory storage keeps no stars (it has no directory): nothing is starred here.
        starred: false,
        at: document.updatedAt,
      });
    }
    return listed.sort((a, b) => b.at - a.at || (a.id < b.id ? -1 : 1)).map(({ at: _at, ...document }) => document);
  }

  async setFolderMember(folderId: string, userId: string, role: ShareRole): Promise<void> {
    checkLinkRole(role, 'share a folder');
    const folder = this.state.folders.get(folderId);
    if (!folder || !this.state.people.has(userId)) throw noSuchMemberOrFolder();
    const existing = folder.members.get(userId);
    folder.members.set(userId, { role, addedAt: existing?.addedAt ?? Date.now() });
  }

  async removeFolderMember(folderId: string, userId: string): Promise<boolean> {
    return this.state.folders.get(folderId)?.members.delete(userId) ?? false;
  }

  async listFolderMembers(folderId: string): Promise<FolderMember[]> {
    const folder = this.state.folders.get(folderId);
    if (!folder) return [];
    return [...folder.members].map(([userId, member]) => {
      const person = this.state.people.get(userId) ?? { name: '', email: '' };
      return { userId, name: person.name, email: person.email, role: member.role, addedAt: new Date(member.addedAt) };
    });
  }
}

function toStored(folder: MemoryFolder): StoredFolder {
  return {
    id: folder.id,
    ownerId: folder.ownerId,
    parentId: folder.parentId,
    name: folder.name,
    createdAt: new Date(folder.createdAt),
    updatedAt: new Date(folder.updatedAt),
  };
}
