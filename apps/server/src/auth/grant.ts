import type { Role } from '@quire/api-contract';
import type { CloseCode } from '@quire/constants';
import type { GrantKind } from '@quire/storage';

/** What an open socket was authorized under; re-checked while it stays open. */
export interface Grant {
  readonly kind: GrantKind;
  /** The session's digest for `session`, the link id for `link`, the token id for `token`, the user id for `user`. */
  readonly id: string;
  readonly documentId: string;
  readonly userId: string | null;
  readonly role: Role;
}

/** Close codes for a socket that may not (or may no longer) open its document (docs/architecture.md, "Collaboration endpoint"). */
export type RefusalCode = typeof CloseCode.Unauthenticated | typeof CloseCode.Forbidden | typeof CloseCode.NotFound;

export type GrantCheck = { readonly ok: true; readonly role: Role } | { readonly ok: false; readonly code: RefusalCode; readonly message: string };

export function grantKey(grant: Grant): string {
  return `${grant.kind}:${grant.id}:${grant.documentId}:${grant.userId ?? ''}`;
}
