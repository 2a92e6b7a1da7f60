import { apiRequest } from './request';
import type { DocumentRole, LinkInfo } from './types';

const path = (token: string) => `/api/links/${encodeURIComponent(token)}`;

/** What a share link opens; 404 when it was revoked or never existed. */
export function getLinkInfo(serverUrl: string, token: string, signal?: AbortSignal): Promise<LinkInfo> {
  return apiRequest<LinkInfo>(serverUrl, path(token), signal ? { signal } : {});
}

/** Makes the signed-in caller a member through the link (never lowering a role they have). */
export function joinLink(serverUrl: string, token: string): Promise<{ documentId: string; role: DocumentRole }> {
  return apiRequest<{ documentId: string; role: DocumentRole }>(serverUrl, `${path(token)}/join`, { method: 'POST' });
}

export const linkPath = path;
