import type { User } from '@quire/storage';

/** Who made a request: a signed-in browser (session) or a script (API token). */
export type Principal =
  | { readonly kind: 'session'; readonly user: User; readonly sessionDigest: string }
  | { readonly kind: 'token'; readonly user: User; readonly tokenId: string };

/** A user as the API shows it: never the password hash. */
export interface UserView {
  readonly id: string;
  readonly email: string;
  readonly name: string;
  readonly isAdmin: boolean;
  readonly createdAt: string;
}

export function toUserView(user: User): UserView {
  return { id: user.id, email: user.email, name: user.name, isAdmin: user.isAdmin, createdAt: user.createdAt.toISOString() };
}
