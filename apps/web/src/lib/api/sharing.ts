import { AddedMember, FolderMemberList, MemberList, MemberView, ShareLinkList, ShareLinkView, type ShareRole } from '@quire/api-contract';
import { queryOptions, type QueryKey } from '@tanstack/react-query';
import type { ApiClient } from './client';
import { documentKeys } from './documents';
import { useApiMutation } from './use-api-mutation';

const path = (id: string) => `/api/documents/${encodeURIComponent(id)}`;
const linksKey = (documentId: string) => [...documentKeys.one(documentId), 'links'] as const;

/**
 * What people are shared: a document, or a folder (whose members get its role on everything in
 * it). Both take members at `${path}/members` with the same bodies and answers.
 */
export interface SharingTarget {
  readonly path: string;
  /** Under which the members are cached (and what changing them makes stale besides). */
  readonly key: QueryKey;
  readonly noun: 'document' | 'folder';
}

export const documentTarget = (documentId: string): SharingTarget => ({ path: path(documentId), key: documentKeys.one(documentId), noun: 'document' });

const targetOf = (target: SharingTarget | string): SharingTarget => (typeof target === 'string' ? documentTarget(target) : target);
const membersKey = (target: SharingTarget | string) => [...targetOf(target).key, 'members'] as const;

/** The members of a folder (the people it is shared with). */
export function membersQuery(api: ApiClient, target: SharingTarget) {
  return queryOptions({
    queryKey: membersKey(target),
    queryFn: async ({ signal }) => (await api.call(`${target.path}/members`, FolderMemberList, { signal })).members,
  });
}

/**
 * A document's people: its own members, and those it reaches through the folders above it
 * (`inherited`, each with the folder it comes from). Under the members' key, so that adding,
 * changing or removing a member reads it again.
 */
export function documentPeopleQuery(api: ApiClient, documentId: string) {
  return queryOptions({
    queryKey: membersKey(documentId),
    queryFn: ({ signal }) => api.call(`${path(documentId)}/members`, MemberList, { signal }),
  });
}

/** The working share links of a document. */
export function shareLinksQuery(api: ApiClient, documentId: string) {
  return queryOptions({
    queryKey: linksKey(documentId),
    queryFn: async ({ signal }) => (await api.call(`${path(documentId)}/links`, ShareLinkList, { signal })).links,
  });
}

/**
 * Adds the account with this email. A document invites an email no account has (the answer is then
 * `{ invitation, link }`); a folder answers 404 for it.
 */
export function useAddMember(target: SharingTarget | string) {
  return useApiMutation(
    (api, body: { email: string; role: ShareRole }) => api.call(`${targetOf(target).path}/members`, AddedMember, { method: 'POST', body }),
    () => [membersKey(target), [...targetOf(target).key, 'invitations']],
  );
}

export function useChangeMemberRole(target: SharingTarget | string) {
  return useApiMutation(
    (api, { userId, role }: { userId: string; role: ShareRole }) =>
      api.call(`${targetOf(target).path}/members/${encodeURIComponent(userId)}`, MemberView, { method: 'PATCH', body: { role } }),
    () => [membersKey(target)],
  );
}

/** Removes a member; their open pages lose access within seconds. */
export function useRemoveMember(target: SharingTarget | string) {
  return useApiMutation(
    (api, userId: string) => api.call(`${targetOf(target).path}/members/${encodeURIComponent(userId)}`, null, { method: 'DELETE' }),
    () => [membersKey(target)],
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
