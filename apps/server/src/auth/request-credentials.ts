import type { IncomingHttpHeaders } from 'node:http';

export const SESSION_COOKIE = 'quire_session';

/** The session cookie and the bearer token a request carries, if any. */
export function credentialsOf(headers: IncomingHttpHeaders): { session?: string; bearer?: string } {
  const authorization = headers.authorization;
  const bearer = authorization?.startsWith('Bearer ') ? authorization.slice('Bearer '.length).trim() : undefined;
  const session = readCookie(headers.cookie, SESSION_COOKIE);
  return { ...(bearer ? { bearer } : {}), ...(session ? { session } : {}) };
}

function readCookie(header: string | undefined, name: string): string | undefined {
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const separator = part.indexOf('=');
    if (separator > 0 && part.slice(0, separator).trim() === name) return part.slice(separator + 1).trim();
  }
  return undefined;
}

/**
 * The session cookie: httpOnly (no script reads it), SameSite=Lax (no other site's form or fetch
 * carries it), Secure when the page was served over HTTPS.
 */
export function sessionCookie(token: string, maxAgeMs: number, secure: boolean): string {
  return [
    `${SESSION_COOKIE}=${token}`,
    'Path=/',
    'HttpOnly',
    'SameSite=Lax',
    `Max-Age=${Math.floor(maxAgeMs / 1000)}`,
    ...(secure ? ['Secure'] : []),
  ].join('; ');
}

export function clearedSessionCookie(secure: boolean): string {
  return sessionCookie('', 0, secure);
}
