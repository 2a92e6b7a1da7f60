import type { Role, ShareRole } from '@quire/api-contract';
import type { ListedDocument } from './directory-records';

/** A folder as stored: its owner, where it sits (null at the top level) and its name. */
export interface StoredFolder {
  readonly id: string;
  readonly ownerId: string;
  readonly parentId: string | null;
  readonly name: string;
  readonly createdAt: Date;
  readonly updatedAt: Date;
}

/** A folder as one person sees it: with their role on it (`owner` for their own). */
export interface VisibleFolder extends StoredFolder {
  readonly role: Role;
}

export interface NewFolder {
  readonly id: string;
  readonly ownerId: string;
  readonly parentId: string | null;
  readonly name: string;
}

/** A person a folder is shared with, and the role they get on everything under it. */
export interface FolderMember {
  readonly userId: string;
  readonly name: string;
  readonly email: string;
  readonly role: ShareRole;
  readonly addedAt: Date;
}

/**
 * Folders (libs/storage README, "Folders"): each belongs to its owner and nests under a parent of
 * the same owner; a document is in at most one folder. Sharing a folder shares everything under
 * it: a person's role on a document is the highest of their own membership and their memberships
 * of every folder above it, decided in one place (access-sql.ts) that every read of the directory,
 * the search index, stars, recents and comment activity goes through. Rejects with `StorageError`:
 * `invalid-argument` for an unknown owner or member, a parent of another owner, or a move into
 * the folder's own subtree.
 */
export interface FolderStore {
  createFolder(folder: NewFolder): Promise<StoredFolder>;
  getFolder(id: string): Promise<StoredFolder | undefined>;
  /** Folders the user owns or reaches through a membership (nested ones too), by name. */
  listFolders(userId: string): Promise<VisibleFolder[]>;
  /** `owner` for the folder's owner; else the highest membership on it or a folder above it; else undefined. */
  folderRole(folderId: string, userId: string): Promise<Role | undefined>;
  /** False when there is no such folder. */
  renameFolder(id: string, name: string): Promise<boolean>;
  /** Moves under `parentId` (null: the top level); false when there is no such folder. */
  moveFolder(id: string, parentId: string | null): Promise<boolean>;
  /**
   * Deletes the folder and the folders under it; the documents that were in them go back to the top
   * level (they are not deleted). Resolves their ids, or undefined when there is no such folder.
   */
  deleteFolder(id: string): Promise<string[] | undefined>;
  /** Ids of the documents in the folder or any folder under it (whose access it decides). */
  documentsUnder(folderId: string): Promise<string[]>;
  /** Puts a document in a folder, or at the top level (null); false when there is no such document. */
  setDocumentFolder(documentId: string, folderId: string | null): Promise<boolean>;
  /** The folders above a document, the top-level one first; empty at the top level. */
  folderPath(documentId: string): Promise<StoredFolder[]>;
  /** The documents directly in the folder that the user may read, most recently changed first. */
  listFolderDocuments(folderId: string, userId: string): Promise<ListedDocument[]>;
  /** Adds a member or changes their role. */
  setFolderMember(folderId: string, userId: string, role: ShareRole): Promise<void>;
  /** False when they were not a member. */
  removeFolderMember(folderId: string, userId: string): Promise<boolean>;
  /** Members in the order they were added. */
  listFolderMembers(folderId: string): Promise<FolderMember[]>;
}
