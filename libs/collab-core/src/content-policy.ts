import { isSafeHref } from '@quire/editor-schema';

/**
 * What the server will not store, whatever the client: a link mark (y-prosemirror stores marks as
 * text formats named after them, `link` or `link--<hash>` when marks overlap) to an address other
 * than http, https or mailto. The editor never makes one; a hand-made client could, and a
 * `javascript:` link in a shared document runs in every reader's page.
 */
export function refuseUnsafeLinks(key: string, value: unknown): string | undefined {
  if (key !== 'link' && !key.startsWith('link--')) return undefined;
  if (value === null) return undefined; // removes the mark
  const href = typeof value === 'object' ? (value as { href?: unknown }).href : undefined;
  if (typeof href === 'string' && isSafeHref(href)) return undefined;
  return 'A link must point to an http, https or mailto address';
}
