import { apiRequest } from './request';
import type { DocumentLists, DocumentSummary } from './types';

const path = (id: string) => `/api/documents/${encodeURIComponent(id)}`;

/** The caller's documents and those shared with them, most recently changed first. */
export function listDocuments(serverUrl: string, signal?: AbortSignal): Promise<DocumentLists> {
  return apiRequest<DocumentLists>(serverUrl, '/api/documents', signal ? { signal } : {});
}

/** Creates a document the caller owns. */
export function createDocument(serverUrl: string, title?: string): Promise<DocumentSummary> {
  return apiRequest<DocumentSummary>(serverUrl, '/api/documents', { method: 'POST', body: title ? { title } : {} });
}

export function getDocument(serverUrl: string, id: string, signal?: AbortSignal): Promise<DocumentSummary> {
  return apiRequest<DocumentSummary>(serverUrl, path(id), signal ? { signal } : {});
}

export function renameDocument(serverUrl: string, id: string, title: string): Promise<DocumentSummary> {
  return apiRequest<DocumentSummary>(serverUrl, path(id), { method: 'PATCH', body: { title } });
}

export function deleteDocument(serverUrl: string, id: string): Promise<void> {
  return apiRequest<void>(serverUrl, path(id), { method: 'DELETE' });
}

/** Removes the caller from a document shared with them. */
export function leaveDocument(serverUrl: string, id: string, userId: string): Promise<void> {
  return apiRequest<void>(serverUrl, `${path(id)}/members/${encodeURIComponent(userId)}`, { method: 'DELETE' });
}
