import type { ApiRoute } from './api-route';
import { DocumentView } from './documents';
import { RecentList, StarredList, TrashList } from './organizing';
import { DocumentPage, ListPageQuery } from './pages';
import { SearchAnswer, SearchQuery } from './search';

const notVisible = 'no such document, or the caller is not a member (whether it exists is not revealed)';
const badPage = { 400: 'limit is not 1–100, or the cursor is not one nextCursor gave' };
const notInTrash = 'no such document in the caller’s trash (not trashed, deleted for good, or someone else’s)';

/** Finding and organizing (docs/api.md, "Finding and organizing"): search, trash, stars and recents. */
export const ORGANIZING_ROUTES: readonly ApiRoute[] = [
  {
    method: 'GET',
    path: '/api/search',
    group: 'documents',
    summary: 'Full-text search over the titles and text of every document the caller may read, title matches first',
    caller: 'signed-in',
    query: SearchQuery,
    status: 200,
    answer: SearchAnswer,
    refusals: { 400: 'q is missing or longer than 500 characters, limit is not 1–50, or the cursor is not one nextCursor gave' },
  },
  {
    method: 'GET',
    path: '/api/documents/owned',
    group: 'documents',
    summary: 'A page of the documents the caller owns, most recently changed first',
    caller: 'signed-in',
    query: ListPageQuery,
    status: 200,
    answer: DocumentPage,
    refusals: badPage,
  },
  {
    method: 'GET',
    path: '/api/documents/shared',
    group: 'documents',
    summary: 'A page of the documents shared with the caller (directly or through a folder), most recently changed first',
    caller: 'signed-in',
    query: ListPageQuery,
    status: 200,
    answer: DocumentPage,
    refusals: badPage,
  },
  { method: 'GET', path: '/api/documents/recent', group: 'documents', summary: 'A page of the documents the caller opened, most recently first', caller: 'signed-in', query: ListPageQuery, status: 200, answer: RecentList, refusals: badPage },
  { method: 'GET', path: '/api/documents/starred', group: 'documents', summary: 'A page of the documents the caller starred, most recently first', caller: 'signed-in', query: ListPageQuery, status: 200, answer: StarredList, refusals: badPage },
  { method: 'PUT', path: '/api/documents/:id/star', group: 'documents', summary: 'Star a document (for the caller only)', caller: 'signed-in', status: 204, refusals: { 404: notVisible } },
  { method: 'DELETE', path: '/api/documents/:id/star', group: 'documents', summary: 'Unstar a document', caller: 'signed-in', status: 204, refusals: { 404: 'the caller had not starred it' } },
  { method: 'GET', path: '/api/trash', group: 'documents', summary: 'A page of the caller’s trashed documents, most recently trashed first', caller: 'signed-in', query: ListPageQuery, status: 200, answer: TrashList, refusals: badPage },
  {
    method: 'POST',
    path: '/api/trash/:id/restore',
    group: 'documents',
    summary: 'Take a document out of the trash with its content, history, members, links and comments',
    caller: 'signed-in',
    status: 200,
    answer: DocumentView,
    refusals: { 404: notInTrash },
  },
  { method: 'DELETE', path: '/api/trash/:id', group: 'documents', summary: 'Delete a trashed document for good, with its history and files', caller: 'signed-in', status: 204, refusals: { 404: notInTrash } },
];
