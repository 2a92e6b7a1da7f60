/**
 * Shared by the service worker and the page (src/lib/service-worker): the cache that holds the
 * pages' HTML, and which pages go into it.
 */
export const PAGE_CACHE = 'quire-pages';

/** The pages worth opening with no network: the documents list and each document's editor. */
export function isKeptPage(pathname: string): boolean {
  return pathname === '/' || /^\/d\/[^/]+$/.test(pathname);
}
