/**
 * Where to go after signing in: the `next` parameter if it is a path on this site, otherwise the
 * home page. Anything else (`https://evil.example`, `//evil.example`, `/\evil.example`,
 * `javascript:`) would turn the sign-in page into an open redirect.
 */
export function safeNextPath(next: string | null | undefined): string {
  if (typeof next !== 'string' || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return '/';
  // Browsers drop tabs and newlines in URLs, so `/\t/evil.example` is `//evil.example`.
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\\]/.test(next)) return '/';
  return next;
}

/** A link to a sign-in or sign-up page that comes back to `next` afterwards. */
export function withNext(page: '/signin' | '/signup', next: string): string {
  const safe = safeNextPath(next);
  return safe === '/' ? page : `${page}?next=${encodeURIComponent(safe)}`;
}
