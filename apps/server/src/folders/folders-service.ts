import { AddMemberBody, CreateFolderBody, DocumentFolderBody, MoveFolderBody, RenameFolderBody, RoleBody, type Role } from '@quire/api-contract';
import type { AccessChange } from '@quire/bus';
import { StorageError, type Directory, type FolderMember, type FolderStore, type ListedDocument, type StoredFolder, type VisibleFolder } from '@quire/storage';
import { AuthError, notFound } from '../auth/auth-error';
import { roleAtLeast } from '../auth/documents-service';
import { parseBody } from '../auth/parse-body';
import type { Principal } from '../auth/principal';
import { newId } from '../auth/secrets';

/** A folder with its owner's name, as the API shows it. */
export interface NamedFolder extends VisibleFolder {
  readonly ownerName: string;
}

/**
 * Folders (docs/api.md, "Folders"): every request checks the caller's role on the folder (owner,
 * or inherited from a membership of it or a folder above it). Whatever changes who may read a
 * document (a document moved in or out, a folder moved or deleted, a member removed or changed) is
 * pushed as an access change once stored, so open sockets close or become read-only at once.
 */
export class FoldersService {
  constructor(
    private readonly folders: FolderStore,
    private readonly directory: Directory,
    private readonly accessChanged: (change: AccessChange) => Promise<void>,
  ) {}

  async list(principal: Principal): Promise<NamedFolder[]> {
    return this.named(await this.folders.listFolders(principal.user.id));
  }

  async create(principal: Principal, body: unknown): Promise<NamedFolder> {
    const input = parseBody(CreateFolderBody, body);
    const parentId = input.parentId ?? null;
    if (parentId !== null) await this.get(principal, parentId, 'owner');
    const created = await this.folders.createFolder({ id: newId(), ownerId: principal.user.id, parentId, name: input.name });
    return this.visible(principal, created.id);
  }

  /** The folder if the caller has at least `needed` on it: 404 without any role, 403 with too low a one. */
  async get(principal: Principal, id: string, needed: Role = 'viewer'): Promise<NamedFolder> {
    const folder = await this.folders.getFolder(id);
    const role = folder && (await this.folders.folderRole(id, principal.user.id));
    if (!folder || !role) throw notFound('folder');
    if (!roleAtLeast(role, needed)) throw new AuthError(403, needed === 'owner' ? 'Only the folder’s owner can do this' : 'Only the folder’s editors can do this');
    return (await this.named([{ ...folder, role }]))[0];
  }

  async rename(principal: Principal, id: string, body: unknown): Promise<NamedFolder> {
    const { name } = parseBody(RenameFolderBody, body);
    await this.get(principal, id, 'editor');
    await this.folders.renameFolder(id, name);
    return this.visible(principal, id);
  }

  async move(principal: Principal, id: string, body: unknown): Promise<NamedFolder> {
    const { parentId } = parseBody(MoveFolderBody, body);
    await this.get(principal, id, 'owner');
    if (parentId !== null) await this.get(principal, parentId, 'owner');
    try {
      await this.folders.moveFolder(id, parentId);
    } catch (error) {
      if (error instanceof StorageError && error.code === 'invalid-argument') throw new AuthError(409, 'A folder cannot go into itself or a folder inside it');
      throw error;
    }
    // Members of the old parent lose what it holds, members of the new one gain it.
    await this.changedDocuments(await this.folders.documentsUnder(id));
    return this.visible(principal, id);
  }

  /** Deletes the folder and those under it; their documents go to the top level. Resolves their ids. */
  async delete(principal: Principal, id: string): Promise<string[]> {
    await this.get(principal, id, 'owner');
    const moved = (await this.folders.deleteFolder(id)) ?? [];
    await this.changedDocuments(moved);
    return moved;
  }

  async contents(principal: Principal, id: string): Promise<{ folder: NamedFolder; folders: NamedFolder[]; documents: ListedDocument[] }> {
    const folder = await this.get(principal, id);
    const all = await this.list(principal);
    const documents = await this.folders.listFolderDocuments(id, principal.user.id);
    return { folder, folders: all.filter((child) => child.parentId === id), documents };
  }

