/// <reference lib="webworker" />
import type { PrecacheEntry, SerwistGlobalConfig } from 'serwist';
import { CacheableResponsePlugin, ExpirationPlugin, NetworkFirst, Serwist } from 'serwist';
import { PAGE_CACHE, isKeptPage } from './page-cache';

/**
 * Quire's service worker (docs/offline.md, "Opening with no network"), bundled after `next build`
 * by scripts/build-service-worker.mjs into public/sw.js.
 *
 * - The build's JavaScript, CSS and fonts (`/_next/static/…`) are precached: the documents list
 *   and the editor run from them with no network.
 * - The documents list and the editor pages are network-first: always the server's fresh page
 *   (its own CSP nonce) while it answers, the last one kept otherwise.
 * - Nothing else is handled: the API (the collaboration server's origin, or `/api/*` behind a
 *   proxy on this origin) is never cached, and WebSockets never pass through a service worker.
 */
declare global {
  interface WorkerGlobalScope extends SerwistGlobalConfig {
    __SW_MANIFEST: (PrecacheEntry | string)[] | undefined;
  }
}
declare const self: ServiceWorkerGlobalScope;

const serwist = new Serwist({
  precacheEntries: self.__SW_MANIFEST,
  // A new build's worker takes over at once: its precache holds the chunks the new pages ask for.
  skipWaiting: true,
  clientsClaim: true,
  runtimeCaching: [
    {
      matcher: ({ request, url, sameOrigin }) =>
        sameOrigin && request.mode === 'navigate' && !url.pathname.startsWith('/api/') && isKeptPage(url.pathname),
      handler: new NetworkFirst({
        cacheName: PAGE_CACHE,
        plugins: [
          // Only a page itself: not an error page, not a redirect (to sign-in, say).
          new CacheableResponsePlugin({ statuses: [200] }),
          {
            cacheWillUpdate: async ({ response }) => (response.redirected ? null : response),
          },
          new ExpirationPlugin({ maxEntries: 200 }),
        ],
      }),
    },
  ],
});

// A new build's pages ask for chunks the old precache no longer holds: its kept pages go with it, and
// each is kept again from the network the next time it is opened.
self.addEventListener('activate', (event) => {
  event.waitUntil(caches.delete(PAGE_CACHE));
});

serwist.addEventListeners();
