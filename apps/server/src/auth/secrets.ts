import { createHmac, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';

/** Prefixes tell a person (and a secret scanner) what a leaked string is. */
export const API_TOKEN_PREFIX = 'qt_';
export const TICKET_PREFIX = 'qk_';
export const FILE_TOKEN_PREFIX = 'qf_';
const SESSION_PREFIX = 'qs_';

/**
 * Makes and recognizes Quire's secrets. Only digests keyed with AUTH_SECRET are stored, so a copy of
 * the database alone opens nothing; share links are `<id>.<mac>`, so the owner can copy one again
 * without the database holding the secret part.
 */
export class Secrets {
  constructor(private readonly key: string) {}

  newSessionToken(): string {
    return SESSION_PREFIX + randomBytes(32).toString('base64url');
  }

  newApiToken(): string {
    return API_TOKEN_PREFIX + randomBytes(32).toString('base64url');
  }

  newTicket(): string {
    return TICKET_PREFIX + randomBytes(32).toString('base64url');
  }

  /** The stored form of a secret. */
  digest(secret: string): string {
    return createHmac('sha256', this.key).update(secret).digest('hex');
  }

  /** The token of a share link with this id. */
  linkToken(linkId: string): string {
    return `${linkId}.${this.linkMac(linkId)}`;
  }

  /** The link id a token names, if the token is genuine. */
  linkIdOf(token: string): string | undefined {
    const [linkId, mac] = token.split('.');
    if (!linkId || !mac || token.length > 200) return undefined;
    return this.macMatches('link', linkId, mac) ? linkId : undefined;
  }

  /**
   * A MAC of `value` keyed with AUTH_SECRET, for one `purpose`: a MAC made for one kind of token
   * never passes for another's.
   */
  mac(purpose: string, value: string): string {
    return createHmac('sha256', this.key).update(`${purpose}:${value}`).digest('base64url');
  }

  /** Whether `mac` is {@link mac} of `value` for `purpose`, compared in constant time. */
  macMatches(purpose: string, value: string, mac: string): boolean {
    const expected = Buffer.from(this.mac(purpose, value));
    const actual = Buffer.from(mac);
    return actual.length === expected.length && timingSafeEqual(actual, expected);
  }

  private linkMac(linkId: string): string {
    return this.mac('link', linkId);
  }
}

export function newId(): string {
  return randomUUID();
}
