import type { Role, ShareRole } from '@quire/api-contract';

/** How long an invitation link works, from when it was made (or made again). */
export const INVITATION_LIFETIME_MS = 14 * 24 * 60 * 60 * 1000;

/** A pending invitation: a document shared with an email no account has yet. */
export interface StoredInvitation {
  readonly id: string;
  readonly documentId: string;
  /** Trimmed and lower-cased, as accounts' emails are. */
  readonly email: string;
  readonly role: ShareRole;
  readonly inviterId: string;
  readonly createdAt: Date;
  readonly expiresAt: Date;
}

/** An invitation with what its sign-up page shows. */
export interface InvitationDetails extends StoredInvitation {
  readonly documentTitle: string;
  readonly inviterName: string;
}

export interface NewInvitation {
  readonly id: string;
  readonly documentId: string;
  readonly email: string;
  readonly role: ShareRole;
  readonly inviterId: string;
  /** The keyed digest of the invitation's secret token; the token itself is never stored. */
  readonly tokenDigest: string;
  readonly now: Date;
}

/** Someone on the sign-in page asked the administrator for a new password. */
export interface ResetRequest {
  readonly id: string;
  readonly email: string;
  readonly requestedAt: Date;
}

/** What deleting an account did to the documents it owned. */
export interface DeletedAccount {
  /** Documents now owned by the heir. */
  readonly handedOver: string[];
  /** Documents deleted for good with the account. */
  readonly deleted: string[];
}

/**
 * People beyond their accounts (libs/storage README, "People"): invitations of emails that have no
 * account yet, disabled accounts, deleting an account with what it owns, and password reset
 * requests. Rejects with `StorageError`: `invalid-argument` for an unknown user, heir or document.
 */
export interface PeopleStore {
  /**
   * Invites an email to a document with a role; inviting the same email to the same document again
   * replaces the earlier invitation (new token, role and expiry).
   */
  createInvitation(invitation: NewInvitation): Promise<StoredInvitation>;
  /** The document's invitations that have not expired at `now`, oldest first. */
  listInvitations(documentId: string, now: Date): Promise<StoredInvitation[]>;
  /** The invitation with this token digest, unless it expired at `now` or its document is trashed. */
  getInvitation(tokenDigest: string, now: Date): Promise<InvitationDetails | undefined>;
  /** False when the document has no such invitation. */
  deleteInvitation(documentId: string, invitationId: string): Promise<boolean>;
  /**
   * Turns every unexpired invitation for `email` into a membership of `userId` (never lowering a role
   * they have), then deletes all invitations for the email; resolves the documents whose access changed.
   */
  acceptInvitations(email: string, userId: string, now: Date): Promise<{ documentId: string; role: Role }[]>;

  /** False when there is no such user or it was disabled already. */
  disableUser(userId: string, now: Date): Promise<boolean>;
  /** False when it was not disabled. */
  enableUser(userId: string): Promise<boolean>;
  isDisabled(userId: string): Promise<boolean>;
  /** Ids of every disabled account. */
  listDisabledUsers(): Promise<string[]>;
  /**
   * Deletes an account with its sessions, tokens and memberships. The documents it owns (trashed ones
   * too) go to `heirId` (who loses any lesser membership of them), or are deleted when `heirId` is null.
   * Undefined when there is no such user; `invalid-argument` when the heir has no account or is the user.
   */
  deleteUser(userId: string, heirId: string | null): Promise<DeletedAccount | undefined>;

  /** Records (or renews the time of) a reset request for an email; keeps the newest `keep` requests. */
  recordResetRequest(request: { readonly id: string; readonly email: string; readonly now: Date }, keep: number): Promise<void>;
  /** Newest first. */
  listResetRequests(): Promise<ResetRequest[]>;
  /** False when there is no such request. */
  deleteResetRequest(id: string): Promise<boolean>;
}
