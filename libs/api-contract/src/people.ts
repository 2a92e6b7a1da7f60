import { z } from 'zod';
import { MemberView } from './documents';
import { Email, Timestamp } from './fields';
import { ShareRole } from './roles';

/** A pending invitation as the share dialog lists it: an email with no account yet, and the role it will get. */
export const InvitationView = z.object({
  id: z.string(),
  email: z.string(),
  role: ShareRole,
  createdAt: Timestamp,
  /** 14 days after it was made: the link stops working then. */
  expiresAt: Timestamp,
});
export type InvitationView = z.infer<typeof InvitationView>;

/** `GET /api/documents/:id/invitations`: the oldest first. */
export const InvitationList = z.object({ invitations: z.array(InvitationView) });
export type InvitationList = z.infer<typeof InvitationList>;

/**
 * `POST /api/documents/:id/members` for an email no account has: the invitation, and the sign-up
 * link to send (`/signup?invite=<token>`; Quire sends no mail). The link is shown this once.
 */
export const CreatedInvitation = z.object({ invitation: InvitationView, link: z.string() });
export type CreatedInvitation = z.infer<typeof CreatedInvitation>;

/** What adding a member answers: the member, or an invitation when no account has the email. */
export const AddedMember = z.union([MemberView, CreatedInvitation]);
export type AddedMember = z.infer<typeof AddedMember>;

/** `GET /api/invitations/:token`: what the sign-up page shows of an invitation. */
export const InvitationInfo = z.object({
  /** The document it opens once the account is made. */
  documentId: z.string(),
  email: z.string(),
  documentTitle: z.string(),
  inviterName: z.string(),
  role: ShareRole,
  expiresAt: Timestamp,
});
export type InvitationInfo = z.infer<typeof InvitationInfo>;

/** `PUT /api/admin/users/:id/disabled`. */
export const DisableUserBody = z.object({ disabled: z.boolean() }).strict();
export type DisableUserBody = z.infer<typeof DisableUserBody>;

/** A document as the administrator's deletion dialog lists it. */
export const OwnedDocumentView = z.object({ id: z.string(), title: z.string(), trashed: z.boolean() });
export type OwnedDocumentView = z.infer<typeof OwnedDocumentView>;

/** `GET /api/admin/users/:id/documents`: what deleting the account hands over or deletes. */
export const OwnedDocumentList = z.object({ documents: z.array(OwnedDocumentView) });
export type OwnedDocumentList = z.infer<typeof OwnedDocumentList>;

/** `POST /api/admin/users/:id/deletion`: who gets the account's documents; null deletes them for good. */
export const DeleteUserBody = z.object({ heirId: z.string().min(1).nullable() }).strict();
export type DeleteUserBody = z.infer<typeof DeleteUserBody>;

/** What deleting an account did to its documents (ids). */
export const DeletedUser = z.object({ handedOver: z.array(z.string()), deleted: z.array(z.string()) });
export type DeletedUser = z.infer<typeof DeletedUser>;

/** `GET`/`PUT /api/admin/signup`: whether people may sign up, stored; `ALLOW_SIGNUP` is the default until set. */
export const SignupSetting = z.object({ allowSignup: z.boolean() }).strict();
export type SignupSetting = z.infer<typeof SignupSetting>;

/** `POST /api/auth/password-reset-requests`: the email of the account whose password is forgotten. */
export const ResetRequestBody = z.object({ email: Email }).strict();
export type ResetRequestBody = z.infer<typeof ResetRequestBody>;

/** A reset request as the admin page lists it, with the account the email belongs to (null: none). */
export const ResetRequestView = z.object({
  id: z.string(),
  email: z.string(),
  requestedAt: Timestamp,
  user: z.object({ id: z.string(), name: z.string() }).nullable(),
});
export type ResetRequestView = z.infer<typeof ResetRequestView>;

/** `GET /api/admin/password-reset-requests`: the newest first. */
export const ResetRequestList = z.object({ requests: z.array(ResetRequestView) });
export type ResetRequestList = z.infer<typeof ResetRequestList>;
