import { apiRequest } from './request';
import type { Member, ShareLink, ShareRole } from './types';

const path = (id: string) => `/api/documents/${encodeURIComponent(id)}`;

export async function listMembers(serverUrl: string, documentId: string, signal?: AbortSignal): Promise<Member[]> {
  return (await apiRequest<{ members: Member[] }>(serverUrl, `${path(documentId)}/members`, signal ? { signal } : {})).members;
}

/** Adds the account with this email; 404 when there is none. */
export function addMember(serverUrl: string, documentId: string, email: string, role: ShareRole): Promise<Member> {
  return apiRequest<Member>(serverUrl, `${path(documentId)}/members`, { method: 'POST', body: { email, role } });
}

export function changeMemberRole(serverUrl: string, documentId: string, userId: string, role: ShareRole): Promise<Member> {
  return apiRequest<Member>(serverUrl, `${path(documentId)}/members/${encodeURIComponent(userId)}`, { method: 'PATCH', body: { role } });
}

/** Removes a member; their open pages lose access within seconds. */
export function removeMember(serverUrl: string, documentId: string, userId: string): Promise<void> {
  return apiRequest<void>(serverUrl, `${path(documentId)}/members/${encodeURIComponent(userId)}`, { method: 'DELETE' });
}

export async function listShareLinks(serverUrl: string, documentId: string, signal?: AbortSignal): Promise<ShareLink[]> {
  return (await apiRequest<{ links: ShareLink[] }>(serverUrl, `${path(documentId)}/links`, signal ? { signal } : {})).links;
}

export function createShareLink(serverUrl: string, documentId: string, role: ShareRole): Promise<ShareLink> {
  return apiRequest<ShareLink>(serverUrl, `${path(documentId)}/links`, { method: 'POST', body: { role } });
}

export function revokeShareLink(serverUrl: string, documentId: string, linkId: string): Promise<void> {
  return apiRequest<void>(serverUrl, `${path(documentId)}/links/${encodeURIComponent(linkId)}`, { method: 'DELETE' });
}
