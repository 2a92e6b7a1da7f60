import type { Role, ShareRole } from '@quire/api-contract';
import type {
  ApiTokenInfo,
  DocumentInfo,
  Member,
  ListedDocument,
  MemberDocument,
  ShareLink,
  StoredSession,
  Ticket,
  User,
  UserWithPassword,
} from './directory-records';

// Rows as both SQL adapters select them (same column names), and what the Directory returns for
// them. Times are milliseconds in SQLite and Dates from pg; flags are 0/1 in SQLite and booleans
// from pg: `new Date(...)` and `Boolean(...)` accept either.

type Time = number | Date;

export interface UserRow {
  id: string;
  email: string;
  name: string;
  is_admin: number | boolean;
  created_at: Time;
}

export interface UserWithPasswordRow extends UserRow {
  password_hash: string;
}

export interface SessionRow {
  digest: string;
  user_id: string;
  expires_at: Time;
}

export interface TokenRow {
  id: string;
  user_id: string;
  name: string;
  created_at: Time;
  last_used_at: Time | null;
}

export interface TicketRow {
  digest: string;
  document_id: string;
  user_id: string | null;
  name: string;
  role: Role;
  grant_kind: Ticket['grantKind'];
  grant_id: string;
  expires_at: Time;
}

export interface DocumentRow {
  id: string;
  title: string;
  created_at: Time;
  updated_at: Time;
}

export interface MemberDocumentRow extends DocumentRow {
  role: Role;
  owner_id: string | null;
  owner_name: string | null;
}

/** With `starredColumn` (star-sql.ts): 0/1 in SQLite, a boolean from pg. */
export interface ListedDocumentRow extends MemberDocumentRow {
  starred: number | boolean;
}

export interface MemberRow extends UserRow {
  role: Role;
  added_at: Time;
}

export interface LinkRow {
  id: string;
  document_id: string;
  role: ShareRole;
  created_by: string;
  created_at: Time;
  revoked_at: Time | null;
}

export function toUser(row: UserRow): User {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    isAdmin: Boolean(row.is_admin),
    createdAt: new Date(row.created_at),
  };
}

export function toUserWithPassword(row: UserWithPasswordRow): UserWithPassword {
  return { ...toUser(row), passwordHash: row.password_hash };
}

export function toSession(row: SessionRow): StoredSession {
  return { digest: row.digest, userId: row.user_id, expiresAt: new Date(row.expires_at) };
}

export function toToken(row: TokenRow): ApiTokenInfo {
  return {
    id: row.id,
    userId: row.user_id,
    name: row.name,
    createdAt: new Date(row.created_at),
    lastUsedAt: row.last_used_at === null ? null : new Date(row.last_used_at),
  };
}

export function toTicket(row: TicketRow): Ticket {
  return {
    digest: row.digest,
    documentId: row.document_id,
    userId: row.user_id,
    name: row.name,
    role: row.role,
    grantKind: row.grant_kind,
    grantId: row.grant_id,
    expiresAt: new Date(row.expires_at),
  };
}

export function toDocumentInfo(row: DocumentRow): DocumentInfo {
  return { id: row.id, title: row.title, createdAt: new Date(row.created_at), updatedAt: new Date(row.updated_at) };
}

export function toMemberDocument(row: MemberDocumentRow): MemberDocument {
  return {
    ...toDocumentInfo(row),
    role: row.role,
    owner: row.owner_id === null ? null : { id: row.owner_id, name: row.owner_name ?? '' },
  };
}

export function toListedDocument(row: ListedDocumentRow): ListedDocument {
  return { ...toMemberDocument(row), starred: Boolean(row.starred) };
}

export function toMember(row: MemberRow): Member {
  return { user: toUser(row), role: row.role, addedAt: new Date(row.added_at) };
}

export function toLink(row: LinkRow): ShareLink {
  return {
    id: row.id,
    documentId: row.document_id,
    role: row.role,
    createdBy: row.created_by,
    createdAt: new Date(row.created_at),
    revokedAt: row.revoked_at === null ? null : new Date(row.revoked_at),
  };
}
