import type { ApiRoute } from './api-route';
import { AddMemberBody, MemberView, RoleBody } from './documents';
import { CreateFolderBody, DeletedFolder, DocumentFolder, DocumentFolderBody, FolderContents, FolderList, FolderMemberList, FolderView, MoveFolderBody, RenameFolderBody } from './folders';

const notVisible = 'no such folder, or it is not shared with the caller (whether it exists is not revealed)';
const ownerOnly = { 403: 'the folder is shared with the caller, who does not own it', 404: notVisible } as const;

/**
 * Folders (docs/api.md, "Folders"): a folder's members get its role on every document under it,
 * nested folders included.
 */
export const FOLDER_ROUTES: readonly ApiRoute[] = [
  { method: 'GET', path: '/api/folders', group: 'documents', summary: 'The caller’s folders and those shared with them, with their tree (parentId)', caller: 'signed-in', status: 200, answer: FolderList },
  {
    method: 'POST',
    path: '/api/folders',
    group: 'documents',
    summary: 'Make a folder, at the top level or in one of the caller’s folders',
    caller: 'signed-in',
    body: CreateFolderBody,
    status: 201,
    answer: FolderView,
    refusals: { 403: 'the parent is shared with the caller, who does not own it', 404: 'no such parent folder visible to the caller' },
  },
  {
    method: 'PATCH',
    path: '/api/folders/:id',
    group: 'documents',
    summary: 'Rename a folder (its owner and its editors)',
    caller: 'signed-in',
    body: RenameFolderBody,
    status: 200,
    answer: FolderView,
    refusals: { 403: 'the caller is a viewer or commenter of the folder', 404: notVisible },
  },
  {
    method: 'PUT',
    path: '/api/folders/:id/parent',
    group: 'documents',
    summary: 'Move a folder into another of the owner’s folders, or to the top level (null); what it holds moves with it',
    caller: 'signed-in',
    body: MoveFolderBody,
    status: 200,
    answer: FolderView,
    refusals: { ...ownerOnly, 404: `${notVisible}; or no such parent among the caller’s folders`, 409: 'the new parent is the folder itself or a folder under it' },
  },
  {
    method: 'DELETE',
    path: '/api/folders/:id',
    group: 'documents',
    summary: 'Delete a folder and the folders under it; their documents are not deleted but move to the top level',
    caller: 'signed-in',
    status: 200,
    answer: DeletedFolder,
    refusals: ownerOnly,
  },
  { method: 'GET', path: '/api/folders/:id/documents', group: 'documents', summary: 'A folder, the folders in it and the documents in it the caller may read', caller: 'signed-in', status: 200, answer: FolderContents, refusals: { 404: notVisible } },
  { method: 'GET', path: '/api/folders/:id/members', group: 'documents', summary: 'The people a folder is shared with', caller: 'signed-in', status: 200, answer: FolderMemberList, refusals: { 404: notVisible } },
  {
    method: 'POST',
    path: '/api/folders/:id/members',
    group: 'documents',
    summary: 'Share a folder (and everything under it) with an account, by email',
    caller: 'signed-in',
    body: AddMemberBody,
    status: 201,
    answer: MemberView,
    refusals: { ...ownerOnly, 400: 'the owner cannot share with themselves', 404: `${notVisible}; or no account has the email` },
  },
  { method: 'PATCH', path: '/api/folders/:id/members/:userId', group: 'documents', summary: 'Change a folder member’s role', caller: 'signed-in', body: RoleBody, status: 200, answer: MemberView, refusals: { ...ownerOnly, 404: `${notVisible}; or no such member` } },
  {
    method: 'DELETE',
    path: '/api/folders/:id/members/:userId',
    group: 'documents',
    summary: 'Stop sharing a folder with someone (or leave it): their sockets on documents under it close or become read-only at once',
    caller: 'signed-in',
    status: 204,
    refusals: { ...ownerOnly, 404: `${notVisible}; or no such member` },
  },
  {
    method: 'GET',
    path: '/api/documents/:id/folder',
    group: 'documents',
    summary: 'The folders above a document, as far up as the caller may see (breadcrumbs)',
    caller: 'signed-in',
    status: 200,
    answer: DocumentFolder,
    refusals: { 404: 'no such document, or the caller is not a member (whether it exists is not revealed)' },
  },
  {
    method: 'PUT',
    path: '/api/documents/:id/folder',
    group: 'documents',
    summary: 'Put a document in one of its owner’s folders, or take it out to the top level (null)',
    caller: 'signed-in',
    body: DocumentFolderBody,
    status: 200,
    answer: DocumentFolder,
    refusals: { 403: 'the caller does not own the document, or the folder is shared with them but not theirs', 404: 'no such document or folder visible to the caller' },
  },
];
