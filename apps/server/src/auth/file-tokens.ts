import { FILE_TOKEN_PREFIX, type Secrets } from './secrets';

/** A guest's file token can be at most this long; anything longer is not one. */
const MAX_TOKEN_LENGTH = 300;

/** What a genuine file token says: the share link it was issued through, and whether it has expired. */
export interface FileTokenClaim {
  readonly linkId: string;
  readonly expired: boolean;
}

/**
 * Tokens that let a guest (no account, a viewer link) read one document's files: a browser cannot
 * send the guest's ticket with an `<img>`, so the guest's ticket answer carries one of these for
 * the page to put in file URLs (`?access=…`; docs/api.md, "Files").
 *
 * A token is `qf_<link id>.<expiry, Unix seconds>.<MAC>`, the MAC keyed with AUTH_SECRET over the
 * link, the document and the expiry. It is checked without the database; the link it names is
 * then looked up on every request, so revoking the link (or deleting the document) stops it at
 * once, expiry or not. Every instance with the same AUTH_SECRET accepts it.
 */
export class FileTokens {
  constructor(
    private readonly secrets: Secrets,
    private readonly lifetimeMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** A token for the files of `documentId`, through the share link `linkId`. */
  issue(linkId: string, documentId: string): { fileToken: string; fileTokenExpiresAt: string } {
    const expires = Math.floor((this.now() + this.lifetimeMs) / 1000);
    const mac = this.secrets.mac('file', `${linkId}:${documentId}:${expires}`);
    return { fileToken: `${FILE_TOKEN_PREFIX}${linkId}.${expires}.${mac}`, fileTokenExpiresAt: new Date(expires * 1000).toISOString() };
  }

  /** What `token` says, if it is genuine and was issued for `documentId`'s files; otherwise undefined. */
  check(token: string, documentId: string): FileTokenClaim | undefined {
    if (!token.startsWith(FILE_TOKEN_PREFIX) || token.length > MAX_TOKEN_LENGTH) return undefined;
    const [linkId, expires, mac, ...rest] = token.slice(FILE_TOKEN_PREFIX.length).split('.');
    if (!linkId || !expires || !mac || rest.length > 0 || !/^\d{1,12}$/.test(expires)) return undefined;
    if (!this.secrets.macMatches('file', `${linkId}:${documentId}:${expires}`, mac)) return undefined;
    return { linkId, expired: Number(expires) * 1000 <= this.now() };
  }
}
