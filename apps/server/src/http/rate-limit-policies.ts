/** What a rate limit counts requests by: the caller's address, and the signed-in user if any. */
export type RateLimitKey = 'address' | 'user';

export interface RateLimitPolicy {
  /** Requests allowed per window for each key; the next is refused with 429 and `Retry-After`. */
  readonly points: number;
  readonly windowSeconds: number;
  readonly per: readonly RateLimitKey[];
  /** The end of the 429's message, after "Too many …: try again in N minutes". */
  readonly what: string;
}

/**
 * The routes with a rate limit of their own (docs/api.md, "Limits"). Sign-up: a script must not
 * make accounts by the thousand; 20 an hour still lets a class behind one NAT join together.
 * Adding a member by email answers whether an account has that email, so it is bounded per user
 * and per address, well above what sharing by hand needs. Uploads each cost disk and a blob-store
 * write: bounded per user, far above a document pasted with a hundred images. Comment changes
 * (new threads, replies, edits, deletions, resolving) each store rows and a document update that
 * every open page receives: 60 a minute per person is far above anyone discussing by hand.
 */
export const RATE_LIMITS = {
  signup: { points: 20, windowSeconds: 60 * 60, per: ['address'], what: 'sign-ups from your network' },
  'member-add': { points: 50, windowSeconds: 60 * 60, per: ['address', 'user'], what: 'members added' },
  'file-upload': { points: 500, windowSeconds: 60 * 60, per: ['user'], what: 'uploads' },
  'comment-write': { points: 60, windowSeconds: 60, per: ['user'], what: 'comment changes' },
  // Each request stores a row the administrator reads; five an hour is plenty for a forgotten password.
  'reset-request': { points: 5, windowSeconds: 60 * 60, per: ['address'], what: 'password reset requests from your network' },
} as const satisfies Record<string, RateLimitPolicy>;

export type RateLimitName = keyof typeof RATE_LIMITS;
