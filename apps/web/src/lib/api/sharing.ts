import { MemberList, MemberView, ShareLinkList, ShareLinkView, type ShareRole } from '@quire/api-contract';
import { queryOptions } from '@tanstack/react-query';
import type { ApiClient } from './client';
import { documentKeys } from './documents';
import { useApiMutation } from './use-api-mutation';

const path = (id: string) => `/api/documents/${encodeURIComponent(id)}`;
const membersKey = (documentId: string) => [...documentKeys.one(documentId), 'members'] as const;
const linksKey = (documentId: string) => [...documentKeys.one(documentId), 'links'] as const;

export function membersQuery(api: ApiClient, documentId: string) {
  return queryOptions({
    queryKey: membersKey(documentId),
    queryFn: async ({ signal }) => (await api.call(`${path(documentId)}/members`, MemberList, { signal })).members,
  });
}

/** The working share links of a document. */
export function shareLinksQuery(api: ApiClient, documentId: string) {
  return queryOptions({
    queryKey: linksKey(documentId),
    queryFn: async ({ signal }) => (await api.call(`${path(documentId)}/links`, ShareLinkList, { signal })).links,
  });
}

/** Adds the account with this email; 404 when there is none. */
export function useAddMember(documentId: string) {
  return useApiMutation(
    (api, body: { email: string; role: ShareRole }) => api.call(`${path(documentId)}/members`, MemberView, { method: 'POST', body }),
    () => [membersKey(documentId)],
  );
}

export function useChangeMemberRole(documentId: string) {
  return useApiMutation(
    (api, { userId, role }: { userId: string; role: ShareRole }) =>
      api.call(`${path(documentId)}/members/${encodeURIComponent(userId)}`, MemberView, { method: 'PATCH', body: { role } }),
    () => [membersKey(documentId)],
  );
}

/** Removes a member; their open pages lose access within seconds. */
export function useRemoveMember(documentId: string) {
  return useApiMutation(
    (api, userId: string) => api.call(`${path(documentId)}/members/${encodeURIComponent(userId)}`, null, { method: 'DELETE' }),
    () => [membersKey(documentId)],
  );
}

export function useCreateShareLink(documentId: string) {
  return useApiMutation((api, role: ShareRole) => api.call(`${path(documentId)}/links`, ShareLinkView, { method: 'POST', body: { role } }), () => [
    linksKey(documentId),
  ]);
}

export function useRevokeShareLink(documentId: string) {
  return useApiMutation(
    (api, linkId: string) => api.call(`${path(documentId)}/links/${encodeURIComponent(linkId)}`, null, { method: 'DELETE' }),
    () => [linksKey(documentId)],
  );
}
