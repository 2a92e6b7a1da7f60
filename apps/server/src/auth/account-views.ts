import type { ApiTokenView, UserView } from '@quire/api-contract';
import type { ApiTokenInfo, User } from '@quire/storage';

/** A user as the API shows it: never the password hash. */
export function toUserView(user: User): UserView {
  return { id: user.id, email: user.email, name: user.name, isAdmin: user.isAdmin, createdAt: user.createdAt.toISOString() };
}

/** An API token as its owner lists it: never the secret, which only its creation shows. */
export function toTokenView(info: ApiTokenInfo): ApiTokenView {
  return { id: info.id, name: info.name, createdAt: info.createdAt.toISOString(), lastUsedAt: info.lastUsedAt?.toISOString() ?? null };
}
