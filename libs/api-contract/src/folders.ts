import { z } from 'zod';
import { ListedDocumentView, MemberView, PersonRef } from './documents';
import { Timestamp } from './fields';
import { Role } from './roles';

/** Longest folder name, in characters. */
export const MAX_FOLDER_NAME_LENGTH = 200;

export const FolderName = z
  .string()
  .trim()
  .min(1, 'name: give the folder a name')
  .max(MAX_FOLDER_NAME_LENGTH, `name: at most ${MAX_FOLDER_NAME_LENGTH} characters`);

/** A folder as the caller sees it: `role` is theirs (`owner` for their own; else inherited from the folder or one above it). */
export const FolderView = z.object({
  id: z.string(),
  name: z.string(),
  /** The folder it is in; null at its owner's top level. */
  parentId: z.string().nullable(),
  owner: PersonRef,
  role: Role,
  createdAt: Timestamp,
  updatedAt: Timestamp,
});
export type FolderView = z.infer<typeof FolderView>;

/**
 * `GET /api/folders`: the caller's own folders and those shared with them (nested ones too), by
 * name. The tree is `parentId`; a shared folder whose parent is not listed is a top of the caller's tree.
 */
export const FolderList = z.object({ folders: z.array(FolderView) });
export type FolderList = z.infer<typeof FolderList>;

/** `POST /api/folders`: at the top level, or in one of the caller's folders. */
export const CreateFolderBody = z.object({ name: FolderName, parentId: z.string().nullable().optional() }).strict();
export type CreateFolderBody = z.infer<typeof CreateFolderBody>;

/** `PATCH /api/folders/:id`. */
export const RenameFolderBody = z.object({ name: FolderName }).strict();
export type RenameFolderBody = z.infer<typeof RenameFolderBody>;

/** `PUT /api/folders/:id/parent`: into another of the owner's folders, or to the top level (null). */
export const MoveFolderBody = z.object({ parentId: z.string().nullable() }).strict();
export type MoveFolderBody = z.infer<typeof MoveFolderBody>;

/** `DELETE /api/folders/:id`: the documents that were in it or in a folder under it, now at the top level. */
export const DeletedFolder = z.object({ movedToTopLevel: z.array(z.string()) });
export type DeletedFolder = z.infer<typeof DeletedFolder>;

/** `GET /api/folders/:id/documents`: the folder, the folders directly in it, and its documents the caller may read. */
export const FolderContents = z.object({ folder: FolderView, folders: z.array(FolderView), documents: z.array(ListedDocumentView) });
export type FolderContents = z.infer<typeof FolderContents>;

/** `PUT /api/documents/:id/folder`: into one of the owner's folders, or out to the top level (null). */
export const DocumentFolderBody = z.object({ folderId: z.string().nullable() }).strict();
export type DocumentFolderBody = z.infer<typeof DocumentFolderBody>;

/** A folder on a document's path: enough for a breadcrumb. */
export const FolderCrumb = z.object({ id: z.string(), name: z.string() });
export type FolderCrumb = z.infer<typeof FolderCrumb>;

/**
 * `GET /api/documents/:id/folder` and the answer of `PUT`: the folders above the document, the top
 * one first, as far up as the caller may see (a member of a folder in the middle does not see the
 * owner's folders above it); `folderId` is the document's own folder, or null at the top level or
 * when the caller may not see it.
 */
export const DocumentFolder = z.object({ folderId: z.string().nullable(), path: z.array(FolderCrumb) });
export type DocumentFolder = z.infer<typeof DocumentFolder>;

/** `GET /api/folders/:id/members`: the people the folder is shared with (as a document's members, without its owner). */
export const FolderMemberList = z.object({ members: z.array(MemberView) });
export type FolderMemberList = z.infer<typeof FolderMemberList>;
