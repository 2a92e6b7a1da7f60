import type { DocumentRole } from '@quire/editor';

/** The API's shapes (docs/api.md); dates are ISO 8601 strings. */

export type { DocumentRole };

/** Roles a member or a share link can be given (the owner is always the creator). */
export type ShareRole = Exclude<DocumentRole, 'owner'>;

export interface User {
  id: string;
  email: string;
  name: string;
  isAdmin: boolean;
  createdAt: string;
}

/** `GET /api/session`. */
export interface SessionInfo {
  user: User | null;
  setupNeeded: boolean;
  allowSignup: boolean;
}

export interface ApiToken {
  id: string;
  name: string;
  createdAt: string;
  lastUsedAt: string | null;
}

/** A token just created: the secret is shown this once. */
export interface CreatedApiToken extends ApiToken {
  token: string;
}

/** A document as the caller sees it, with their role. */
export interface DocumentSummary {
  id: string;
  title: string;
  createdAt: string;
  updatedAt: string;
  role: DocumentRole;
  owner: { id: string; name: string } | null;
}

/** `GET /api/documents`: most recently changed first. */
export interface DocumentLists {
  owned: DocumentSummary[];
  shared: DocumentSummary[];
}

export interface Member {
  user: { id: string; name: string; email: string };
  role: DocumentRole;
  addedAt: string;
}

export interface ShareLink {
  id: string;
  role: ShareRole;
  createdAt: string;
  /** The page for it is `/s/<token>`. */
  token: string;
}

/** `GET /api/links/:token`. */
export interface LinkInfo {
  documentId: string;
  title: string;
  role: ShareRole;
}

/** `POST /api/documents/:id/tickets` and `POST /api/links/:token/tickets`. */
export interface TicketAnswer {
  ticket: string;
  expiresAt: string;
  role: DocumentRole;
  user: { id: string; name: string };
}

/** `GET /api/admin/events`: one thing that happened to accounts, tokens, documents or sharing. */
export interface SecurityEvent {
  id: string;
  at: string;
  /** What happened, e.g. `signin-failed` (docs/api.md, "Security events"). */
  type: string;
  /** Who did it: null when nobody was signed in (a failed sign-in). */
  actor: { id: string; name: string } | null;
  address: string | null;
  documentId: string | null;
  /** The account, token, member or link it was done to. */
  subjectId: string | null;
  details: string | null;
}
