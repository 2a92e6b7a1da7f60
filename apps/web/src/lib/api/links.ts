import { JoinAnswer, LinkInfo } from '@quire/api-contract';
import { queryOptions } from '@tanstack/react-query';
import type { ApiClient } from './client';

export const linkPath = (token: string) => `/api/links/${encodeURIComponent(token)}`;

export const linkKey = (token: string) => ['link', token] as const;

/** What a share link opens (and the document's current title); 404 when it was revoked or never existed. */
export function linkQuery(api: ApiClient, token: string) {
  return queryOptions({ queryKey: linkKey(token), queryFn: ({ signal }) => api.call(linkPath(token), LinkInfo, { signal }) });
}

/** Makes the signed-in caller a member through the link (never lowering a role they have). */
export function joinLink(api: ApiClient, token: string): Promise<JoinAnswer> {
  return api.call(`${linkPath(token)}/join`, JoinAnswer, { method: 'POST' });
}
