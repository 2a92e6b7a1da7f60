import type { Role, ShareRole } from '@quire/api-contract';

/** A document's metadata, as the API lists it. */
export interface DocumentInfo {
  readonly id: string;
  /** First heading or line of the document, or a title set explicitly; '' when there is none yet. */
  readonly title: string;
  readonly createdAt: Date;
  /** When an update was last stored (or the document was created). */
  readonly updatedAt: Date;
}

/** An account, as everything but sign-in sees it. Emails are stored lower-cased and trimmed. */
export interface User {
  readonly id: string;
  readonly email: string;
  readonly name: string;
  readonly isAdmin: boolean;
  readonly createdAt: Date;
}

/** An account with its password hash, for sign-in only. */
export interface UserWithPassword extends User {
  readonly passwordHash: string;
}

/** A new account. */
export interface NewUser {
  readonly id: string;
  readonly email: string;
  readonly name: string;
  readonly passwordHash: string;
  readonly isAdmin: boolean;
}

/**
 * Secrets (sessions, API tokens, tickets) are never stored: only a keyed digest of them (hex), which
 * the caller computes. A digest identifies its row.
 */
export interface StoredSession {
  readonly digest: string;
  readonly userId: string;
  readonly expiresAt: Date;
}

/** A new API token: `digest` is the keyed digest of the secret, which is shown once and never stored. */
export interface NewApiToken {
  readonly id: string;
  readonly userId: string;
  readonly name: string;
  readonly digest: string;
}

export interface ApiTokenInfo {
  readonly id: string;
  readonly userId: string;
  readonly name: string;
  readonly createdAt: Date;
  readonly lastUsedAt: Date | null;
}

/**
 * What a socket connection opened with a ticket acts under, re-checked while it stays open so that a
 * revocation closes it: a membership through a browser session (`session`, which also needs the
 * session; `user` for tickets issued before sessions were recorded), a share link for a guest
 * (`link`), or an API token (`token`, which also needs the user's membership).
 */
export type GrantKind = 'user' | 'session' | 'link' | 'token';

/** A single-use ticket for one socket connection to one document. */
export interface Ticket {
  readonly digest: string;
  readonly documentId: string;
  /** The account, or null for a guest who opened a viewer link. */
  readonly userId: string | null;
  /** The display name the connection must use in awareness (the account's, or the guest's choice). */
  readonly name: string;
  readonly role: Role;
  readonly grantKind: GrantKind;
  /** The session's digest for `session`, the link id for `link`, the token id for `token`, the user id for `user`. */
  readonly grantId: string;
  readonly expiresAt: Date;
}

export interface Member {
  readonly user: User;
  readonly role: Role;
  readonly addedAt: Date;
}

/** A document as one user sees it in their lists. */
export interface MemberDocument extends DocumentInfo {
  readonly role: Role;
  readonly owner: { readonly id: string; readonly name: string } | null;
}

/** A document as a member sees it in their lists and on its own: with whether they starred it. */
export interface ListedDocument extends MemberDocument {
  readonly starred: boolean;
}

/** A new share link, working until revoked. */
export interface NewShareLink {
  readonly id: string;
  readonly documentId: string;
  readonly role: ShareRole;
  readonly createdBy: string;
}

export interface ShareLink {
  readonly id: string;
  readonly documentId: string;
  readonly role: ShareRole;
  readonly createdBy: string;
  readonly createdAt: Date;
  /** Null while the link works. */
  readonly revokedAt: Date | null;
}