  async members(principal: Principal, id: string): Promise<FolderMember[]> {
    await this.get(principal, id);
    return this.folders.listFolderMembers(id);
  }

  async addMember(principal: Principal, id: string, body: unknown): Promise<FolderMember> {
    const input = parseBody(AddMemberBody, body);
    await this.get(principal, id, 'owner');
    const user = await this.directory.getUserByEmail(input.email);
    if (!user) throw new AuthError(404, `No account has the email ${input.email}: ask them to sign up first`);
    if (user.id === principal.user.id) throw new AuthError(400, 'You own this folder already');
    await this.folders.setFolderMember(id, user.id, input.role);
    // They may have had open sockets under another role.
    await this.accessChanged({ userId: user.id });
    return this.member(id, user.id);
  }

  async changeRole(principal: Principal, id: string, userId: string, body: unknown): Promise<FolderMember> {
    const { role } = parseBody(RoleBody, body);
    await this.get(principal, id, 'owner');
    await this.member(id, userId);
    await this.folders.setFolderMember(id, userId, role);
    await this.accessChanged({ userId });
    return this.member(id, userId);
  }

  /** The owner removes a member, or a member leaves (of the folder itself: not of one above it). */
  async removeMember(principal: Principal, id: string, userId: string): Promise<void> {
    await this.get(principal, id, userId === principal.user.id ? 'viewer' : 'owner');
    if (!(await this.folders.removeFolderMember(id, userId))) throw new AuthError(404, 'No such member');
    await this.accessChanged({ userId });
  }

  /** The folders above a document that the caller may see, the top one first. */
  async documentFolder(principal: Principal, documentId: string): Promise<{ folderId: string | null; path: StoredFolder[] }> {
    if (!(await this.directory.getRole(documentId, principal.user.id))) throw notFound();
    const path = await this.folders.folderPath(documentId);
    const visible: StoredFolder[] = [];
    for (const folder of path) if (await this.folders.folderRole(folder.id, principal.user.id)) visible.push(folder);
    const own = path.at(-1);
    return { folderId: own && visible.includes(own) ? own.id : null, path: visible };
  }

  /** Puts a document of the caller's in one of their folders, or at the top level. */
  async putDocument(principal: Principal, documentId: string, body: unknown): Promise<{ folderId: string | null; path: StoredFolder[] }> {
    const { folderId } = parseBody(DocumentFolderBody, body);
    const role = await this.directory.getRole(documentId, principal.user.id);
    if (!role) throw notFound();
    if (role !== 'owner') throw new AuthError(403, 'Only the document’s owner can move it');
    if (folderId !== null) await this.get(principal, folderId, 'owner');
    await this.folders.setDocumentFolder(documentId, folderId);
    // Members of the folders it left lose it; of those it entered, gain it.
    await this.accessChanged({ documentId });
    return this.documentFolder(principal, documentId);
  }

  private async member(id: string, userId: string): Promise<FolderMember> {
    const member = (await this.folders.listFolderMembers(id)).find((candidate) => candidate.userId === userId);
    if (!member) throw new AuthError(404, 'No such member');
    return member;
  }

  private async visible(principal: Principal, id: string): Promise<NamedFolder> {
    return this.get(principal, id);
  }

  private async changedDocuments(ids: readonly string[]): Promise<void> {
    for (const documentId of ids) await this.accessChanged({ documentId });
  }

  private async named(folders: readonly VisibleFolder[]): Promise<NamedFolder[]> {
    const names = new Map<string, string>();
    for (const folder of folders) {
      if (!names.has(folder.ownerId)) names.set(folder.ownerId, (await this.directory.getUser(folder.ownerId))?.name ?? '');
    }
    return folders.map((folder) => ({ ...folder, ownerName: names.get(folder.ownerId) ?? '' }));
  }
}
