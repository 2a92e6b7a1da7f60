import { DeletedUser, InvitationInfo, InvitationList, OwnedDocumentList, ResetRequestList, SignupSetting, UserView } from '@quire/api-contract';
import { queryOptions } from '@tanstack/react-query';
import type { ApiClient } from './client';
import { documentKeys } from './documents';
import { useApiMutation } from './use-api-mutation';

// Invitations (docs/api.md, "Invitations") and the administrator's account controls.

const documentPath = (id: string) => `/api/documents/${encodeURIComponent(id)}`;
const userPath = (id: string) => `/api/admin/users/${encodeURIComponent(id)}`;
export const invitationsKey = (documentId: string) => [...documentKeys.one(documentId), 'invitations'] as const;
const usersKey = ['admin', 'users'] as const;
const eventsKey = ['admin', 'events'] as const;
const signupKey = ['admin', 'signup'] as const;
const resetRequestsKey = ['admin', 'reset-requests'] as const;

/** The page an invitation link opens: sign-up with the invitation. */
export function invitationUrl(link: string): string {
  return new URL(link, window.location.origin).toString();
}

/** A document's pending invitations (its owner only). */
export function invitationsQuery(api: ApiClient, documentId: string) {
  return queryOptions({
    queryKey: invitationsKey(documentId),
    queryFn: async ({ signal }) => (await api.call(`${documentPath(documentId)}/invitations`, InvitationList, { signal })).invitations,
  });
}

export function useCancelInvitation(documentId: string) {
  return useApiMutation(
    (api, invitationId: string) => api.call(`${documentPath(documentId)}/invitations/${encodeURIComponent(invitationId)}`, null, { method: 'DELETE' }),
    () => [invitationsKey(documentId)],
  );
}

/** What the sign-up page shows of an invitation link; a 404 when it no longer works. */
export function invitationInfoQuery(api: ApiClient, token: string) {
  return queryOptions({
    queryKey: ['invitation', token],
    queryFn: ({ signal }) => api.call(`/api/invitations/${encodeURIComponent(token)}`, InvitationInfo, { signal }),
    retry: false,
  });
}

/** Disables or enables an account (never the administrator's own). */
export function useSetDisabled() {
  return useApiMutation(
    (api, { userId, disabled }: { userId: string; disabled: boolean }) => api.call(`${userPath(userId)}/disabled`, UserView, { method: 'PUT', body: { disabled } }),
    () => [usersKey, eventsKey],
  );
}

/** The documents an account owns: what deleting it hands over or deletes. */
export function ownedDocumentsQuery(api: ApiClient, userId: string) {
  return queryOptions({
    queryKey: ['admin', 'owned', userId],
    queryFn: async ({ signal }) => (await api.call(`${userPath(userId)}/documents`, OwnedDocumentList, { signal })).documents,
    staleTime: 0,
  });
}

/** Deletes an account; its documents go to `heirId`, or are deleted for good when it is null. */
export function useDeleteUser() {
  return useApiMutation(
    (api, { userId, heirId }: { userId: string; heirId: string | null }) => api.call(`${userPath(userId)}/deletion`, DeletedUser, { method: 'POST', body: { heirId } }),
    () => [usersKey, eventsKey],
  );
}

export function signupSettingQuery(api: ApiClient) {
  return queryOptions({ queryKey: signupKey, queryFn: async ({ signal }) => (await api.call('/api/admin/signup', SignupSetting, { signal })).allowSignup });
}

export function useSetSignup() {
  return useApiMutation((api, allowSignup: boolean) => api.call('/api/admin/signup', SignupSetting, { method: 'PUT', body: { allowSignup } }), () => [signupKey, eventsKey, ['session']]);
}

export function resetRequestsQuery(api: ApiClient) {
  return queryOptions({ queryKey: resetRequestsKey, queryFn: async ({ signal }) => (await api.call('/api/admin/password-reset-requests', ResetRequestList, { signal })).requests });
}

export function useDismissResetRequest() {
  return useApiMutation(
    (api, id: string) => api.call(`/api/admin/password-reset-requests/${encodeURIComponent(id)}`, null, { method: 'DELETE' }),
    () => [resetRequestsKey, eventsKey],
  );
}

/** "Forgot your password?": the same answer whether an account has the email. */
export function useRequestReset() {
  return useApiMutation((api, email: string) => api.call('/api/auth/password-reset-requests', null, { method: 'POST', body: { email } }), () => []);
}
