import type { DocumentFolder, FolderView, MemberView } from '@quire/api-contract';
import type { FolderMember, StoredFolder } from '@quire/storage';
import type { NamedFolder } from './folders-service';

export function toFolderView(folder: NamedFolder): FolderView {
  return {
    id: folder.id,
    name: folder.name,
    parentId: folder.parentId,
    owner: { id: folder.ownerId, name: folder.ownerName },
    role: folder.role,
    createdAt: folder.createdAt.toISOString(),
    updatedAt: folder.updatedAt.toISOString(),
  };
}

/** A folder member in the shape of a document's member, so that clients show both alike. */
export function toFolderMemberView(member: FolderMember): MemberView {
  return { user: { id: member.userId, name: member.name, email: member.email }, role: member.role, addedAt: member.addedAt.toISOString() };
}

export function toDocumentFolder(found: { folderId: string | null; path: StoredFolder[] }): DocumentFolder {
  return { folderId: found.folderId, path: found.path.map((folder) => ({ id: folder.id, name: folder.name })) };
}
