/** The only URL schemes a link may use: anything else could run script or load data in the page. */
export const SAFE_LINK_PROTOCOLS: ReadonlySet<string> = new Set(['http:', 'https:', 'mailto:']);

/**
 * True when `href` is an absolute `http:`, `https:` or `mailto:` URL.
 *
 * The scheme is read with the WHATWG URL parser, the one browsers use when they follow the link, so
 * tricks the parser normalises away (surrounding spaces, tabs or newlines inside `java\tscript:`,
 * upper case) are judged as the browser would see them. Relative URLs are refused: a document is
 * opened under many origins and paths, so they have no stable meaning.
 */
export function isSafeHref(href: string): boolean {
  if (typeof href !== 'string' || href.trim() === '') return false;
  let url: URL;
  try {
    url = new URL(href);
  } catch {
    return false;
  }
  return SAFE_LINK_PROTOCOLS.has(url.protocol);
}
