import type { User } from '@quire/storage';

/** Who made a request: a signed-in browser (session) or a script (API token). */
export type Principal =
  | { readonly kind: 'session'; readonly user: User; readonly sessionDigest: string }
  | { readonly kind: 'token'; readonly user: User; readonly tokenId: string };
