import type { ApiRoute } from './api-route';
import { DeletedUser, DeleteUserBody, DisableUserBody, InvitationInfo, InvitationList, OwnedDocumentList, ResetRequestBody, ResetRequestList, SignupSetting } from './people';
import { UserView } from './accounts';

const notVisible = 'no such document, or the caller is not a member (whether it exists is not revealed)';
const ownerOnly = { 403: 'the caller is a member, not the owner', 404: notVisible } as const;
const adminOnly = { 403: 'not the administrator' } as const;

/**
 * People (docs/api.md, "Invitations" and "Administration"): invitations of emails that have no
 * account yet, and the administrator's controls over accounts, sign-up and reset requests.
 */
export const INVITATION_ROUTES: readonly ApiRoute[] = [
  { method: 'GET', path: '/api/documents/:id/invitations', group: 'documents', summary: 'The document’s pending invitations (emails with no account yet)', caller: 'signed-in', status: 200, answer: InvitationList, refusals: ownerOnly },
  {
    method: 'DELETE',
    path: '/api/documents/:id/invitations/:invitationId',
    group: 'documents',
    summary: 'Cancel a pending invitation: its link stops working',
    caller: 'signed-in',
    status: 204,
    refusals: { ...ownerOnly, 404: `${notVisible}; or no such invitation` },
  },
  {
    method: 'GET',
    path: '/api/invitations/:token',
    group: 'accounts',
    summary: 'What the sign-up page shows of an invitation: the email, the document’s title, who invited',
    caller: 'anyone',
    status: 200,
    answer: InvitationInfo,
    refusals: { 404: 'no such invitation, or it was cancelled, accepted or expired (14 days)' },
  },
  {
    method: 'POST',
    path: '/api/auth/password-reset-requests',
    group: 'accounts',
    summary: 'Ask the administrator for a new password; answers the same whether an account has the email',
    caller: 'anyone',
    body: ResetRequestBody,
    status: 204,
    refusals: { 429: 'too many requests from this address' },
  },
];

/** What only the administrator may do to accounts beyond listing and resetting them; a browser session only. */
export const ACCOUNT_CONTROL_ROUTES: readonly ApiRoute[] = [
  {
    method: 'PUT',
    path: '/api/admin/users/:id/disabled',
    group: 'admin',
    summary: 'Disable an account (its sessions, API tokens and sockets end at once; it cannot sign in) or enable it again',
    caller: 'session',
    body: DisableUserBody,
    status: 200,
    answer: UserView,
    refusals: { 400: 'the administrator’s own account', 403: 'not the administrator', 404: 'no such user' },
  },
  { method: 'GET', path: '/api/admin/users/:id/documents', group: 'admin', summary: 'The documents an account owns (trashed ones too): what deleting it hands over or deletes', caller: 'session', status: 200, answer: OwnedDocumentList, refusals: { ...adminOnly, 404: 'no such user' } },
  {
    method: 'POST',
    path: '/api/admin/users/:id/deletion',
    group: 'admin',
    summary: 'Delete an account; its documents go to heirId, or are deleted for good when heirId is null',
    caller: 'session',
    body: DeleteUserBody,
    status: 200,
    answer: DeletedUser,
    refusals: { 400: 'the administrator’s own account, or the heir is the account itself', 403: 'not the administrator', 404: 'no such user, or no such heir' },
  },
  { method: 'GET', path: '/api/admin/signup', group: 'admin', summary: 'Whether people may sign up (the stored setting, else ALLOW_SIGNUP)', caller: 'session', status: 200, answer: SignupSetting, refusals: adminOnly },
  { method: 'PUT', path: '/api/admin/signup', group: 'admin', summary: 'Turn sign-up on or off; overrides ALLOW_SIGNUP', caller: 'session', body: SignupSetting, status: 200, answer: SignupSetting, refusals: adminOnly },
  { method: 'GET', path: '/api/admin/password-reset-requests', group: 'admin', summary: 'Password reset requests from the sign-in page, the newest first', caller: 'session', status: 200, answer: ResetRequestList, refusals: adminOnly },
  { method: 'DELETE', path: '/api/admin/password-reset-requests/:id', group: 'admin', summary: 'Dismiss a password reset request', caller: 'session', status: 204, refusals: { ...adminOnly, 404: 'no such request' } },
];
